"""One plan, one row: the .txt, .docx and .pdf of a plan share its `doc_id`, and a reader counts plans.

Why: a province receives the same plan in two or three formats, and an audit that lists each file
as its own plan triples the rows and the findings. A `PlanGroup` is the plan: its files (one audit
per format, the first in the report's order being the one shown, as the engine's matrix row is), and
its findings merged across formats, each saying in which formats it stands when not in all of them.

Why worst first: the reader has a hundred and fifty plans and an afternoon; the plans with the most
problems, then warnings, then directive targets missing, come first (ties by plan id, so the order is
the same on every run).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from pipeline.audit.models import AuditReport, Finding, PlanAudit

KIND_ORDER: tuple[str, ...] = ("coverage", "lint", "five_clear")
SEVERITY_ORDER: tuple[str, ...] = ("problem", "warning", "info")


def file_format(plan: PlanAudit) -> str:
    """ "txt", "docx" or "pdf" from the file's name (empty when the audit has no file)."""
    name = plan.source_file or ""
    return name.rsplit(".", 1)[1].lower() if "." in name.rsplit("/", 1)[-1] else ""


def _key(finding: Finding) -> tuple:
    """What makes two formats' findings the same finding: its code, its sentence and its target."""
    return (finding.code, finding.message, finding.directive, finding.target_id)


@dataclass
class MergedFinding:
    finding: Finding
    """The instance shown: the first format's where it has it (its quotes' spans are that file's)."""
    formats: list[str] = field(default_factory=list)
    """The formats it stands in, empty when it stands in every format of the plan."""


@dataclass
class PlanGroup:
    doc_id: str
    audits: list[PlanAudit]

    @property
    def shown(self) -> PlanAudit:
        return self.audits[0]

    @property
    def formats(self) -> list[str]:
        return [f for f in (file_format(a) for a in self.audits) if f]

    @property
    def label(self) -> str:
        """The plan id with its formats: "tan-phong_45-KH-UBND_2025 (docx, pdf, txt)"."""
        return f"{self.doc_id} ({', '.join(self.formats)})" if self.formats else self.doc_id

    @property
    def directives(self) -> list[str]:
        return list(dict.fromkeys(d for a in self.audits for d in a.directives))

    @cached_property
    def findings(self) -> list[MergedFinding]:
        """Every distinct finding of the plan's files, grouped by kind, problems first within a kind."""
        merged: dict[tuple, MergedFinding] = {}
        for audit in self.audits:
            for finding in audit.findings:
                entry = merged.setdefault(_key(finding), MergedFinding(finding))
                entry.formats.append(file_format(audit))
        everywhere = set(self.formats)
        for entry in merged.values():
            entry.formats = [] if set(entry.formats) >= everywhere else sorted(set(entry.formats))
        kind = {k: i for i, k in enumerate(KIND_ORDER)}
        rank = {s: i for i, s in enumerate(SEVERITY_ORDER)}
        return sorted(
            merged.values(),
            key=lambda m: (kind.get(m.finding.kind, len(kind)), rank.get(m.finding.severity, len(rank))),
        )

    def severity_counts(self) -> Counter[str]:
        return Counter(m.finding.severity for m in self.findings)

    def badness(self) -> tuple[int, int, int]:
        counts = self.severity_counts()
        missing = sum(1 for m in self.findings if m.finding.status in ("missing", "weakened"))
        return (counts["problem"], counts["warning"], missing)


def plan_groups(report: AuditReport) -> list[PlanGroup]:
    """The report's plans, one group per plan id, worst first."""
    groups: dict[str, PlanGroup] = {}
    for plan in report.plans:
        groups.setdefault(plan.doc_id, PlanGroup(plan.doc_id, [])).audits.append(plan)
    return sorted(groups.values(), key=lambda g: (*(-n for n in g.badness()), g.doc_id))
