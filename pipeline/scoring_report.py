"""Rendering a ScoreReport: a compact text table for a developer, or one JSON object for the checks.

Kept apart from pipeline/scoring.py so that what is measured and how it is shown change separately.
"""

from __future__ import annotations

import json
from typing import Any

from pipeline.models import RECORD_KINDS
from pipeline.scoring import KEY_FIELDS, METADATA_FIELDS, OTHER_FIELDS, Block, Finding, ScoreReport, plain


def render_json(
    report: ScoreReport,
    details: bool = False,
    variants: dict[str, ScoreReport] | None = None,
    ablation_note: str | None = None,
) -> str:
    data = report.to_dict(details=details)
    if variants or ablation_note:
        formats = _ablation_formats(report, variants or {})
        data["ablation"] = {
            "note": ablation_note,
            "formats": formats,
            "main": _restricted(report, formats).to_dict(),
            "variants": {name: _restricted(v, formats).to_dict() for name, v in (variants or {}).items()},
        }
    return json.dumps(data, ensure_ascii=False, indent=1)


def _ablation_formats(report: ScoreReport, variants: dict[str, ScoreReport]) -> list[str]:
    """The formats every variant was run on: the main run is compared on those alone, so a variant
    run over .txt only is not set against the main run's .pdf results."""
    formats = [f for f in report.formats if all(f in v.formats for v in variants.values())]
    return formats or report.formats


def _restricted(report: ScoreReport, formats: list[str]) -> Block:
    total = Block()
    for fmt in formats:
        if fmt in report.formats:
            total.add(report.block(fmt=fmt))
    return total


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def _table(block: Block) -> list[str]:
    header = (
        f"  {'kind':<10} {'det P':>6} {'R':>5} {'F1':>5} │ {'exact P':>7} {'R':>5} {'F1':>5} │ gold pred pairs exact"
    )
    lines = [header, "  " + "─" * (len(header) - 2)]
    for kind in RECORD_KINDS:
        k = block.kinds[kind]
        d, e = k.detection, k.exact
        lines.append(
            f"  {kind:<10} {_fmt(d.precision):>6} {_fmt(d.recall):>5} {_fmt(d.f1):>5} │ "
            f"{_fmt(e.precision):>7} {_fmt(e.recall):>5} {_fmt(e.f1):>5} │ "
            f"{d.tp + d.fn:>4} {d.tp + d.fp:>4} {d.tp:>5} {e.tp:>5}"
        )
    lines.append("  fields (share of pairs equal; * = key field):")
    for kind in RECORD_KINDS:
        agreement = block.kinds[kind].fields
        parts = [f"{n}* {_fmt(agreement.share(n))}" for n in KEY_FIELDS[kind]]
        parts += [f"{n} {_fmt(agreement.share(n))}" for n in OTHER_FIELDS[kind]]
        lines.append(f"    {kind:<10} " + ", ".join(parts))
    meta = block.metadata
    equal, total = sum(meta.equal.values()), sum(meta.total.values())
    lines.append(f"  metadata agreement {_fmt(meta.overall())} ({equal}/{total} fields)")
    wrong = [n for n in METADATA_FIELDS if meta.total[n] and meta.equal[n] < meta.total[n]]
    if wrong:
        lines.append("    fields not always equal: " + ", ".join(f"{n} {_fmt(meta.share(n))}" for n in wrong))
    return lines


def _short(value: Any, width: int = 90) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 1] + "…"


def _finding_lines(finding: Finding) -> list[str]:
    where = f" [{finding.section}]" if finding.section else ""
    if finding.prefix:
        where += f" after “…{finding.prefix[-30:].lstrip()}”"
    if finding.what == "disagree":
        head = f'      ≠{where} "{_short(finding.quote)}"' if finding.quote else "      ≠ metadata"
        if finding.gold_quote and finding.gold_quote.strip() != finding.quote.strip():
            head += f'  (gold: "{_short(finding.gold_quote, 60)}")'
        lines = [head]
        for name, (gold, predicted) in finding.fields.items():
            lines.append(f"          {name}: gold {_short(plain(gold), 60)} · predicted {_short(plain(predicted), 60)}")
        return lines
    mark = "−" if finding.what == "miss" else "+"
    return [f'      {mark}{where} "{_short(finding.quote)}"']


