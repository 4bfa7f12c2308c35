"""Writing an audit: findings as JSON (the whole AuditReport), CSV (one row per finding) and HTML.

Why three forms: JSON is the exact record for other tools; the CSV opens in Excel for the staff who
sort and filter a hundred plans' findings (hence UTF-8 with a BOM, without which Excel garbles
Vietnamese); the HTML page is what an auditor reads. Every file is written atomically, so a rerun
after an interruption never leaves half a report.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pipeline.audit.html import render_html
from pipeline.audit.models import AuditReport, Finding
from pipeline.models import describe_place
from pipeline.outputs.files import write_atomic

FINDINGS_JSON = "findings.json"
FINDINGS_CSV = "findings.csv"
REPORT_HTML = "report.html"

CSV_COLUMNS = [
    "doc_id",
    "source_file",
    "kind",
    "code",
    "severity",
    "message",
    "directive",
    "target_id",
    "status",
    "n_evidence",
    "quote",
    "section",
    "place",
    "page",
    "paragraph",
    "line",
    "table_no",
    "row_no",
    "column_no",
]
"""`place` is the location in words; page…column_no are SourceLocation's own values (all counted
from 1), the same columns `kehoach run` writes in its CSVs."""


def finding_row(finding: Finding) -> dict[str, Any]:
    """One CSV row: the finding and its first evidence quote (the rest are in findings.json)."""
    first = finding.evidence[0] if finding.evidence else None
    source = first.source if first else None
    row: dict[str, Any] = {
        "doc_id": finding.doc_id,
        "source_file": finding.source_file,
        "kind": finding.kind,
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "directive": finding.directive,
        "target_id": finding.target_id,
        "status": finding.status,
        "n_evidence": len(finding.evidence),
        "quote": first.text if first else None,
        "section": first.section if first else None,
        "place": describe_place(source),
    }
    for name in ("page", "paragraph", "line", "table_no", "row_no", "column_no"):
        row[name] = getattr(source, name) if source else None
    return row


def findings_csv(report: AuditReport) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for plan in report.plans:
        for finding in plan.findings:
            writer.writerow({k: "" if v is None else v for k, v in finding_row(finding).items()})
    return buffer.getvalue()


def write_report(report: AuditReport, out: Path) -> list[Path]:
    """Write findings.json, findings.csv and report.html into `out`; return their paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / FINDINGS_JSON, out / FINDINGS_CSV, out / REPORT_HTML]
    write_atomic(paths[0], report.model_dump_json(indent=2) + "\n")
    write_atomic(paths[1], "\ufeff" + findings_csv(report))
    write_atomic(paths[2], render_html(report))
    return paths
