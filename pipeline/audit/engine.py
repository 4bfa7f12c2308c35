"""The audit: a batch of `PlanResult`s against directive profiles → findings with evidence.

Per plan: coverage of every directive target that applies at the plan's level (carried over,
strengthened, weakened, missing), the "5 rõ" of every task, and consistency lints. Per directive:
the peer matrix of the plans implementing it, with each plan's outliers. Pure: reads records,
writes findings; no I/O beyond loading the profiles, so a batch of plans audits in milliseconds.

Lints reuse what the extractors already found (citation warnings from `extractors.registry`,
heading warnings from `pipeline.structure`, impossible dates from the deadlines extractor) and add
only what needs a directive or the whole plan: blank header fields, superseded directives cited as
current, deadlines before the plan or after the directive's.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import regex

from extractors.registry import load_registry, number_key
from pipeline.audit.matcher import FUZZY_THRESHOLD, concepts_of, load_lexicon, match, similarity
from pipeline.audit.messages import doc_type_name, document, message, vn_date, vn_figure
from pipeline.audit.models import AuditReport, Finding, MatrixCell, PeerMatrix, PlanAudit, Quote
from pipeline.audit.profiles import Level, Profile, ProfileTarget, level_of, load_profiles
from pipeline.models import Citation, Criterion, Deadline, DeadlineSpec, DocWarning, PlanResult, Target, Task

FIVE_CLEAR = ("viec", "trach_nhiem", "san_pham", "thoi_han", "hieu_qua")
_FIVE_CLEAR_CODE = {
    "viec": ("no_task_statement", "problem"),
    "trach_nhiem": ("no_lead", "problem"),
    "san_pham": ("no_output", "warning"),
    "thoi_han": ("no_deadline", "problem"),
    "hieu_qua": ("no_measure", "warning"),
}
_HEADING_NUMERALS = set("IVXLCDM0123456789")
"""A section path made of these ("III", "2.1") is a heading number; a task in it is "in mục III"."""
_WARNING_LINTS = {
    "citation_date_conflict": ("lint.citation_date_conflict", "problem"),
    "citation_issuer_conflict": ("lint.citation_issuer_conflict", "problem"),
    "citation_date_mismatch": ("lint.citation_registry_mismatch", "warning"),
    "citation_issuer_mismatch": ("lint.citation_registry_mismatch", "warning"),
    "citation_type_mismatch": ("lint.citation_registry_mismatch", "warning"),
    "impossible_date": ("lint.impossible_date", "problem"),
    "invalid_date": ("lint.impossible_date", "problem"),
}


@lru_cache(maxsize=1)
def _figure() -> regex.Pattern:
    """A promised figure: "60%", or "ít nhất 02 mô hình" — a count after a bound word of the lexicon
    (`figure_bounds`), but not a year or a date ("từ 2025", "trên 30/11"). Compiled once."""
    bounds = "|".join(regex.escape(w) for w in load_lexicon().figure_bounds)
    return regex.compile(rf"\d[\d.,]*\s*%|(?:{bounds})\s+\d{{1,3}}(?:[.,]\d{{3}})*(?![\d/])")


Coverage = list[tuple[ProfileTarget, str, Target | None, list[str]]]
"""Per target of a profile: (target, status, the plan's target that carries it, reasons)."""
_Audited = tuple[PlanResult, PlanAudit, list[Profile], dict[str, Coverage]]
"""A plan as audited: its result, its audit, the profiles it was audited against, and its coverage of each."""


def audit(
    results: list[PlanResult],
    against: str = "auto",
    profiles_dir: Path | None = None,
    extra_profiles: list[Path] | None = None,
) -> AuditReport:
    """Audit each plan against `against` (a directive number with a profile, or "auto": the
    directives its `implements` citations reach), then compare the plans of each directive."""
    profiles = load_profiles(profiles_dir, extra_profiles)
    report = AuditReport()
    audited: list[_Audited] = []
    for result in results:
        chosen = _directives_for(result, against, profiles)
        if against != "auto" and not chosen:
            report.errors.append(
                {"doc_id": result.doc_id, "error": f"no profile for {against!r}; known: {sorted(profiles)}"}
            )
        plan = PlanAudit(
            doc_id=result.doc_id,
            source_file=result.source,
            title=result.metadata.title,
            directives=[p.id for p in chosen],
        )
        level = plan_level(result)
        if not chosen and against == "auto":
            plan.findings.append(
                Finding(
                    doc_id=result.doc_id,
                    source_file=result.source,
                    kind="coverage",
                    code="coverage.no_profile",
                    severity="info",
                    message=message(
                        "coverage.no_profile",
                        implements=message("part/list.separator").join(result.metadata.implements),
                    )
                    if result.metadata.implements
                    else message("coverage.no_profile/nothing"),
                )
            )
        covered = {profile.id: coverage(result, profile, level) for profile in chosen}
        for profile in chosen:
            for target, status, found, reasons in covered[profile.id]:
                if status != "not_applicable":  # the matrix shows them; a finding each would bury the rest
                    plan.findings.append(_coverage_finding(result, profile, target, status, found, reasons))
        five_clear, findings = _five_clear(result)
        plan.five_clear = five_clear
        plan.findings.extend(findings)
        plan.findings.extend(_lints(result, chosen, profiles, level))
        audited.append((result, plan, chosen, covered))
        report.plans.append(plan)
    report.matrices = _peer_matrices(audited)
    return report


# -- which directives -------------------------------------------------------------------------


def _directives_for(result: PlanResult, against: str, profiles: dict[str, Profile]) -> list[Profile]:
    if against != "auto":
        p = profiles.get(number_key(against))
        return [p] if p else []
    return _chain(result.metadata.implements, profiles)


def _chain(numbers: list[str], profiles: dict[str, Profile], seen: set[str] | None = None) -> list[Profile]:
    """The known profiles the plan's `implements` reach: a known profile with targets ends its
    branch; one without targets (a province plan profiled only for its chain) is followed upward."""
    seen = set() if seen is None else seen
    out: list[Profile] = []
    for number in numbers:
        k = number_key(number)
        if k in seen:
            continue
        seen.add(k)
        profile = profiles.get(k)
        if profile is None:
            continue
        if profile.targets:
            out.append(profile)
        else:
            out.extend(p for p in _chain(profile.implements, profiles, seen) if p not in out)
    return out


def plan_level(result: PlanResult) -> Level:
    """The plan's level of government from its issuer; a plan whose issuer is unknown is taken as
    a commune's (the plans kehoach is for)."""
    return level_of(result.metadata.issuer) or "commune"


# -- coverage ---------------------------------------------------------------------------------


def _end(date: str | None) -> str | None:
    """An ISO date or a year as the last day it allows: "2030" → "2030-12-31"."""
    if not date:
        return None
    return date + "-12-31" if len(date) == 4 else date


def _start(date: str | None) -> str | None:
    """A date that may lack its day or month as the first day it allows: "2025-10" → "2025-10-01".
    A deadline is "before the plan" only if it is before every day the plan's date could be."""
    if not date:
        return None
    return date + "-01-01"[: 10 - len(date)] if len(date) < 10 else date


def _percent(unit: str | None) -> bool:
    return bool(unit) and "%" in unit


def compare(found: Target, target: ProfileTarget) -> tuple[str, list[str]]:
    """carried / strengthened / weakened, with the reasons in words."""
    reasons: list[str] = []
    value_cmp = 0
    if _percent(found.unit) == _percent(target.unit):
        value_cmp = (found.value > target.value) - (found.value < target.value)
        if target.comparator == "<=":  # a rank: lower is better
            value_cmp = -value_cmp
        figures = {"found": vn_figure(found.value, found.unit), "expected": vn_figure(target.value, target.unit)}
        if value_cmp < 0:
            reasons.append(message("part/reason.lower_figure", **figures))
        elif value_cmp > 0:
            reasons.append(message("part/reason.higher_figure", **figures))
    else:
        no_unit = message("part/no_unit")
        reasons.append(
            message("part/reason.different_unit", found=found.unit or no_unit, expected=target.unit or no_unit)
        )
    date_cmp = 0
    plan_by, dir_by = _end(found.by), _end(target.by)
    if plan_by and dir_by:
        date_cmp = (plan_by > dir_by) - (plan_by < dir_by)
        dates = {"found": vn_date(found.by), "expected": vn_date(target.by)}
        if date_cmp > 0:
            reasons.append(message("part/reason.later_date", **dates))
        elif date_cmp < 0:
            reasons.append(message("part/reason.earlier_date", **dates))
    if value_cmp < 0 or date_cmp > 0:
        return "weakened", reasons
    if value_cmp > 0 or date_cmp < 0:
        return "strengthened", reasons
    return "carried", reasons


def coverage(result: PlanResult, profile: Profile, level: Level) -> Coverage:
    """For each target of the profile: (target, status, the plan's target that carries it, reasons)."""
    out: Coverage = []
    for target in profile.targets:
        if level not in target.applies_to:
            out.append((target, "not_applicable", None, []))
            continue
        best: tuple[float, Target] | None = None
        concept = profile.target_concept(target)
        for found in result.targets:
            m = match(found.indicator or found.quote, target.indicator, concept)
            if not m.matched:
                # An indicator the extractor cut short still has its words in the quote.
                m = match(found.quote, target.indicator, concept)
            if m.matched and (best is None or m.score > best[0]):
                best = (m.score, found)
        if best is None:
            out.append((target, "missing", None, []))
            continue
        status, reasons = compare(best[1], target)
        out.append((target, status, best[1], reasons))
    return out


def _fmt(value: float | None, unit: str | None) -> str:
    if value is None:
        return "?"
    v = f"{value:g}"
    return f"{v}{unit}" if unit == "%" else f"{v} {unit}" if unit else v


def _target_words(profile: Profile, target: ProfileTarget) -> str:
    fig = _fmt(target.value, target.unit)
    if target.value_max is not None:
        fig = f"{target.value:g}–{_fmt(target.value_max, target.unit)}"
    by = f" by {target.by}" if target.by else ""
    return f"{profile.id}: {target.indicator} {target.comparator} {fig}{by} ({target.source}; {target.confidence})"


def _target_phrase(target: ProfileTarget) -> str:
    """The directive's figure and date as a sentence gives them: "ít nhất 80% đến 31/12/2025"."""
    figure = vn_figure(target.value, target.unit)
    if target.value_max is not None:
        figure = f"{vn_figure(target.value, None)}–{vn_figure(target.value_max, target.unit)}"
    comparator = message(f"part/comparator.{target.comparator}")
    if target.by:
        return message("part/target_by", comparator=comparator, figure=figure, date=vn_date(target.by))
    return message("part/target", comparator=comparator, figure=figure)


def _directive_name(profile: Profile) -> str:
    """The directive as a sentence names it ("Kế hoạch 02-KH/BCĐTW"): the profile's type, else the
    registry's, else "văn bản"."""
    known = load_registry().directive(profile.id)
    return document(profile.id, profile.doc_type or (known.doc_type if known else None))


def _task_name(i: int, task: Task) -> str:
    """The task as a sentence names it: "nhiệm vụ 3 (Kiểm tra, giám sát)", or with the numbered
    section it stands in, "nhiệm vụ 3 (mục III.2)"."""
    if task.group:
        return message("part/task", number=i, group=task.group)
    if task.section and set(task.section.split(".")[0]) <= _HEADING_NUMERALS:
        return message("part/task_in_section", number=i, section=task.section)
    if task.section:  # a named part: "Phụ lục I"
        return message("part/task", number=i, group=task.section)
    return message("part/task_no_group", number=i)


def _quote(record: Citation | Criterion | Deadline | Target | Task) -> Quote:
    """A record's own words and place, as a finding's evidence."""
    return Quote(text=record.quote, section=record.section, source=record.source, span=record.span)


def _directive_quote(profile: Profile, target: ProfileTarget) -> Quote:
    """The directive's target, as a finding's evidence."""
    return Quote(text=_target_words(profile, target), section=profile.id)


_COVERAGE_SEVERITY = {"carried": "info", "strengthened": "info", "weakened": "problem", "missing": "warning"}


def _coverage_finding(
    result: PlanResult, profile: Profile, target: ProfileTarget, status: str, found: Target | None, reasons: list[str]
) -> Finding:
    directive_quote = _directive_quote(profile, target)
    names = {"directive": _directive_name(profile), "indicator": target.indicator}
    if found is None:
        text = message("coverage.missing", **names, target=_target_phrase(target))
        evidence = [directive_quote]
        severity = "warning"
    else:
        why = message("part/reason.separator").join(reasons) if reasons else message("part/reason.same")
        text = message(f"coverage.{status}", **names, reasons=why)
        evidence = [_quote(found), directive_quote]
        severity = _COVERAGE_SEVERITY[status]
    return Finding(
        doc_id=result.doc_id,
        source_file=result.source,
        kind="coverage",
        code=f"coverage.{status}",
        severity=severity,  # type: ignore[arg-type]
        message=text,
        directive=profile.id,
        target_id=target.id,
        status=status,  # type: ignore[arg-type]
        evidence=evidence,
    )


# -- 5 rõ -------------------------------------------------------------------------------------


def criterion_for(task: Task, criteria: Sequence[Criterion]) -> Criterion | None:
    """The criteria-table row that measures the task, if the plan has a criteria table.

    A plan that gives its indicators in a criteria table ("Nhóm tiêu chí" / "Chỉ số đo lường" /
    "Cơ quan tổng hợp") names its rows after the assignment table's task groups, in the same or near
    wording ("Bộ dữ liệu phát triển xã" / "Dữ liệu phát triển xã"): the row whose group is most like
    the task's group, at the matcher's fuzzy threshold, measures the task (a tie goes to the row the
    task's lead collects). Where no group is near, a row that the task's lead collects does: the
    body that compiles those indicators is the one doing the work; of several, the row whose words
    are most like the task's."""
    if not criteria:
        return None
    lead = set(task.lead)
    if task.group:
        group = task.group
        scored = [(similarity(group, c.group or c.content or ""), bool(lead & set(c.collector)), c) for c in criteria]
        score, _, best = max(scored, key=lambda x: x[:2])
        if score >= FUZZY_THRESHOLD:
            return best
    collected = [c for c in criteria if lead & set(c.collector)]
    if not collected:
        return None
    work = " ".join(x for x in (task.group, task.quote, task.output) if x)
    return max(collected, key=lambda c: similarity(work, " ".join(x for x in (c.group, c.content, c.indicator) if x)))


def measure_of(task: Task, targets: list[Target], criteria: Sequence[Criterion] = ()) -> Quote | None:
    """Rõ hiệu quả, with its evidence: the task or its output states a figure, its output names an
    indicator ("Số tài khoản được kích hoạt") — the task's own quote; the plan sets a target on the
    same work — that target's quote; or a row of the plan's criteria table measures the task's
    group — that row's indicator cell. None: no measure."""
    text = " ".join(x for x in (task.quote, task.output) if x)
    if _figure().search(text):
        return _quote(task)
    if task.output:
        out = " " + task.output.strip().lower()
        if any(out.startswith(" " + cue.lower()) for cue in load_lexicon().measure_cues):
            return _quote(task)
    words = {h.concept for h in concepts_of(text)}
    if words:
        for t in targets:
            if words & {h.concept for h in concepts_of(t.indicator or t.quote)}:
                return _quote(t)
    row = criterion_for(task, criteria)
    if row is not None:
        return _quote(row)
    return None


def five_clear_of(task: Task, targets: list[Target], criteria: Sequence[Criterion] = ()) -> dict[str, bool]:
    """The five criteria of one task. A standing task ("thường xuyên", "hằng tháng") has its
    deadline: the plan said when, even if the answer is "always"."""
    return {
        "viec": bool(task.quote.strip()),
        "trach_nhiem": bool(task.lead),
        "san_pham": bool(task.output and task.output.strip()),
        "thoi_han": bool(task.deadline),
        "hieu_qua": measure_of(task, targets, criteria) is not None,
    }


def _five_clear(result: PlanResult) -> tuple[dict[str, int], list[Finding]]:
    counts = dict.fromkeys(FIVE_CLEAR, 0)
    counts["tasks"] = len(result.tasks)
    findings: list[Finding] = []
    if not result.tasks:
        findings.append(
            Finding(
                doc_id=result.doc_id,
                source_file=result.source,
                kind="five_clear",
                code="five_clear.no_tasks",
                severity="warning",
                message=message("five_clear.no_tasks"),
            )
        )
    for i, task in enumerate(result.tasks, 1):
        met = five_clear_of(task, result.targets, result.criteria)
        for criterion, ok in met.items():
            if ok:
                counts[criterion] += 1
                continue
            code, severity = _FIVE_CLEAR_CODE[criterion]
            findings.append(
                Finding(
                    doc_id=result.doc_id,
                    source_file=result.source,
                    kind="five_clear",
                    code=f"five_clear.{code}",
                    severity=severity,  # type: ignore[arg-type]
                    message=message(f"five_clear.{code}", task=_task_name(i, task)),
                    evidence=[_quote(task)],
                )
            )
    return counts, findings


# -- lints ------------------------------------------------------------------------------------


def _lint(result: PlanResult, code: str, severity: str, text: str, evidence: list[Quote], **kw) -> Finding:
    return Finding(
        doc_id=result.doc_id,
        source_file=result.source,
        kind="lint",
        code=code,
        severity=severity,  # type: ignore[arg-type]
        message=text,
        evidence=evidence,
        **kw,
    )


def _warning_quote(result: PlanResult, w: DocWarning) -> Quote:
    """The record the warning points at (same span), or the warning's own words."""
    if w.span:
        for records in (result.citations, result.deadlines, result.targets):
            for r in records:
                if r.span == w.span:
                    return _quote(r)
    return Quote(text=w.message, source=w.source, span=w.span)


def _lints(result: PlanResult, chosen: list[Profile], profiles: dict[str, Profile], level: Level) -> list[Finding]:
    out: list[Finding] = []
    for w in result.warnings:
        if w.code in _WARNING_LINTS:
            code, severity = _WARNING_LINTS[w.code]
            out.append(_lint(result, code, severity, _warning_message(result, w), [_warning_quote(result, w)]))
        elif w.code.startswith("heading_"):  # heading_repeated, _skipped, _back, _start (warnings.json)
            text = message("lint.heading_sequence")
            out.append(_lint(result, "lint.heading_sequence", "warning", text, [_warning_quote(result, w)]))
    out.extend(_header_lints(result))
    out.extend(_superseded(result, profiles))
    out.extend(_deadline_lints(result, chosen, level))
    return out


def _cited_at(result: PlanResult, span: tuple[int, int] | None) -> Citation | None:
    return next((c for c in result.citations if span and c.span == span and c.number), None)


def _warning_message(result: PlanResult, w: DocWarning) -> str:
    """An extractor's warning in the auditor's words, rebuilt from the records it points at (the
    warning's own text is the extractor's English, kept in the evidence)."""
    cited = _cited_at(result, w.span)
    if w.code in ("citation_date_conflict", "citation_issuer_conflict"):
        field = "date" if w.code == "citation_date_conflict" else "issuer"
        second = getattr(cited, field) if cited else None
        # The registry compares every mention with the first one that gives the field.
        first = next(
            (
                getattr(c, field)
                for c in result.citations
                if cited and c.number and getattr(c, field) and number_key(c.number) == number_key(cited.number)
            ),
            None,
        )
        if cited is None or not first or not second or first == second:
            return message(f"lint.{w.code}/no_record")
        show = vn_date if field == "date" else str
        return message(f"lint.{w.code}", number=cited.number, first=show(first), second=show(second))
    if w.code in ("citation_date_mismatch", "citation_issuer_mismatch", "citation_type_mismatch"):
        field = w.code.split("_")[1]
        known = load_registry().directive(cited.number) if cited else None
        if cited is None or known is None:
            return message("lint.citation_registry_mismatch/no_record")
        if field == "date":
            values = {"cited": vn_date(cited.date), "known": vn_date(known.date)}
        elif field == "issuer":
            values = {"cited": cited.issuer or "", "known": known.issuer}
        else:
            values = {
                t: (doc_type_name(v) or v).lower() for t, v in (("cited", cited.doc_type), ("known", known.doc_type))
            }
        return message(f"lint.citation_registry_mismatch/{field}", number=cited.number, **values)
    return message("lint.impossible_date")


def _header_lints(result: PlanResult) -> list[Finding]:
    meta = result.metadata
    header = Quote(
        text=f"header as read: number={meta.number or '—'}, symbol={meta.symbol or '—'}, date={meta.date or '—'}",
        section="header",
    )
    out: list[Finding] = []
    if not meta.number:
        out.append(
            _lint(
                result,
                "lint.header_number_blank",
                "warning",
                message("lint.header_number_blank", symbol=meta.symbol)
                if meta.symbol
                else message("lint.header_number_blank/no_symbol"),
                [header],
            )
        )
    if not meta.date or len(meta.date) < 10:
        text = message("lint.header_date_blank/no_day" if meta.date else "lint.header_date_blank/blank")
        out.append(_lint(result, "lint.header_date_blank", "warning", text, [header]))
    return out


def _superseded(result: PlanResult, profiles: dict[str, Profile]) -> list[Finding]:
    """A directive cited as a basis (or as what the plan implements) after another replaced it."""
    replaced = {number_key(s.replaces): s for p in profiles.values() for s in p.supersessions}
    out: list[Finding] = []
    seen: set[str] = set()
    plan_date = result.metadata.date
    for c in result.citations:
        if not c.number or c.relation not in ("basis", "implements"):
            continue
        k = number_key(c.number)
        s = replaced.get(k)
        if s is None or k in seen:
            continue
        if plan_date and s.current_date and plan_date < s.current_date:
            continue  # the plan predates the replacement
        seen.add(k)
        out.append(
            _lint(
                result,
                "lint.superseded_citation",
                "warning",
                message("lint.superseded_citation", number=c.number, current=s.current, date=vn_date(s.current_date))
                if s.current_date
                else message("lint.superseded_citation/no_date", number=c.number, current=s.current),
                [_quote(c)],
            )
        )
    return out


def _spec_end(spec: DeadlineSpec) -> str | None:
    return spec.end if spec.kind in ("by_date", "period", "horizon") else None


def _deadline_lints(result: PlanResult, chosen: list[Profile], level: Level) -> list[Finding]:
    """Task deadlines before the plan's own date, or after the directive's deadline for the same work
    (the task names the concept of a directive target). Targets are left out: a "by" before the
    plan's date is in practice a baseline figure ("đến ngày 31/7/2025 … mới đạt 38%"), not a promise."""
    out: list[Finding] = []
    plan_date = result.metadata.date
    earliest = _start(plan_date)
    dated = [
        (profile, target, profile.target_concept(target))
        for profile in chosen
        for target in profile.targets
        if level in target.applies_to and target.by
    ]
    for i, task in enumerate(result.tasks, 1):
        ends = [e for e in (_spec_end(s) for s in task.deadline) if e]
        if not ends:
            continue
        due = max(ends)
        named = {"task": _task_name(i, task), "due": vn_date(due)}
        if earliest and due < earliest:
            text = message("lint.deadline_before_plan", **named, plan_date=vn_date(plan_date))
            out.append(_lint(result, "lint.deadline_before_plan", "problem", text, [_quote(task)]))
        task_concepts = {h.concept for h in concepts_of(" ".join(x for x in (task.quote, task.output) if x))}
        for profile, target, concept in dated:
            if concept not in task_concepts or due <= _end(target.by):
                continue
            text = message(
                "lint.deadline_after_directive",
                **named,
                directive=_directive_name(profile),
                by=vn_date(target.by),
                indicator=target.indicator,
            )
            evidence = [_quote(task), _directive_quote(profile, target)]
            out.append(
                _lint(
                    result,
                    "lint.deadline_after_directive",
                    "warning",
                    text,
                    evidence,
                    directive=profile.id,
                    target_id=target.id,
                )
            )
    return out


# -- peers ------------------------------------------------------------------------------------


def _peer_matrices(audited: list[_Audited]) -> list[PeerMatrix]:
    """One matrix per directive any plan was audited against (one row per doc_id: the .txt, .docx
    and .pdf of one plan are one plan). Outliers need two peers; a matrix of one plan has none."""
    by_directive: dict[str, tuple[Profile, list[_Audited]]] = {}
    for entry in audited:
        result, _, chosen, _ = entry
        for profile in chosen:
            rows = by_directive.setdefault(profile.id, (profile, []))[1]
            if all(r[0].doc_id != result.doc_id for r in rows):
                rows.append(entry)
    matrices: list[PeerMatrix] = []
    for directive, (profile, rows) in by_directive.items():
        matrix = PeerMatrix(
            directive=directive,
            targets=[
                {
                    "id": t.id,
                    "indicator": t.indicator,
                    "value": t.value,
                    "value_max": t.value_max,
                    "unit": t.unit,
                    "comparator": t.comparator,
                    "by": t.by,
                }
                for t in profile.targets
            ],
            plans=[r[0].doc_id for r in rows],
        )
        for result, _, _, covered in rows:
            cells: dict[str, MatrixCell] = {}
            for target, status, found, _reasons in covered[profile.id]:
                cells[target.id] = MatrixCell(
                    status=status,  # type: ignore[arg-type]
                    value=found.value if found else None,
                    value_max=found.value_max if found else None,
                    by=found.by if found else None,
                )
            matrix.cells[result.doc_id] = cells
        _mark_outliers(matrix, profile, audited)
        matrices.append(matrix)
    return matrices


def _mark_outliers(matrix: PeerMatrix, profile: Profile, audited: list[_Audited]) -> None:
    """A plan promising less than the median of its peers for the same target (two peers at least)."""
    for target in profile.targets:
        values = {
            doc: cells[target.id].value
            for doc, cells in matrix.cells.items()
            if cells[target.id].value is not None and cells[target.id].status != "not_applicable"
        }
        for doc, value in values.items():
            peers = [v for d, v in values.items() if d != doc]
            if len(peers) < 2:
                continue
            median = statistics.median(peers)
            lower = value > median if target.comparator == "<=" else value < median
            if not lower:
                continue
            matrix.cells[doc][target.id].outlier = True
            for result, plan, _, covered in audited:
                if result.doc_id != doc:
                    continue
                # A format of the plan whose own `implements` reached other directives was not covered here.
                rows = covered.get(profile.id) or coverage(result, profile, plan_level(result))
                found = next((t for tg, _s, t, _r in rows if tg.id == target.id and t), None)
                plan.findings.append(
                    Finding(
                        doc_id=doc,
                        source_file=result.source,
                        kind="coverage",
                        code="coverage.peer_outlier",
                        severity="warning",
                        message=message(
                            "coverage.peer_outlier/rank" if target.comparator == "<=" else "coverage.peer_outlier",
                            directive=_directive_name(profile),
                            indicator=target.indicator,
                            value=vn_figure(value, None),
                            median=vn_figure(median, None),
                            peers=len(peers),
                        ),
                        directive=profile.id,
                        target_id=target.id,
                        evidence=[_quote(found)] if found else [],
                    )
                )
