"""The audit report as one self-contained HTML page.

Why one file with everything inline: auditors receive the report by mail or on a USB stick and open
it from disk, often on machines without network access. So the page carries its own styles, its
own small script (severity filter) and its own chart (SVG generated here); nothing is fetched.

Why anchors by position (`p3-f2-q1`) rather than by doc_id: doc_ids come from file names and may
hold any character; indices are unique and safe in a URL.

One row per plan (its .txt, .docx and .pdf grouped by plan id, `pipeline.audit.grouping`), worst
first; every table sorts by a click on a column's heading, and keeps its heading row in view while
its own box scrolls (a box as tall as the screen, so the heading never scrolls away with the page).
A matrix hides the directive targets that apply to no plan (most of 57-NQ/TW's, for communes) and
says how many it hid, with a button that shows them. Under 640 px the plan column narrows and
wraps, so a phone shows cells beside it. Quotes link to the plan's own page (`show --html`) where
the audit wrote one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from html import escape

from pipeline.audit.grouping import MergedFinding, PlanGroup, plan_groups
from pipeline.audit.models import AuditReport, CoverageStatus, Finding, PeerMatrix, Quote, Severity
from pipeline.i18n import catalogue, say
from pipeline.models import describe_place

SEVERITIES: tuple[Severity, ...] = ("problem", "warning", "info")
SEVERITY_LABELS: dict[str, str] = {s: say(f"audit.severity.{s}") for s in SEVERITIES}
STATUSES: tuple[CoverageStatus, ...] = ("carried", "strengthened", "weakened", "missing", "not_applicable")
STATUS_LABELS: dict[str, str] = {s: say(f"audit.status.{s}") for s in STATUSES}
STATUS_RANK: dict[str, int] = {"missing": 0, "weakened": 1, "carried": 2, "strengthened": 3, "not_applicable": 4}
"""Worst first when a matrix column is sorted."""
STATUS_SYMBOLS: dict[str, str] = {
    "carried": "✓",
    "strengthened": "▲",
    "weakened": "▼",
    "missing": "✗",
    "not_applicable": "–",
}
# Colour-blind-safe (Okabe–Ito based); each status also has its symbol, so colour is never the only cue.
STATUS_COLOURS: dict[str, str] = {
    "carried": "#1e7b48",
    "strengthened": "#0072b2",
    "weakened": "#e69f00",
    "missing": "#c0392b",
    "not_applicable": "#9e9e9e",
}
FIVE_CLEAR: tuple[tuple[str, str], ...] = tuple(
    (key, say(f"audit.five.{key}")) for key in ("viec", "trach_nhiem", "san_pham", "thoi_han", "hieu_qua")
)
CHART_STATUSES: tuple[CoverageStatus, ...] = ("carried", "strengthened", "weakened", "missing")


def e(value: object) -> str:
    """Escape anything for HTML text or a double-quoted attribute."""
    return escape("" if value is None else str(value), quote=True)


def format_number(value: float | None) -> str:
    """80.0 → "80", 0.5 → "0,5": Vietnamese writes the decimal comma."""
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return text.replace(".", ",")


def vn_date(date: str | None) -> str:
    """An ISO date, month or year as Vietnamese writes it: "2025-12-31" → "31/12/2025", "2025-10" → "10/2025"."""
    if not date:
        return ""
    return "/".join(reversed(date.split("-")))


def describe_target(target: dict) -> str:
    """A directive target as a short line: "≥ 80 % · 31/12/2025"."""
    comparator = {">=": "≥", "<=": "≤", ">": ">", "~": "≈", "=": ""}.get(str(target.get("comparator") or "="), "")
    value = format_number(target.get("value"))
    if target.get("value_max") is not None:
        value += "–" + format_number(target.get("value_max"))
    figure = " ".join(part for part in (comparator, value, target.get("unit") or "") if part)
    return " · ".join(part for part in (figure, vn_date(target.get("by"))) if part)


KIND_HEADINGS: dict[str, str] = {k: say(f"audit.kind.{k}") for k in ("coverage", "lint", "five_clear")}
FOLD_ABOVE = 10
"""With more plans than this, each plan's findings start folded (a link to one unfolds it): a hundred
and fifty plans' findings unfolded are a page of three hundred thousand pixels."""


def code_label(code: str) -> str:
    """A finding code in words ("five_clear.no_lead" → "Chưa rõ trách nhiệm"); the code itself if unnamed."""
    key = f"audit.code.{code}"
    return say(key) if key in catalogue() else code


