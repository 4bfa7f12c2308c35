"""What an audit produces: findings with evidence, per plan, and the peer matrix of a batch.

The engine (`pipeline.audit.engine`) fills these from `PlanResult`s and directive profiles; the
report writers (`pipeline.audit.report`) render them as JSON, CSV and a self-contained HTML page.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.models import SourceLocation

FindingKind = Literal["coverage", "five_clear", "lint"]
Severity = Literal["info", "warning", "problem"]
CoverageStatus = Literal["carried", "strengthened", "weakened", "missing", "not_applicable"]


class Quote(BaseModel):
    """A piece of evidence: the words, and where they stand in the plan (or the directive profile)."""

    model_config = ConfigDict(extra="forbid")
    text: str
    section: str | None = None
    source: SourceLocation | None = None
    span: tuple[int, int] | None = None


class Finding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc_id: str
    source_file: str | None = None
    kind: FindingKind
    code: str
    """A stable machine name: coverage.missing, five_clear.no_lead, lint.citation_date_conflict …"""
    severity: Severity
    message: str
    """One sentence an auditor reads, in plain words."""
    directive: str | None = None
    target_id: str | None = None
    """For coverage: the directive target's id in its profile."""
    status: CoverageStatus | None = None
    evidence: list[Quote] = Field(default_factory=list)


class PlanAudit(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc_id: str
    source_file: str | None = None
    title: str | None = None
    directives: list[str] = Field(default_factory=list)
    """The directives this plan was audited against (from `--against`, or its `implements`)."""
    findings: list[Finding] = Field(default_factory=list)
    five_clear: dict[str, int] = Field(default_factory=dict)
    """Per criterion (viec, trach_nhiem, san_pham, thoi_han, hieu_qua): how many tasks meet it; plus "tasks"."""


class MatrixCell(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: CoverageStatus
    value: float | None = None
    value_max: float | None = None
    by: str | None = None
    outlier: bool = False
    """True where this plan promises less than its peers for the same directive target."""


class PeerMatrix(BaseModel):
    """Plans × directive targets: what each plan promises for each target of one directive."""

    model_config = ConfigDict(extra="forbid")
    directive: str
    targets: list[dict] = Field(default_factory=list)
    """The directive's targets as rows of the header: {id, indicator, value, unit, comparator, by}."""
    plans: list[str] = Field(default_factory=list)
    cells: dict[str, dict[str, MatrixCell]] = Field(default_factory=dict)
    """cells[doc_id][target_id]."""


class AuditReport(BaseModel):
    model_config = ConfigDict(extra="forbid")
    plans: list[PlanAudit] = Field(default_factory=list)
    matrices: list[PeerMatrix] = Field(default_factory=list)
    errors: list[dict[str, str]] = Field(default_factory=list)
