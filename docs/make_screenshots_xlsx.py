"""Render the XLSX's "Tổng hợp" and "Giải thích" sheets to PNG, as LibreOffice prints them.

    python docs/make_screenshots_xlsx.py   # writes docs/xlsx-tong-hop.png and docs/xlsx-giai-thich.png

What a printed sheet looks like is part of the output (issue 14: a workbook that printed as 1,907
pages): this runs kehoach on the corpus, keeps one sheet at a time in a copy of the workbook,
converts it to PDF with LibreOffice (which follows the workbook's own print setup) and turns the
first page into a PNG with pdftoppm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
SHEETS = {"Tổng hợp": "xlsx-tong-hop.png", "Giải thích": "xlsx-giai-thich.png"}
RESOLUTION = 130  # dots per inch: an A4 landscape page becomes ~1,500 px wide


def render_sheet(workbook: Path, sheet: str, png: Path, work: Path) -> None:
    """The first printed page of `sheet` of `workbook` as `png`."""
    book = load_workbook(workbook)
    for other in [name for name in book.sheetnames if name != sheet]:
        del book[other]
    single = work / f"{png.stem}.xlsx"
    book.save(single)
    subprocess.run(
        # A profile of its own: LibreOffice refuses to start beside another instance using the default one.
        [
            "libreoffice",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(single),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(RESOLUTION),
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(single.with_suffix(".pdf")),
            str(png.with_suffix("")),
        ],
        check=True,
        timeout=120,
    )


def main() -> None:
    if not shutil.which("libreoffice") or not shutil.which("pdftoppm"):
        raise SystemExit("libreoffice (with Calc) and pdftoppm are needed")
    with tempfile.TemporaryDirectory(prefix="kehoach-xlsx-") as folder:
        work = Path(folder)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pipeline.cli",
                "run",
                str(ROOT / "corpus" / "plans"),
                "--out",
                str(work / "out"),
                "--format",
                "json,xlsx",
                "--no-progress",
            ],
            check=True,
            cwd=ROOT,
        )
        for sheet, name in SHEETS.items():
            render_sheet(work / "out" / "kehoach.xlsx", sheet, ROOT / "docs" / name, work)
            print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