# Fields that an NLP step shapes without being a key field: the ablation shows them beside the F1s.
ABLATION_FIELDS = (("targets", "indicator"),)


def _details(report: ScoreReport) -> list[str]:
    lines = [
        "",
        "Details (− miss: gold record not found; + false alarm: predicted, not in gold; ≠ paired, fields differ)",
    ]
    for doc_id in report.gold_ids:
        for fmt in report.formats:
            score = report.documents[(doc_id, fmt)]
            if score.missing:
                n = sum(k.detection.fn for k in score.kinds.values())
                lines.append(f"  {doc_id} ({fmt}): prediction missing: all {n} gold records count as misses")
                continue
            if not score.findings:
                continue
            lines.append(f"  {doc_id} ({fmt})")
            for kind in (*RECORD_KINDS, "metadata"):
                found = [f for f in score.findings if f.kind == kind]
                if not found:
                    continue
                counts = {w: sum(f.what == w for f in found) for w in ("miss", "false_alarm", "disagree")}
                lines.append(
                    f"    {kind}: {counts['miss']} missed, {counts['false_alarm']} false alarms, "
                    f"{counts['disagree']} with differing fields"
                )
                for finding in sorted(found, key=lambda f: ("miss", "false_alarm", "disagree").index(f.what)):
                    lines.extend(_finding_lines(finding))
    return lines


def render_text(
    report: ScoreReport,
    details: bool = False,
    variants: dict[str, ScoreReport] | None = None,
    ablation_note: str | None = None,
) -> str:
    n_pred = sum(not s.missing for s in report.documents.values())
    lines = [
        f"kehoach score: {len(report.gold_ids)} gold documents, {n_pred} of "
        f"{len(report.documents)} (document, format) predictions present; formats: {', '.join(report.formats)}"
    ]
    scopes: list[tuple[str, Block]] = [(fmt, report.block(fmt=fmt)) for fmt in report.formats]
    if len(report.formats) > 1:
        scopes.append(("all formats (micro-averaged)", report.overall))
    for name, block in scopes:
        lines.append("")
        lines.append(f"[{name}]")
        lines.extend(_table(block))
    if report.missing:
        lines.append("")
        lines.append(
            "Missing predictions (scored as all misses): " + ", ".join(f"{d} ({f})" for d, f in report.missing)
        )
    if report.unscored:
        lines.append(f"Predictions with no gold file (not scored): {', '.join(report.unscored)}")
    for note in report.notes:
        lines.append(f"Note: {note}")
    if ablation_note:
        lines.append("")
        lines.append(f"Ablation: {ablation_note}")
    if variants:
        lines.append("")
        formats = _ablation_formats(report, variants)
        lines.append(
            f"Ablation ({', '.join(formats)}; F1 detection/exact per kind; agreement of the fields NLP delimits):"
        )
        lines.append(
            f"  {'variant':<14} "
            + " ".join(f"{k:>13}" for k in RECORD_KINDS)
            + "".join(f" {kind[:-1] + '.' + name:>18}" for kind, name in ABLATION_FIELDS)
        )
        rows = [("main", _restricted(report, formats))] + [(n, _restricted(v, formats)) for n, v in variants.items()]
        for name, block in rows:
            cells = [f"{_fmt(block.kinds[k].detection.f1)}/{_fmt(block.kinds[k].exact.f1)}" for k in RECORD_KINDS]
            fields = [_fmt(block.kinds[kind].fields.share(field)) for kind, field in ABLATION_FIELDS]
            lines.append(f"  {name:<14} " + " ".join(f"{c:>13}" for c in cells) + "".join(f" {f:>18}" for f in fields))
    if details:
        lines.extend(_details(report))
    return "\n".join(lines)