def status_counts(report: AuditReport) -> list[tuple[str, Counter[str]]]:
    """Per plan (worst first): how many directive targets it carries, strengthens, weakens or misses.

    Read from the peer matrices where the engine built them, else from the plan's coverage findings.
    """
    rows: list[tuple[str, Counter[str]]] = []
    for group in plan_groups(report):
        counts: Counter[str] = Counter()
        for matrix in report.matrices:
            for cell in matrix.cells.get(group.doc_id, {}).values():
                counts[cell.status] += 1
        if not counts:
            counts.update(m.finding.status for m in group.findings if m.finding.kind == "coverage" and m.finding.status)
        rows.append((group.doc_id, counts))
    return rows


class Anchors:
    """Unique ids for plans, findings and quotes, and lookups between them."""

    def __init__(self, groups: list[PlanGroup]) -> None:
        self.groups = groups
        self.plan_ids: dict[str, str] = {}
        self.by_doc: dict[str, PlanGroup] = {}
        self.finding_ids: dict[int, str] = {}
        self.merged: dict[str, list[MergedFinding]] = {}
        for i, group in enumerate(groups, start=1):
            self.plan_ids[group.doc_id] = f"p{i}"
            self.by_doc[group.doc_id] = group
            self.merged[group.doc_id] = group.findings
            for j, entry in enumerate(self.merged[group.doc_id], start=1):
                self.finding_ids[id(entry.finding)] = f"p{i}-f{j}"

    def plan(self, group: PlanGroup) -> str:
        return self.plan_ids[group.doc_id]

    def finding(self, finding: Finding) -> str:
        return self.finding_ids[id(finding)]

    @staticmethod
    def quote(finding_id: str, k: int) -> str:
        return f"{finding_id}-q{k}"


PlanLinks = dict[str, Callable[[Sequence[int] | None], str | None]]
"""Per source file, the link to the place of a quote's span in that plan's own page (`show --html`)."""


def render_html(report: AuditReport, title: str | None = None, links: PlanLinks | None = None) -> str:
    """The whole page as a string (UTF-8 when written). `links` lead quotes to the plans' own pages."""
    title = title or say("audit.ui.title")
    groups = plan_groups(report)
    anchors = Anchors(groups)
    body = "\n".join(
        [
            _header(report, groups, title),
            "<main>",
            _summary(groups, anchors),
            _matrices(report, anchors),
            _chart_section(report),
            _findings(groups, anchors, links or {}),
            _errors(report),
            "</main>",
            f"<footer><p>{e(say('audit.ui.footer'))}</p></footer>",
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n"
        '<link rel="icon" href="data:,">\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n{body}\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _header(report: AuditReport, groups: list[PlanGroup], title: str) -> str:
    severity = Counter(m.finding.severity for g in groups for m in g.findings)
    total = sum(severity.values())
    counts = ", ".join(
        f'<span class="badge sev-{s}">{severity.get(s, 0)} {e(SEVERITY_LABELS[s].lower())}</span>' for s in SEVERITIES
    )
    return (
        f'<header><h1>{e(title)}</h1><p class="lead">{e(say("audit.ui.lead", plans=len(groups), findings=total))}'
        f' {counts}</p><nav aria-label="{e(say("audit.ui.nav"))}">'
        + "".join(
            f'<a href="#{target}">{e(say(f"audit.ui.nav_{target}"))}</a>'
            for target in ("summary", "matrix", "chart", "findings", *(("errors",) if report.errors else ()))
        )
        + "</nav></header>"
    )


def _scroll_table(label: str, table: str) -> str:
    """A table in a box that scrolls both ways (and is reachable by keyboard), never the whole page:
    the box is at most as tall as the screen, so the table's heading row, sticky in it, stays in view."""
    return f'<div class="scroll" role="region" aria-label="{e(label)}" tabindex="0">{table}</div>'


def _sort_head(label_html: str, first: str = "asc", classes: str = "", title: str | None = None) -> str:
    """A column heading that sorts its table when clicked (`first`: the direction of the first click)."""
    cls = f' class="{classes}"' if classes else ""
    hint = f' title="{e(title)}"' if title else ""
    return (
        f'<th scope=col{cls}{hint} aria-sort="none" data-first="{first}">'
        f'<button type="button" class="sort">{label_html}</button></th>'
    )


def _muted(text: str) -> str:
    return f"<span class=muted>{e(text)}</span>"


def _summary(groups: list[PlanGroup], anchors: Anchors) -> str:
    head = (
        "<thead><tr>"
        + _sort_head(e(say("audit.ui.col_plan")), classes="plan-col")
        + _sort_head(e(say("audit.formats")))
        + _sort_head(e(say("audit.ui.col_directive")))
        + "".join(_sort_head(e(SEVERITY_LABELS[s]), "desc", "num") for s in SEVERITIES)
        + _sort_head(e(say("audit.ui.col_tasks")), "desc", "num")
        + "".join(_sort_head(e(label), "asc", "num") for _, label in FIVE_CLEAR)
        + "</tr></thead>"
    )
    rows: list[str] = []
    for rank, group in enumerate(groups):
        plan = group.shown
        severity = group.severity_counts()
        tasks = plan.five_clear.get("tasks")
        cells = [
            f'<th scope=row data-sort="{rank}"><a href="#{anchors.plan(group)}">{e(group.doc_id)}</a>'
            + (f'<div class="title" title="{e(plan.title)}">{e(plan.title)}</div>' if plan.title else "")
            + "</th>",
            f'<td class="formats">{e(", ".join(group.formats))}</td>',
            f'<td class="directives">{e(", ".join(group.directives)) or _muted(say("audit.ui.unknown"))}</td>',
            *(
                f'<td class="num" data-sort="{severity.get(s, 0)}"><span class="count sev-{s}'
                f'{" zero" if not severity.get(s) else ""}">{severity.get(s, 0)}</span></td>'
                for s in SEVERITIES
            ),
            f'<td class="num" data-sort="{tasks or 0}">{"" if tasks is None else tasks}</td>',
        ]
        for key, _ in FIVE_CLEAR:
            met = plan.five_clear.get(key)
            if met is None or tasks == 0:  # no task found: nothing to count, rather than a row of 0/0
                cells.append(f'<td class="num muted" data-sort="-1" title="{e(say("audit.ui.no_tasks"))}">–</td>')
            else:
                short = tasks is not None and met < tasks
                share = met / tasks if tasks else 0
                cells.append(
                    f'<td class="num{" short" if short else ""}" data-sort="{share:.4f}">{met}'
                    + (f'<span class="of">/{tasks}</span>' if tasks is not None else "")
                    + "</td>"
                )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    table = f'<table class="summary sortable">{head}<tbody>{"".join(rows)}</tbody></table>'
    return (
        f'<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">{e(say("audit.ui.summary_h"))}</h2>'
        f"<p class=hint>{e(say('audit.ui.summary_hint'))} {e(say('audit.sort_hint'))}</p>"
        + _scroll_table(say("audit.ui.summary_h"), table)
        + "</section>"
    )


def _legend() -> str:
    items = "".join(
        f'<li><span class="cell st-{s}" aria-hidden="true">{STATUS_SYMBOLS[s]}</span> {e(STATUS_LABELS[s])}</li>'
        for s in STATUSES
    )
    items += (
        '<li><span class="cell st-weakened outlier" aria-hidden="true">⚑</span> '
        f"{e(say('audit.ui.outlier_legend'))}</li>"
    )
    return f'<ul class="legend" aria-label="{e(say("audit.ui.legend"))}">{items}</ul>'


def _coverage_finding(anchors: Anchors, doc_id: str, matrix: PeerMatrix, target_id: str) -> Finding | None:
    for entry in anchors.merged.get(doc_id, []):
        finding = entry.finding
        if (
            finding.kind == "coverage"
            and finding.target_id == target_id
            and finding.directive in (None, matrix.directive)
        ):
            return finding
    return None


def applies_to_no_plan(matrix: PeerMatrix, target_id: str) -> bool:
    """True when every plan's cell for the target is "not applicable" (or absent)."""
    return all(
        (cells.get(target_id) is None or cells[target_id].status == "not_applicable")
        for cells in (matrix.cells.get(doc, {}) for doc in matrix.plans)
    )


def matrix_badness(matrix: PeerMatrix, doc_id: str) -> tuple[int, int, int]:
    cells = matrix.cells.get(doc_id, {}).values()
    return (
        sum(c.status == "missing" for c in cells),
        sum(c.status == "weakened" for c in cells),
        sum(c.outlier for c in cells),
    )


def _matrix_table(matrix: PeerMatrix, index: int, anchors: Anchors) -> str:
    hidden = {str(t.get("id")) for t in matrix.targets if applies_to_no_plan(matrix, str(t.get("id")))}
    head = [_sort_head(e(say("audit.ui.corner")), classes="corner")]
    for target in matrix.targets:
        na = " na-col" if str(target.get("id")) in hidden else ""
        head.append(
            _sort_head(
                f'<span class="ind">{e(target.get("indicator") or target.get("id"))}</span>'
                f'<span class="fig">{e(describe_target(target))}</span>',
                classes=f"target{na}",
                title=f"{target.get('indicator')} ({target.get('id')})",
            )
        )
    order = sorted(matrix.plans, key=lambda doc: (*(-n for n in matrix_badness(matrix, doc)), doc))
    rows: list[str] = []
    for rank, doc_id in enumerate(order):
        group = anchors.by_doc.get(doc_id)
        label = (
            f'{e(doc_id)} <span class="fmt">({e(", ".join(group.formats))})</span>'
            if group and group.formats
            else e(doc_id)
        )
        row_head = (
            f'<th scope=row data-sort="{rank}"><a href="#{anchors.plan(group)}">{label}</a></th>'
            if group
            else f'<th scope=row data-sort="{rank}">{label}</th>'
        )
        cells = [row_head]
        for target in matrix.targets:
            target_id = str(target.get("id"))
            na = " na-col" if target_id in hidden else ""
            cell = matrix.cells.get(doc_id, {}).get(target_id)
            if cell is None:
                no_data = e(say("audit.ui.no_data"))
                cells.append(f'<td class="cell empty{na}" data-sort="9"><span class="sr">{no_data}</span></td>')
                continue
            figure = format_number(cell.value)
            if cell.value_max is not None:
                figure += "–" + format_number(cell.value_max)
            text = f'<span aria-hidden="true">{STATUS_SYMBOLS[cell.status]}</span> {e(figure)}'
            if cell.by:
                text += f' <span class="by">{e(vn_date(cell.by))}</span>'
            if cell.outlier:
                text += ' <span class="flag" aria-hidden="true">⚑</span>'
            label_text = STATUS_LABELS[cell.status]
            if cell.outlier:
                label_text = say("audit.ui.outlier_cell", status=label_text)
            text += f'<span class="sr">{e(label_text)}</span>'
            finding = _coverage_finding(anchors, doc_id, matrix, target_id) if group else None
            if finding is not None:
                text = f'<a href="#{anchors.finding(finding)}">{text}</a>'
            classes = f"cell st-{cell.status}" + (" outlier" if cell.outlier else "") + na
            sort = STATUS_RANK[cell.status] - (0.5 if cell.outlier else 0) + (cell.value or 0) / 1e6
            cells.append(f'<td class="{classes}" data-sort="{sort:.7f}" title="{e(label_text)}">{text}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    note = ""
    if hidden:
        note = (
            f'<p class="hidden-note" data-for="matrix-{index}">{e(say("audit.hidden_columns", n=len(hidden)))} '
            f'<button type="button" class="show-na" data-show="{e(say("audit.show_columns"))}" '
            f'data-hide="{e(say("audit.hide_columns"))}" aria-controls="matrix-{index}" aria-pressed="false">'
            f"{e(say('audit.show_columns'))}</button></p>"
        )
    return note + _scroll_table(
        say("audit.ui.matrix_label", directive=matrix.directive),
        f'<table class="matrix sortable" id="matrix-{index}" data-directive="{e(matrix.directive)}">'
        f"<caption>{e(say('audit.ui.matrix_label', directive=matrix.directive))}</caption>"
        f"<thead><tr>{''.join(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table>",
    )


def _matrices(report: AuditReport, anchors: Anchors) -> str:
    parts = [
        f'<section id="matrix" aria-labelledby="matrix-h"><h2 id="matrix-h">{e(say("audit.ui.matrix_h"))}</h2>',
        f"<p class=hint>{e(say('audit.ui.matrix_hint'))} {e(say('audit.sort_hint'))}</p>",
        _legend(),
    ]
    if not report.matrices:
        parts.append(f"<p class=muted>{e(say('audit.ui.no_matrix'))}</p>")
    for index, matrix in enumerate(report.matrices, start=1):
        parts.append(f"<h3>{e(matrix.directive)}</h3>")
        parts.append(_matrix_table(matrix, index, anchors))
    parts.append("</section>")
    return "\n".join(parts)


def chart_svg(rows: list[tuple[str, Counter[str]]]) -> str:
    """A horizontal stacked bar per plan: directive targets carried, strengthened, weakened, missing."""
    label_width, bar_width, row_height, top = 250, 520, 26, 34
    most = max((sum(c[s] for s in CHART_STATUSES) for _, c in rows), default=0) or 1
    height = top + row_height * max(len(rows), 1) + 28
    width = label_width + bar_width + 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" aria-labelledby="chart-title chart-desc" class="chart">',
        f'<title id="chart-title">{e(say("audit.ui.chart_title"))}</title>',
        f'<desc id="chart-desc">{e(say("audit.ui.chart_desc"))}</desc>',
    ]
    x = label_width
    for status in CHART_STATUSES:  # legend along the top
        parts.append(
            f'<rect x="{x}" y="8" width="14" height="14" fill="{STATUS_COLOURS[status]}"></rect>'
            f'<text x="{x + 19}" y="20" class="legend-text">{e(STATUS_LABELS[status])}</text>'
        )
        x += 30 + 8 * len(STATUS_LABELS[status])
    for i, (label, counts) in enumerate(rows):
        y = top + i * row_height
        shown = label if len(label) <= 38 else label[:37] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end" class="bar-label">'
            f"<title>{e(label)}</title>{e(shown)}</text>"
        )
        x = float(label_width)
        for status in CHART_STATUSES:
            n = counts.get(status, 0)
            if not n:
                continue
            w = bar_width * n / most
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_height - 8}" '
                f'fill="{STATUS_COLOURS[status]}">'
                f"<title>{e(label)}: {n} {e(STATUS_LABELS[status].lower())}</title></rect>"
            )
            if w >= 16:
                parts.append(f'<text x="{x + w / 2:.1f}" y="{y + 17}" text-anchor="middle" class="bar-n">{n}</text>')
            x += w
        total = sum(counts.get(s, 0) for s in CHART_STATUSES)
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 17}" class="bar-total">{total}</text>')
    if not rows:
        parts.append(
            f'<text x="{label_width}" y="{top + 17}" class="bar-label">{e(say("audit.ui.chart_empty"))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _chart_section(report: AuditReport) -> str:
    return (
        '<section id="chart" aria-labelledby="chart-h">'
        f'<h2 id="chart-h">{e(say("audit.ui.chart_h"))}</h2>'
        + _scroll_table(say("audit.ui.chart_label"), chart_svg(status_counts(report)))
        + "</section>"
    )


def _quote_block(
    quote: Quote,
    quote_id: str,
    finding_id: str,
    number: int,
    finding_number: int,
    directive: str | None = None,
    link: str | None = None,
) -> str:
    """One evidence quote, numbered within its plan: the words, its section and its place in the original,
    and a link to that place in the plan's own page where there is one.

    A quote from the directive's profile (what the plan is compared with) carries the directive's
    number as its section and no place in the plan: say so, rather than "Mục 57-NQ/TW".
    """
    from_directive = quote.source is None and directive is not None and quote.section == directive
    if from_directive:
        where = [f"<span>{e(say('audit.ui.from_profile', directive=directive))}</span>"]
    else:
        where = [f"<span>{e(say('audit.ui.section', section=quote.section))}</span>"] if quote.section else []
    place = describe_place(quote.source)
    if place:
        where.append(f"<span>{e(place)}</span>")
    if link and not from_directive:
        where.append(f'<a class="in-plan" href="{e(link)}">{e(say("audit.open_plan"))}</a>')
    return (
        f'<li id="{quote_id}" class="quote" value="{number}" tabindex="-1"><blockquote>{e(quote.text)}</blockquote>'
        f'<p class="where">{" · ".join(where) or _muted(say("audit.ui.no_place"))}'
        f' <a class="back" href="#{finding_id}">{e(say("audit.ui.back", n=finding_number))}</a></p></li>'
    )


def _finding_item(entry: MergedFinding, finding_id: str, first_quote: int) -> str:
    """One finding; its links name the quotes by their number in the plan's list of quotes."""
    finding = entry.finding
    bits = [
        f'<span class="badge sev-{finding.severity}">'
        f"{e(SEVERITY_LABELS.get(finding.severity, finding.severity))}</span>",
        f'<span class="code" data-code="{e(finding.code)}">{e(code_label(finding.code))}</span>',
    ]
    if finding.status:
        bits.append(
            f'<span class="cell st-{finding.status} pill">{STATUS_SYMBOLS.get(finding.status, "")} '
            f"{e(STATUS_LABELS.get(finding.status, finding.status))}</span>"
        )
    if entry.formats:
        bits.append(f'<span class="only">{e(say("audit.only_in", formats=", ".join(entry.formats)))}</span>')
    links = " ".join(
        f'<a class="to-quote" href="#{Anchors.quote(finding_id, k)}">'
        f"{e(say('audit.ui.quote_link', n=first_quote + k - 1))}</a>"
        for k in range(1, len(finding.evidence) + 1)
    )
    meta = [links or _muted(say("audit.ui.no_quotes"))]
    if finding.directive:
        meta.append(e(say("audit.ui.directive", directive=finding.directive)))
    return (
        f'<li id="{finding_id}" class="finding" data-severity="{e(finding.severity)}" data-kind="{e(finding.kind)}" '
        f'data-target="{e(finding.target_id or "")}" tabindex="-1"><div class="head">{" ".join(bits)}</div>'
        f'<p class="msg">{e(finding.message)}</p><p class="meta">{" · ".join(meta)}</p></li>'
    )


def _plan_block(group: PlanGroup, anchors: Anchors, links: PlanLinks, fold: bool) -> str:
    plan_id = anchors.plan(group)
    findings = anchors.merged[group.doc_id]
    groups: dict[str, list[str]] = {}
    starts: dict[str, int] = {}
    quotes: list[str] = []
    for j, entry in enumerate(findings, start=1):
        finding = entry.finding
        finding_id = anchors.finding(finding)
        starts.setdefault(finding.kind, j)
        groups.setdefault(finding.kind, []).append(_finding_item(entry, finding_id, len(quotes) + 1))
        link_of = links.get(finding.source_file or "")
        for k, quote in enumerate(finding.evidence, start=1):
            quotes.append(
                _quote_block(
                    quote,
                    Anchors.quote(finding_id, k),
                    finding_id,
                    len(quotes) + 1,
                    j,
                    finding.directive,
                    link_of(quote.span) if link_of and quote.span else None,
                )
            )
    # one list per kind, numbered on from the previous one, so "phát hiện 7" is the 7th on the page
    items = "".join(
        f'<h4 class="group">{e(KIND_HEADINGS.get(kind, kind))} <span class="n">({len(group)})</span></h4>'
        f'<ol class="findings" start="{starts[kind]}">{"".join(group)}</ol>'
        for kind, group in groups.items()
    )
    files = [f"<code>{e(a.source_file)}</code>" for a in group.audits if a.source_file]
    facts = [", ".join(files)] if files else []
    directives = e(", ".join(group.directives)) if group.directives else f"<em>{e(say('audit.ui.unknown'))}</em>"
    facts.append(say("audit.ui.compared_with", directives=directives))  # the catalogue's words, escaped values
    page = links.get(group.shown.source_file or "")
    if page and page(None):
        facts.append(f'<a class="plan-page" href="{e(page(None))}">{e(say("audit.open_plan_page"))}</a>')
    plan = group.shown
    body = (items or f"<p class=muted>{e(say('audit.ui.no_findings'))}</p>") + (
        f'<details class="evidence" open><summary>{e(say("audit.ui.quotes", n=len(quotes)))}</summary>'
        f'<ol class="quotes">{"".join(quotes)}</ol></details>'
        if quotes
        else ""
    )
    if fold and findings:  # a link into it (from the matrix, a hash) unfolds it
        summary = say("audit.plan_findings", n=len(findings), quotes=len(quotes))
        body = f'<details class="plan-body"><summary>{e(summary)}</summary>{body}</details>'
    return (
        f'<article id="{plan_id}" class="plan" aria-labelledby="{plan_id}-h">'
        f'<h3 id="{plan_id}-h">{e(group.label)}</h3>'
        + (f'<p class="title">{e(plan.title)}</p>' if plan.title else "")
        + f'<p class="facts">{" · ".join(facts)}</p>'
        + body
        + "</article>"
    )


def _filter_controls(groups: list[PlanGroup]) -> str:
    severity = Counter(m.finding.severity for g in groups for m in g.findings)
    boxes = "".join(
        f'<label><input type="checkbox" class="sev-filter" value="{s}" checked> '
        f"{e(SEVERITY_LABELS[s])} ({severity.get(s, 0)})</label>"
        for s in SEVERITIES
    )
    return f'<fieldset class="filters"><legend>{e(say("audit.ui.show_severity"))}</legend>{boxes}</fieldset>'


def _findings(groups: list[PlanGroup], anchors: Anchors, links: PlanLinks) -> str:
    fold = len(groups) > FOLD_ABOVE
    blocks: Iterable[str] = (_plan_block(group, anchors, links, fold) for group in groups)
    return (
        f'<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">{e(say("audit.ui.findings_h"))}</h2>'
        + _filter_controls(groups)
        + (f'<p class="hint">{e(say("audit.plans_folded"))}</p>' if fold else "")
        + "".join(blocks)
        + "</section>"
    )


def _errors(report: AuditReport) -> str:
    if not report.errors:
        return ""
    columns = sorted({key for error in report.errors for key in error})

    def heading(column: str) -> str:
        key = f"audit.error.{column}"
        return say(key) if key in catalogue() else column

    head = "".join(f"<th scope=col>{e(heading(c))}</th>" for c in columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{e(error.get(c, ''))}</td>" for c in columns) + "</tr>" for error in report.errors
    )
    return (
        f'<section id="errors" aria-labelledby="errors-h"><h2 id="errors-h">{e(say("audit.ui.errors_h"))}</h2>'
        + _scroll_table(
            say("audit.ui.nav_errors"), f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        )
        + "</section>"
    )


STYLE = """
:root{--ink:#1d2330;--muted:#5f6b7a;--line:#d5dbe3;--bg:#f6f8fa;--card:#fff;--accent:#0b5cad}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);
background:var(--bg)}
header{background:#12355b;color:#fff;padding:18px 28px 10px}
header h1{margin:0 0 4px;font-size:24px}
header .lead{margin:0 0 10px}
header nav{display:flex;flex-wrap:wrap;gap:4px 18px}
header nav a{color:#fff;font-weight:600;text-decoration:underline;text-underline-offset:3px}
main{padding:8px 28px 28px;max-width:1600px}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:18px 0}
h2{font-size:20px;margin:0 0 8px}
h3{font-size:17px;margin:18px 0 6px}
.hint,.muted{color:var(--muted)}
.hint{margin:0 0 10px;font-size:14px}
.scroll{overflow-x:auto;overflow-y:auto;max-height:85vh;max-width:100%;position:relative;border:1px solid var(--line);
border-radius:6px}
.scroll:focus{outline:3px solid var(--accent)}
table{border-collapse:collapse;font-size:14px;min-width:100%}
th,td{border-bottom:1px solid var(--line);padding:6px 10px;text-align:left;vertical-align:top}
thead th{background:#eef2f6;position:sticky;top:0;z-index:2}
button.sort{all:unset;cursor:pointer;display:block;width:100%}
button.sort:focus-visible{outline:2px solid var(--accent)}
th[aria-sort=ascending] button.sort::after{content:" ▲";font-size:10px}
th[aria-sort=descending] button.sort::after{content:" ▼";font-size:10px}
tbody th{font-weight:600;background:#fafbfc}
.num{text-align:right;white-space:nowrap}
.summary tbody th{min-width:260px}
.summary .formats{white-space:nowrap;color:var(--muted)}
.summary .directives{white-space:nowrap}
.summary .title{font-weight:400;color:var(--muted);font-size:13px;max-width:460px;display:-webkit-box;
-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
thead th.num{white-space:normal;min-width:4.5em}
.of{color:var(--muted);font-size:12px}
td.short{background:#fdecea}
.count{display:inline-block;min-width:2em;padding:1px 6px;border-radius:10px;text-align:center;font-weight:700}
.count.zero{background:none;color:var(--muted);font-weight:400}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:700}
.sev-problem{background:#c0392b;color:#fff}.sev-warning{background:#f0b429;color:#222}.sev-info{background:#d9e2ec;color:#222}
.matrix th,.matrix td{white-space:nowrap}
.matrix thead th{min-width:120px;max-width:170px;white-space:normal;font-weight:600}
.matrix .ind{font-size:12px;line-height:1.3;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;
overflow:hidden}
.matrix .fig{display:block;font-size:12px;color:var(--muted);font-weight:400}
.matrix tbody th{max-width:22em;white-space:normal;overflow-wrap:anywhere}
table.matrix:not(.show-na) .na-col{display:none}
.hidden-note{font-size:14px;color:var(--muted);margin:0 0 8px}
.hidden-note button{margin-left:6px;font:inherit;cursor:pointer}
.matrix .fmt{font-weight:400;font-size:12px;color:var(--muted)}
.only{font-size:12px;color:var(--muted);font-style:italic}
.finding .code{font-weight:600;font-size:14px}
.matrix tbody th,.matrix .corner{position:sticky;left:0;z-index:1;border-right:2px solid var(--line)}
.matrix thead .corner{z-index:3}
.matrix caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}  /* the h3 shows it */
.cell{text-align:center;font-weight:600}
.cell a{color:inherit;text-decoration:none;display:block}
.cell a:hover,.cell a:focus{text-decoration:underline}
.cell .by{font-weight:400;font-size:11px;opacity:.9}
.st-carried{background:#1e7b48;color:#fff}
.st-strengthened{background:#0072b2;color:#fff}
.st-weakened{background:#e69f00;color:#1d2330}
.st-missing{background:#c0392b;color:#fff}
.st-not_applicable{background:#e4e7eb;color:#4a5563}
.cell.empty{background:#fff}
.outlier{box-shadow:inset 0 0 0 3px #1d2330}
.flag{font-weight:700}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:14px;padding:0;margin:0 0 10px;font-size:14px}
.legend .cell{display:inline-block;width:26px;border-radius:4px}
.pill{padding:1px 8px;border-radius:10px;font-size:12px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.chart{display:block;font-size:12px}
.chart .bar-label{fill:#1d2330}.chart .bar-n{fill:#fff;font-weight:700}.chart .bar-total{fill:#5f6b7a}
.chart .legend-text{fill:#1d2330}
.plan{border-top:2px solid var(--line);padding-top:6px;margin-top:14px}
.plan .title{margin:0 0 4px}
.plan .facts{color:var(--muted);font-size:13px;margin:0 0 8px}
.findings{padding-left:22px;margin:4px 0 8px}
h4.group{font-size:15px;margin:10px 0 2px}
h4.group .n{color:var(--muted);font-weight:400}
.finding{margin:0 0 6px;padding:4px 10px;border-left:4px solid var(--line);border-radius:4px}
.finding[data-severity=problem]{border-left-color:#c0392b}
.finding[data-severity=warning]{border-left-color:#f0b429}
.finding .head{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.finding .msg{margin:4px 0}
.finding .meta{margin:2px 0;font-size:13px;color:var(--muted)}
.finding.hidden{display:none}
.to-quote{margin-right:10px}
.evidence summary,.plan-body>summary{cursor:pointer;font-weight:600;margin:6px 0}
.quotes{padding-left:22px}
.quote{margin:0 0 10px}
.quote blockquote{margin:0;padding:6px 12px;background:#f3f6f9;border-left:4px solid var(--accent);
white-space:pre-wrap;overflow-wrap:anywhere}
.quote .where{margin:2px 0 0;font-size:13px;color:var(--muted)}
:target{outline:3px solid var(--accent);outline-offset:2px;background:#fff8d6}
a{color:var(--accent)}
code{font-size:13px}
.filters{border:1px solid var(--line);border-radius:6px;margin:0 0 8px;display:flex;gap:16px;flex-wrap:wrap}
footer{padding:0 28px 24px;color:var(--muted);font-size:13px}
@media (max-width:640px){
header{padding:12px 14px 8px}header h1{font-size:20px}
main{padding:4px 8px 16px}section{padding:10px 10px;margin:12px 0}
th,td{padding:5px 6px}
.summary tbody th{min-width:10.5em;width:10.5em;max-width:10.5em;overflow-wrap:anywhere;font-size:13px;line-height:1.35}
.summary .title{display:none}
.summary tbody th,.summary thead th:first-child{position:sticky;left:0;z-index:1;border-right:2px solid var(--line)}
.summary thead th:first-child{z-index:3}
.matrix tbody th,.matrix .corner{width:9.5em;max-width:9.5em;font-size:12px;line-height:1.35}
.matrix thead th{min-width:96px}
footer{padding:0 14px 20px}}
@media print{header{background:none;color:#000}header nav{display:none}.scroll{overflow:visible;max-height:none}}
"""

SCRIPT = """
(function () {
  "use strict";
  var boxes = document.querySelectorAll("input.sev-filter");
  function apply() {
    var shown = {};
    boxes.forEach(function (box) { shown[box.value] = box.checked; });
    document.querySelectorAll("li.finding").forEach(function (item) {
      item.classList.toggle("hidden", shown[item.getAttribute("data-severity")] === false);
    });
  }
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var node = id ? document.getElementById(id) : null;
    if (!node) { return; }
    // a target the filter hid, or inside a closed <details>, had nowhere to scroll to: show it, then go
    var opened = node.classList.contains("hidden");
    node.classList.remove("hidden");
    for (var up = node.parentElement; up; up = up.parentElement) {
      if (up.tagName === "DETAILS" && !up.open) { up.open = true; opened = true; }
    }
    if (opened) { node.scrollIntoView(); }
  }
  // sorting: a click on a heading orders the rows by that column's data-sort (numbers) or text;
  // a second click reverses; the first click goes the way the column reads worst first
  function key(row, index) {
    var cell = row.children[index];
    var value = cell ? cell.getAttribute("data-sort") : null;
    if (value === null) { return cell ? cell.textContent.trim().toLowerCase() : ""; }
    var number = parseFloat(value);
    return isNaN(number) ? value : number;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, index) {
      var button = th.querySelector("button.sort");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var current = th.getAttribute("aria-sort");
        var ascending = current === "none" ? th.getAttribute("data-first") !== "desc" : current !== "ascending";
        heads.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a, index), y = key(b, index);
          var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "vi");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  document.querySelectorAll("button.show-na").forEach(function (button) {
    button.addEventListener("click", function () {
      var table = document.getElementById(button.getAttribute("aria-controls"));
      var shown = table.classList.toggle("show-na");
      button.setAttribute("aria-pressed", shown ? "true" : "false");
      button.textContent = button.getAttribute(shown ? "data-hide" : "data-show");
    });
  });
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  window.addEventListener("hashchange", reveal);
  reveal();
})();
"""
