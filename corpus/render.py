"""Render each corpus/plans/*.txt as a Word .docx and a LibreOffice-made .pdf with the same stem.

Why: the pipeline must read plans the way provinces receive them (.docx, .pdf), not only as clean text.
The renders carry what makes real files hard (heading styles, list styles, a real footnote, appendix
tables split across pages with a repeated header row, page numbers in the footer) while keeping the
words of the .txt exactly, so the three formats of one plan can be compared and scored against the
same gold.

The .txt files use a light Markdown: blank-line separated paragraphs (a single newline inside a
paragraph is a line break), ``**bold**``, ``*italic*`` and pipe tables. Consecutive pipe tables that
repeat the same header row are one appendix table cut in pieces; they are joined here.

Run: ``python corpus/render.py [PLAN.txt ...]`` (default: every corpus/plans/*.txt). Needs LibreOffice
(``soffice``) and poppler (``pdftotext``) for the PDF and its check; the tests only read the committed
renders.

``python corpus/render.py --real [dev|heldout|all]`` renders corpus/real's full texts instead (catalog.json,
``"extent": "full"``). Those are Markdown exports of signed PDFs, not the light Markdown above, so they are
laid out from what the pipeline reads from them (`real_items`: the normalized paragraphs), in the usual
Word layout of a Vietnamese administrative document: the head and the end in borderless two-column tables
(`parse_real`, `build_real_docx`). It prints figures only (layout counts, agreement ratios, pages), never
text, so it can run over the held-out part unread.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from pipeline.lexicon import ColumnRolesLexicon
from pipeline.markers import NUMBER_LINE as HEAD_NUMBER_LINE
from pipeline.markers import (
    PLACE_DATE_LINE,
    RECIPIENTS_LINE,
    RULE_LINE,
    SIGNATURE_LEAD,
    is_all_capitals,
)
from pipeline.raw import role_from_style

PLANS_DIR = Path(__file__).resolve().parent / "plans"

# A serif font LibreOffice has and that covers Vietnamese; metric-compatible with Times New Roman,
# so the layout is the one a Word user with Times would see, without font substitution in the PDF.
FONT = "Liberation Serif"
BODY_PT = 13.5
HEADING_PT = 13.5
TABLE_PT = 11
FOOTNOTE_TEXT = "Văn bản được chuyển sang định dạng .docx từ bản .txt trong kho kehoach."
# Fixed document dates, so re-rendering an unchanged .txt gives the same .docx properties.
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

ROMAN_HEADING = re.compile(r"^[IVXL]+\s*[-.–]\s*\S")
NUMBERED_HEADING = re.compile(r"^\d+(?:\.\d+)*\.\s+\S")
LIST_ITEM = re.compile(r"^[-+•]\s")
PLACE_DATE = re.compile(r",\s*ngày\s+\d+\s+tháng\s+\d+\s+năm\s+\d{4}\s*$")
NUMBER_LINE = re.compile(r"^Số\s*[:\d]")
APPENDIX = re.compile(r"^(PHỤ LỤC|PHỤ BIỂU)\b")
INLINE = re.compile(r"\*\*(?P<b>.+?)\*\*|(?<!\*)\*(?P<i>[^\s*](?:[^*]*?[^\s*])?)\*(?!\*)", re.S)
# A numbered line is a heading only when it reads like a title, not like a numbered sentence.
HEADING_MAX_CHARS = 130


# ---------------------------------------------------------------- parsing the light Markdown


@dataclass
class Block:
    """One blank-line separated block of the .txt: a paragraph (lines kept) or a table."""

    kind: str  # "para" or "table"
    lines: list[str]
    rows: list[list[str]] = field(default_factory=list)  # tables only: header first


def split_blocks(text: str) -> list[Block]:
    """Split the .txt into blocks; pipe tables become row lists without the separator row."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        lines = [ln.rstrip() for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        if all(ln.lstrip().startswith("|") for ln in lines):
            rows = [_cells(ln) for ln in lines if not re.fullmatch(r"\s*\|[\s|:\-]+\|?\s*", ln)]
            blocks.append(Block("table", lines, rows))
        else:
            blocks.extend(split_list_lines(lines))
    return join_split_tables(blocks)


def split_list_lines(lines: list[str]) -> list[Block]:
    """A block whose later lines start list items ("- ", "+ ") is several Word paragraphs: one per
    item, as a typist would have them; a line without a marker stays with the item before it."""
    if not any(LIST_ITEM.match(ln) for ln in lines[1:]):
        return [Block("para", lines)]
    out: list[Block] = []
    for ln in lines:
        if out and not LIST_ITEM.match(ln):
            out[-1].lines.append(ln)
        else:
            out.append(Block("para", [ln]))
    return out


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip() for c in inner.split("|")]


def join_split_tables(blocks: list[Block]) -> list[Block]:
    """Join consecutive table pieces that repeat the same header row into one table."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if b.kind == "table" and prev is not None and prev.kind == "table" and prev.rows[0] == b.rows[0]:
            prev.rows.extend(b.rows[1:])
            prev.lines.extend(b.lines)
        else:
            out.append(b)
    return out


def inline_runs(text: str) -> list[tuple[str, bool, bool]]:
    """Split text into (text, bold, italic) runs; unpaired asterisks stay literal text."""
    runs: list[tuple[str, bool, bool]] = []
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            runs.append((text[pos : m.start()], False, False))
        if m.group("b") is not None:
            runs.extend((t, True, i) for t, _, i in inline_runs(m.group("b")))
        else:
            runs.append((m.group("i"), False, True))
        pos = m.end()
    if pos < len(text):
        runs.append((text[pos:], False, False))
    return runs


def plain_text(text: str) -> str:
    """The .txt's words without Markdown marks: what the .docx and .pdf must read."""
    out = []
    for b in split_blocks(text):
        if b.kind == "table":
            out.extend(" ".join(row) for row in b.rows)
        else:
            out.append("".join(t for t, _, _ in inline_runs("\n".join(b.lines))))
    return "\n\n".join(out)


# ---------------------------------------------------------------- document styling


def _set_font(rpr_owner, size_pt: float | None = None) -> None:
    """Name the font for every script slot, so Vietnamese (Latin ext.) never falls back."""
    font = rpr_owner.font
    font.name = FONT
    if size_pt:
        font.size = Pt(size_pt)
    rpr = rpr_owner.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, rfonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(slot), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        rfonts.attrib.pop(qn(theme), None)


def setup_styles(doc) -> None:
    """Make the template look like a Vietnamese administrative document (Decree 30/2020 style)."""
    normal = doc.styles["Normal"]
    _set_font(normal, BODY_PT)
    pf = normal.paragraph_format
    pf.space_after = Pt(6)
    pf.space_before = Pt(0)
    pf.line_spacing = 1.1
    for name, before in (("Heading 1", 12), ("Heading 2", 6)):
        st = doc.styles[name]
        _set_font(st, HEADING_PT)
        st.font.bold = True
        st.font.italic = False
        st.font.color.rgb = None
        st.paragraph_format.space_before = Pt(before)
        st.paragraph_format.space_after = Pt(6)
        st.paragraph_format.first_line_indent = Cm(1.0)
        st.paragraph_format.keep_with_next = True
        color = st.element.rPr.find(qn("w:color"))
        if color is not None:
            st.element.rPr.remove(color)
    lst = doc.styles["List Paragraph"]
    _set_font(lst, BODY_PT)
    lst.paragraph_format.left_indent = Cm(0)
    lst.paragraph_format.first_line_indent = Cm(1.0)
    lst.paragraph_format.space_after = Pt(4)
    lst.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name in ("Footer", "Header", "Table Grid"):
        _set_font(doc.styles[name], None)

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)

    cp = doc.core_properties
    cp.author = "kehoach corpus/render.py"
    cp.created = cp.modified = FIXED_DATE
    cp.last_modified_by = "kehoach"
    cp.revision = 1


def add_page_number_footer(doc) -> None:
    """A centred PAGE field in the footer, as Word writes it (complex field)."""
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for xml in (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {nsdecls('w')}><w:t>1</w:t></w:r>",
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p._p.append(parse_xml(xml))


# ---------------------------------------------------------------- footnote part


SETTINGS_AFTER_FOOTNOTEPR = (
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _footnotes_xml(text: str) -> bytes:
    ns = nsdecls("w")
    rfonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:footnotes {ns}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
        'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
        f'<w:r><w:rPr>{rfonts}<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr>{rfonts}<w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> {text}</w:t></w:r>'
        "</w:p></w:footnote></w:footnotes>"
    ).encode()


def add_footnote(doc, paragraph: Paragraph, text: str) -> None:
    """Add word/footnotes.xml (python-docx has no footnote API) and reference footnote 1 at the
    end of ``paragraph``; settings.xml gets the footnotePr Word writes for the separators."""
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, _footnotes_xml(text), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    ref = parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
        '<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    )
    paragraph._p.append(ref)
    settings = doc.settings.element
    if settings.find(qn("w:footnotePr")) is None:
        fpr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
        # CT_Settings is a sequence: footnotePr sits before endnotePr/compat/rsids/...; Word rejects
        # a settings part whose children are out of order.
        later = [settings.find(qn(tag)) for tag in SETTINGS_AFTER_FOOTNOTEPR]
        anchor = next((el for el in later if el is not None), None)
        if anchor is not None:
            anchor.addprevious(fpr)
        else:
            settings.append(fpr)


# ---------------------------------------------------------------- body


def classify(block: Block, in_head: bool) -> str:
    """Name the role of a paragraph block: drives its style, never its text."""
    first = block.lines[0].replace("*", "").strip()
    if APPENDIX.match(first):
        return "appendix"
    if ROMAN_HEADING.match(first):
        return "h1"
    joined = " ".join(block.lines)
    if NUMBERED_HEADING.match(first) and len(joined) <= HEADING_MAX_CHARS and ";" not in joined:
        return "h2"
    if LIST_ITEM.match(first):
        return "list"
    if in_head:
        if PLACE_DATE.search(first):
            return "date"
        if NUMBER_LINE.match(first):
            return "number"
        if first == "KẾ HOẠCH":
            return "title"
        return "subject"
    if first.startswith("(Kèm theo"):
        return "centre_italic"
    if first.startswith("Nơi nhận"):
        return "recipients"
    if re.match(r"^T/M\b|^TM\.?\s", first) or (len(block.lines) == 1 and _is_name(first)):
        return "signature"
    return "body"


def _is_name(line: str) -> bool:
    """A signer's name: 2-5 capitalised words, nothing else (the line after the signature block)."""
    words = line.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and w[1:].islower() for w in words)


def add_text_runs(p: Paragraph, text: str, bold: bool = False, italic: bool = False, size: float = 0) -> None:
    """Add the block's text as runs; newlines become Word line breaks, Markdown marks become format."""
    for chunk, b, i in inline_runs(text):
        for k, line in enumerate(chunk.split("\n")):
            if k:
                p.add_run().add_break(WD_BREAK.LINE)
            if line:
                run = p.add_run(line)
                run.bold = True if (b or bold) else None
                run.italic = True if (i or italic) else None
                if size:
                    run.font.size = Pt(size)


def add_paragraph_block(doc, block: Block, role: str) -> Paragraph:
    text = "\n".join(block.lines)
    style = {"h1": "Heading 1", "h2": "Heading 2", "list": "List Paragraph"}.get(role)
    p = doc.add_paragraph(style=style)
    pf = p.paragraph_format
    centre = WD_ALIGN_PARAGRAPH.CENTER
    if role == "list" and block.lines[0].startswith("+"):
        pf.first_line_indent = Cm(1.5)
    if role == "body":
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        pf.first_line_indent = Cm(1.0)
        add_text_runs(p, text)
    elif role == "date":
        pf.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        add_text_runs(p, text, italic=True)
    elif role == "number":
        pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
        add_text_runs(p, text)
    elif role == "title":
        pf.alignment = centre
        pf.space_before = Pt(12)
        pf.space_after = Pt(0)
        add_text_runs(p, text, bold=True, size=15)
    elif role == "subject":
        pf.alignment = centre
        add_text_runs(p, text, bold=True)
    elif role == "appendix":
        pf.alignment = centre
        pf.page_break_before = True
        pf.keep_with_next = True
        add_text_runs(p, text, bold=True)
    elif role == "centre_italic":
        pf.alignment = centre
        pf.keep_with_next = True
        add_text_runs(p, text, italic=True)
    elif role == "recipients":
        pf.space_before = Pt(12)
        add_text_runs(p, text, bold=True, italic=True, size=12)
    elif role == "signature":
        pf.alignment = centre
        pf.left_indent = Cm(8)
        add_text_runs(p, text, bold=True)
    else:  # headings and list items: their style carries the format
        add_text_runs(p, text)
    return p


def _column_widths(rows: list[list[str]], total_cm: float) -> list[float]:
    """Share the text width by how much each column holds (square root, so long columns don't starve
    the short ones); a number column stays narrow."""
    ncol = max(len(r) for r in rows)
    weights = []
    for j in range(ncol):
        lengths = [len(r[j]) for r in rows if j < len(r)]
        weights.append(max(3.0, (sum(lengths) / max(1, len(lengths))) ** 0.5))
    scale = total_cm / sum(weights)
    return [w * scale for w in weights]


def add_table_block(doc, block: Block) -> Table:
    """One real Word table per appendix: bordered grid, header row bold and repeated on each page."""
    rows = block.rows
    ncol = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=ncol)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _column_widths(rows, 16.0)
    for j, col in enumerate(table.columns):  # the grid: what LibreOffice lays out by
        col.width = Cm(widths[j])
    for i, row in enumerate(rows):
        tr = table.rows[i]
        for j, cell in enumerate(tr.cells):
            cell.width = Cm(widths[j])
            p = cell.paragraphs[0]
            p.paragraph_format.space_after = Pt(2)
            p.paragraph_format.first_line_indent = Cm(0)
            if i == 0 or j == 0:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_text_runs(p, row[j] if j < len(row) else "", bold=(i == 0), size=TABLE_PT)
        if i == 0:
            tr_pr = tr._tr.get_or_add_trPr()
            tr_pr.append(parse_xml(f'<w:tblHeader {nsdecls("w")} w:val="true"/>'))
    return table


def build_docx(txt_path: Path, docx_path: Path) -> None:
    """Render one .txt as a .docx (see the module docstring for what it carries)."""
    build_docx_from_text(txt_path.read_text(encoding="utf-8"), docx_path, title=txt_path.stem)


def new_document(title: str):
    """An empty styled document with a page-number footer: the template's empty first paragraph is
    removed, since it would add text the .txt does not have."""
    doc = Document()
    setup_styles(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    add_page_number_footer(doc)
    doc.core_properties.title = title
    return doc


def build_docx_from_text(text: str, docx_path: Path, title: str, appendix_new_page: bool = True) -> None:
    """Render light-Markdown plan text as a .docx; fixtures use it for short made-up plans, where
    ``appendix_new_page=False`` lets an appendix table start on page 1 and run onto page 2."""
    doc = new_document(title)

    in_head = True
    footnoted = False
    for block in split_blocks(text):
        if block.kind == "table":
            add_table_block(doc, block)
            continue
        first = block.lines[0]
        if first.startswith("Căn cứ") or ROMAN_HEADING.match(first):
            in_head = False
        role = classify(block, in_head)
        p = add_paragraph_block(doc, block, role)
        if role == "appendix" and not appendix_new_page:
            p.paragraph_format.page_break_before = False
        if not footnoted and first.startswith("Căn cứ"):
            add_footnote(doc, p, FOOTNOTE_TEXT)
            footnoted = True
    _drop_thumbnail(doc)
    doc.save(str(docx_path))
    _fix_zip_dates(docx_path)


def _fix_zip_dates(path: Path) -> None:
    """python-docx stamps each zip member with the current time; fix it, so an unchanged .txt
    re-renders to the same bytes and git shows only real changes."""
    with zipfile.ZipFile(path) as zin:
        members = [(info.filename, zin.read(info)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data)


def _drop_thumbnail(doc) -> None:
    """The python-docx template carries a thumbnail of an empty page; a real plan's would differ."""
    pkg_rels = doc.part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del pkg_rels[rid]


# ---------------------------------------------------------------- real texts (corpus/real) in the Word layout


REAL_DIR = Path(__file__).resolve().parent / "real"
# The usual two-column head and end of a Vietnamese administrative document (Nghị định 30/2020,
# Hướng dẫn 36-HD/VPTW for Party documents): text width 16 cm (A4, margins 3 + 2 cm).
HEAD_WIDTHS = (7.0, 9.0)
END_WIDTHS = (7.5, 8.5)

MOTTO = re.compile(
    r"^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HO?ÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)\b",
    re.IGNORECASE,
)
DOC_TYPE_LINE = re.compile(
    r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHƯƠNG TRÌNH|BÁO CÁO|KẾT LUẬN|HƯỚNG DẪN|THÔNG BÁO|ĐỀ ÁN|CHỈ THỊ"
    r"|TỜ TRÌNH|QUY CHẾ|QUY ĐỊNH|CÔNG ĐIỆN|CÔNG VĂN|PHỤ LỤC|PHỤ BIỂU|DANH MỤC)\b"
)
BODY_OPENER = re.compile(r"^(?:Căn cứ|Thực hiện|Tiếp nhận|Nhằm|Kính gửi|Xét\b|Để\b)")
KINH_GUI = re.compile(r"^Kính gửi\b")
SIGNED = re.compile(r"^\((?:Đã|đã)\s+ký")
STAMP_TIME = re.compile(r"\d{2}-\d{2}-\d{4}\s+\d{2}:\d{2}(?::\d{2})?")
STAMP_ZONE = re.compile(r"^[+-]\d{2}:\d{2}$")
ARTICLE = re.compile(r"^Điều\s+\d+\.")


def _is_signer(text: str) -> bool:
    """A signer's name: 2-6 capitalised words and nothing else."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() and (w[1:].islower() or len(w) == 1) for w in words)


Item = str | list[list[str]]
"""A paragraph's text, or a table as rows of cell texts."""


@dataclass
class LayoutPart:
    """One document page group in the Word layout: the head table, the type and subject lines, the body,
    the end table ("Nơi nhận" beside the signature). An appendix with its own head is a second part."""

    head_left: list[str] = field(default_factory=list)
    head_right: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    body: list[Item] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    stamp: list[str] = field(default_factory=list)


def real_items(txt_path: Path) -> list[Item]:
    """What the pipeline reads from a real text: its normalized paragraphs (the document text the txt
    reader found in a Markdown export, reflowed, syllables repaired), and its pipe tables as rows."""
    from pipeline.ingest import read_document
    from pipeline.normalize import normalize

    norm = normalize(read_document(txt_path))
    items: list[Item] = []
    current: tuple[int | None, list[list[str]]] | None = None
    hinted: dict[int, dict[int, str]] = {}  # table → column → role, where the reader rebuilt a flattened table
    for line in norm.lines:
        text = norm.text[line.start : line.end]
        if line.kind != "cell":
            current = None
            items.append(text)
            continue
        if current is None or current[0] != line.table:
            current = (line.table, [])
            items.append(current[1])
        rows = current[1]
        while len(rows) <= (line.row or 0):
            rows.append([])
        role = role_from_style(line.style)
        if role is None:
            rows[line.row or 0].append(text)
            continue
        # a rebuilt table's cells keep their columns (a row may leave some empty)
        hinted.setdefault(id(rows), {})[line.column or 0] = role
        row = rows[line.row or 0]
        row.extend([""] * ((line.column or 0) + 1 - len(row)))
        row[line.column or 0] = text
    for item in items:
        if isinstance(item, list) and id(item) in hinted:
            item.insert(0, _role_header(hinted[id(item)]))
    return [it for it in items if not isinstance(it, list) or any(any(c for c in r) for r in it)]


def _role_header(roles: dict[int, str]) -> list[str]:
    """The header row a Word table of a rebuilt flattened table carries: each column's role in the words a
    header uses for it (column_roles.json, the first of each role's list), since the text's own header
    words were scattered over lines and stay a paragraph above the table."""
    words = ColumnRolesLexicon.load().roles
    header = [""] * (max(roles) + 1)
    for column, role in roles.items():
        label = words[role][0]
        header[column] = label[:1].upper() + label[1:]
    return header


def _parse_head(items: list[Item], i: int, part: LayoutPart) -> int:
    """The head's lines from items[i]: issuing body, "*"/rule and number line (and a công văn's subject)
    to the left; the motto and the place-and-date line to the right. Returns where the head ends."""
    left: list[str] = []
    right: list[str] = []
    number = dated = False
    j = i
    while j < len(items) and isinstance(items[j], str):
        t = items[j].strip()
        if MOTTO.match(t) or (right and not dated and RULE_LINE.fullmatch(t) and MOTTO.match(right[-1])):
            right.append(t)
        elif PLACE_DATE_LINE.match(t) and not dated:
            right.append(t)
            dated = True
        elif HEAD_NUMBER_LINE.match(t) and len(t) < 80 and not number:
            left.append(t)
            number = True
        elif not number and (
            (RULE_LINE.fullmatch(t) and left) or (is_all_capitals(t) and not DOC_TYPE_LINE.match(t) and not dated)
        ):
            left.append(t)  # the issuing body's lines and the "*" or rule under them
        elif number and not dated and not is_all_capitals(t) and len(t) < 200 and not BODY_OPENER.match(t):
            left.append(t)  # a công văn's subject ("V/v …") under its number
        else:
            break
        j += 1
    if not (number or any(MOTTO.match(t) for t in right)):
        return i
    if right and right[0].upper().startswith("ĐẢNG CỘNG SẢN") and not any(RULE_LINE.fullmatch(t) for t in left):
        at = next((k for k, t in enumerate(left) if HEAD_NUMBER_LINE.match(t)), len(left))
        left.insert(at, "*")  # the star under a Party body's name, which the text extraction lost
    part.head_left, part.head_right = left, right
    return j


def _parse_title(items: list[Item], i: int, part: LayoutPart, has_head: bool) -> int:
    """The type line ("KẾ HOẠCH"), the subject lines under it and the rule under them."""
    if i >= len(items) or not isinstance(items[i], str):
        return i
    first = items[i].strip()
    if not DOC_TYPE_LINE.match(first) or not (is_all_capitals(first) or not has_head):
        return i
    title = [first]
    j = i + 1
    rule = next(
        (k for k in range(j, min(j + 6, len(items))) if isinstance(items[k], str) and RULE_LINE.fullmatch(items[k])),
        None,
    )
    if rule is not None and all(
        isinstance(items[k], str) and not BODY_OPENER.match(items[k]) and not opens_heading(items[k])
        for k in range(j, rule)
    ):
        title.extend(items[j : rule + 1])
        j = rule + 1
    elif is_all_capitals(first):
        while (
            j < len(items)
            and isinstance(items[j], str)
            and is_all_capitals(items[j])
            and not RULE_LINE.fullmatch(items[j])
        ):
            title.append(items[j])
            j += 1
        if (
            j < len(items)
            and isinstance(items[j], str)
            and len(items[j]) < 300
            and not BODY_OPENER.match(items[j])
            and not opens_heading(items[j])
        ):
            title.append(items[j])
            j += 1
    part.title = title
    return j


def opens_heading(text: str) -> bool:
    return bool(ROMAN_HEADING.match(text) or NUMBERED_HEADING.match(text) or LIST_ITEM.match(text))


def _parse_end(items: list[Item], i: int, part: LayoutPart) -> int:
    """ "Nơi nhận:" and its list (left), the signature lines and the signer's name (right), in whatever
    order the extraction interleaved them; then a digital signature's stamp (signer body, time)."""
    j = i
    named = False
    while j < len(items) and isinstance(items[j], str) and not named:
        t = items[j].strip()
        if RECIPIENTS_LINE.match(t) and not part.recipients:
            part.recipients.append(t)
        elif SIGNATURE_LEAD.match(t) or SIGNED.match(t) or (is_all_capitals(t) and not RULE_LINE.fullmatch(t)):
            part.signature.append(t)
        elif LIST_ITEM.match(t) and part.recipients:
            part.recipients.append(t)
        elif _is_signer(t) and part.signature:
            part.signature.append(t)
            named = True
        elif (
            part.recipients
            and not is_all_capitals(t)
            and len(t) < 120
            and not part.recipients[-1].endswith((",", ".", ";"))
        ):
            part.recipients.append(t)  # a recipient wrapped over two lines: its own line, as read
        else:
            break
        j += 1
    if named:
        for k in range(j, min(j + 5, len(items))):
            if not isinstance(items[k], str):
                break
            if STAMP_TIME.search(items[k]):
                end = k + 1
                if end < len(items) and isinstance(items[end], str) and STAMP_ZONE.match(items[end].strip()):
                    end += 1
                part.stamp = [str(t) for t in items[j:end]]
                j = end
                break
    return j


def _layout_table_lines(items: list[Item]) -> list[Item]:
    """A portal copy writes its head, its addressees and its signature block as Markdown tables (the
    original's layout tables): their cells, in reading order, are lines like any other text's, so the
    head and the end are laid out as the usual two-column tables. A table is read so only where one of
    its cells opens like a head line, "Kính gửi" or "Nơi nhận"; data tables stay tables."""
    out: list[Item] = []
    for item in items:
        cells = [c for row in item for c in row if c] if isinstance(item, list) else []
        if cells and len(item) <= 3 and any(_opens_layout(c) for c in cells):
            out.extend(cells)
        else:
            out.append(item)
    return out


def _opens_layout(cell: str) -> bool:
    return bool(
        HEAD_NUMBER_LINE.match(cell)
        or MOTTO.match(cell)
        or KINH_GUI.match(cell)
        or RECIPIENTS_LINE.match(cell)
        or SIGNATURE_LEAD.match(cell)
    )


_LEADING_LINES = 3


def _head_after_leading_lines(items: list[Item]) -> int:
    """Where a head starts when a few lines stand before it (0: none, or the text opens with its head)."""
    for k in range(_LEADING_LINES + 1):
        probe = LayoutPart()
        if k < len(items) and _parse_head(items, k, probe) > k and any(
            HEAD_NUMBER_LINE.match(t) or MOTTO.match(t) for t in (*probe.head_left, *probe.head_right)
        ):
            return k
    return 0


def parse_real(items: list[Item]) -> list[LayoutPart]:
    """Cut a real text's paragraphs into parts laid out as Word users lay them out (see `Part`); layout
    tables already read as lines (`_layout_table_lines`)."""
    parts: list[LayoutPart] = []
    i = 0
    lead = _head_after_leading_lines(items)
    if lead:  # a portal copy's source line and page title before the document's head stay first, as text
        parts.append(LayoutPart(body=items[:lead]))
        i = lead
    while i < len(items):
        part = LayoutPart()
        j = _parse_head(items, i, part)
        j = _parse_title(items, j, part, has_head=j > i)
        if j < len(items) and isinstance(items[j], str) and KINH_GUI.match(items[j]):
            part.addressees.append(items[j])
            j += 1
            while j < len(items) and isinstance(items[j], str) and LIST_ITEM.match(items[j]):
                part.addressees.append(items[j])
                j += 1
        end = next(
            (
                k
                for k in range(j, len(items))
                if isinstance(items[k], str) and (RECIPIENTS_LINE.match(items[k]) or SIGNATURE_LEAD.match(items[k]))
            ),
            len(items),
        )
        part.body = items[j:end]
        j = end
        if j < len(items):
            j = _parse_end(items, j, part)
        if j == end and end < len(items):  # an end that is not a signature block: body text
            part.body.append(items[j])
            j += 1
        parts.append(part)
        i = j
    return parts


TBLPR_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")


def _borderless(table: Table) -> None:
    """No line on any edge, and no table style: what Word draws for a layout table."""
    tbl_pr = table._tbl.tblPr
    style = tbl_pr.find(qn("w:tblStyle"))
    if style is not None:
        tbl_pr.remove(style)
    edges = "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    borders = parse_xml(f"<w:tblBorders {nsdecls('w')}>{edges}</w:tblBorders>")
    # CT_TblPr is a sequence: tblBorders comes before shd, tblLayout, tblCellMar and tblLook.
    later = next((el for tag in TBLPR_AFTER_BORDERS if (el := tbl_pr.find(qn(tag))) is not None), None)
    if later is not None:
        later.addprevious(borders)
    else:
        tbl_pr.append(borders)


@dataclass
class CellLine:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float = 13
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER


def add_plain_runs(p: Paragraph, text: str, bold=None, italic=None, underline=None, size: float = 0) -> None:
    """The text as one run, taken literally (no Markdown: a real text's "*" is a character)."""
    run = p.add_run(text)
    run.bold, run.italic, run.underline = bold or None, italic or None, underline or None
    if size:
        run.font.size = Pt(size)


def add_layout_table(doc, left: list[CellLine], right: list[CellLine], widths: tuple[float, float]) -> Table:
    """A borderless 1-row, 2-column table of lines, the way a head or an end is set in Word
    (as in tests/fixtures/make_layout_fixtures.py)."""
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borderless(table)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        for k, line in enumerate(lines):
            p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            pf = p.paragraph_format
            pf.alignment = line.align
            pf.space_after = Pt(0)
            pf.first_line_indent = Cm(0)
            pf.line_spacing = 1.0
            if line.text:
                add_plain_runs(p, line.text, line.bold, line.italic, line.underline, line.size)
    return table


def _head_lines(part: LayoutPart) -> tuple[list[CellLine], list[CellLine]]:
    left: list[CellLine] = []
    numbered = False
    bodies = [t for t in part.head_left if is_all_capitals(t) and not RULE_LINE.fullmatch(t)]
    for t in part.head_left:
        if HEAD_NUMBER_LINE.match(t):
            left.append(CellLine(t, size=13))
            numbered = True
        elif numbered:
            left.append(CellLine(t, italic=True, size=12))  # the công văn's subject
        elif RULE_LINE.fullmatch(t):
            left.append(CellLine(t, size=13))
        else:  # the issuing body: the body above it upright, its own name bold
            left.append(CellLine(t, bold=bodies and t == bodies[-1], size=13))
    right: list[CellLine] = []
    for t in part.head_right:
        if PLACE_DATE_LINE.match(t):
            right.append(CellLine(""))
            right.append(CellLine(t, italic=True, size=13))
        elif t.upper().startswith("ĐẢNG CỘNG SẢN"):
            right.append(CellLine(t, bold=True, underline=True, size=14))
        elif t.upper().startswith("CỘNG H"):
            right.append(CellLine(t, bold=True, size=12))
        elif MOTTO.match(t):
            right.append(CellLine(t, bold=True, size=13))
        else:
            right.append(CellLine(t, size=13))
    return left, right


def _end_lines(part: LayoutPart) -> tuple[list[CellLine], list[CellLine]]:
    left = [
        CellLine(t, bold=k == 0, italic=k == 0, size=12 if k == 0 else 11, align=WD_ALIGN_PARAGRAPH.LEFT)
        for k, t in enumerate(part.recipients)
    ]
    right: list[CellLine] = []
    for t in part.signature:
        if _is_signer(t):
            right.extend([CellLine(""), CellLine(""), CellLine("")])  # room for the signature
            right.append(CellLine(t, bold=True, size=14))
        elif SIGNED.match(t):
            right.append(CellLine(t, italic=True, size=13))
        else:
            right.append(CellLine(t, bold=True, size=14))
    right.extend(CellLine(t, italic=True, size=9) for t in part.stamp)
    return left, right


def real_role(text: str) -> str:
    """The role of a body paragraph of a real text: drives its style, never its text."""
    t = text.strip()
    if ROMAN_HEADING.match(t):
        return "h1"
    if NUMBERED_HEADING.match(t) and len(t) <= HEADING_MAX_CHARS and ";" not in t and ":" not in t.rstrip(":"):
        return "h2"
    if LIST_ITEM.match(t):
        return "list"
    if ARTICLE.match(t):
        return "article"
    if is_all_capitals(t) and len(t) < 120 and not RULE_LINE.fullmatch(t):
        return "caps"
    if RULE_LINE.fullmatch(t):
        return "rule"
    return "body"


def add_real_paragraph(doc, text: str, role: str, appendix: bool = False) -> Paragraph:
    style = {"h1": "Heading 1", "h2": "Heading 2", "list": "List Paragraph"}.get(role)
    p = doc.add_paragraph(style=style)
    pf = p.paragraph_format
    if role in ("caps", "rule"):
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_plain_runs(p, text, bold=role == "caps")
    elif role == "article":
        m = ARTICLE.match(text)
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        pf.first_line_indent = Cm(1.0)
        add_plain_runs(p, text[: m.end()], bold=True)
        add_plain_runs(p, text[m.end() :])
    elif role == "body" and appendix:
        pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
        pf.first_line_indent = Cm(0)
        pf.space_after = Pt(2)
        add_plain_runs(p, text, size=12)
    elif role == "body":
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        pf.first_line_indent = Cm(1.0)
        add_plain_runs(p, text)
    else:  # headings and list items: their style carries the format
        if role == "list" and text.startswith("+"):
            pf.first_line_indent = Cm(1.5)
        add_plain_runs(p, text)
    return p


def build_real_docx(txt_path: Path, docx_path: Path) -> dict[str, int]:
    """Render a real text (corpus/real) in the usual Word layout from the paragraphs the pipeline reads
    from it; returns what it laid out (head and end tables, paragraphs, parts)."""
    items = _layout_table_lines(real_items(txt_path))
    parts = parse_real(items)
    laid_out = [
        t
        for part in parts
        for group in (part.head_left, part.head_right, part.title, part.addressees, part.body)
        for t in group
        if not (group is part.head_left and t == "*" and "*" not in items)
    ] + [t for part in parts for t in (*part.recipients, *part.signature, *part.stamp)]
    # Every paragraph the pipeline read is laid out once (the end table may reorder its lines).
    if sorted(map(repr, laid_out)) != sorted(map(repr, items)):
        raise ValueError(f"{txt_path.name}: the layout lost or repeated paragraphs")
    doc = new_document(txt_path.stem)
    counts = {"parts": len(parts), "head_tables": 0, "end_tables": 0, "paragraphs": 0, "tables": 0}
    for n, part in enumerate(parts):
        appendix = n > 0
        page_break = appendix and bool(part.head_left or part.head_right or part.title)
        first_paragraph: Paragraph | None = None
        if part.head_left or part.head_right:
            if page_break:
                brk = doc.add_paragraph()
                brk.paragraph_format.page_break_before = True
                brk.paragraph_format.space_after = Pt(0)
                page_break = False
            add_layout_table(doc, *_head_lines(part), HEAD_WIDTHS)
            counts["head_tables"] += 1
        for k, t in enumerate(part.title):
            p = doc.add_paragraph()
            pf = p.paragraph_format
            pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pf.space_after = Pt(0)
            pf.keep_with_next = True
            if k == 0:
                pf.space_before = Pt(12)
                add_plain_runs(p, t, bold=True, size=15)
            elif RULE_LINE.fullmatch(t):
                pf.space_after = Pt(12)
                add_plain_runs(p, t)
            else:
                add_plain_runs(p, t, bold=True, size=14)
            first_paragraph = first_paragraph or p
            counts["paragraphs"] += 1
        for k, t in enumerate(part.addressees):
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Cm(3.5 if k else 2.0)
            p.paragraph_format.space_after = Pt(0 if k < len(part.addressees) - 1 else 12)
            add_plain_runs(p, t)
            first_paragraph = first_paragraph or p
            counts["paragraphs"] += 1
        for item in part.body:
            if isinstance(item, list):
                add_table_block(doc, Block("table", [], item))
                counts["tables"] += 1
                continue
            p = add_real_paragraph(doc, item, real_role(item), appendix)
            first_paragraph = first_paragraph or p
            counts["paragraphs"] += 1
        if page_break and first_paragraph is not None:
            first_paragraph.paragraph_format.page_break_before = True
        if part.recipients or part.signature:
            end = add_layout_table(doc, *_end_lines(part), END_WIDTHS)
            # The signature block is not cut by a page break (Word's "Allow row to break across pages" off).
            end.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
            counts["end_tables"] += 1
    _drop_thumbnail(doc)
    doc.save(str(docx_path))
    _fix_zip_dates(docx_path)
    return counts


def full_real_texts(part: str) -> list[Path]:
    """The real texts catalogued as full texts, in corpus/real/<part>/."""
    import json

    catalog = json.loads((REAL_DIR / "catalog.json").read_text(encoding="utf-8"))
    return [
        REAL_DIR / part / f"{d['doc_id']}.txt" for d in catalog if d.get("extent") == "full" and d.get("part") == part
    ]


def pipeline_text(path: Path) -> str:
    """The normalized text the pipeline reads from a file, whitespace folded."""
    from pipeline.ingest import read_document
    from pipeline.normalize import normalize

    return " ".join(normalize(read_document(path)).text.split())


def agreement(a: str, b: str) -> tuple[float, float]:
    """(word ratio, char ratio): difflib over whitespace-separated words and over characters."""
    words = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()
    chars = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    return words, chars


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def render_real(parts: list[str], pdf: bool = True) -> list[dict]:
    """Render every full real text of the given parts as .docx and .pdf beside its .txt, and measure how
    the three formats agree. Returns one row of figures per document, never any of its text."""
    rows: list[dict] = []
    for part in parts:
        texts = full_real_texts(part)
        for txt in texts:
            counts = build_real_docx(txt, txt.with_suffix(".docx"))
            rows.append({"part": part, "doc_id": txt.stem, **counts})
        if pdf and texts:
            soffice_convert([t.with_suffix(".docx") for t in texts], REAL_DIR / part)
    for row in rows:
        txt = REAL_DIR / row["part"] / f"{row['doc_id']}.txt"
        want = pipeline_text(txt)
        row["docx_words"], row["docx_chars"] = agreement(want, pipeline_text(txt.with_suffix(".docx")))
        if pdf:
            row["pages"] = pdf_pages(txt.with_suffix(".pdf"))
            row["pdf_words"], row["pdf_chars"] = agreement(want, pipeline_text(txt.with_suffix(".pdf")))
    return rows


# ---------------------------------------------------------------- PDF and its check


def soffice_convert(paths: list[Path], outdir: Path, to: str = "pdf") -> None:
    """Convert with LibreOffice headless (to "pdf", "doc", ...); a private profile lets parallel
    runs coexist. The fixture scripts in tests/fixtures convert through this too."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice (LibreOffice) is needed to make the PDFs")
    profile = Path(tempfile.gettempdir()) / f"lo_profile_{os.getpid()}"
    try:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                to,
                "--outdir",
                str(outdir),
                *map(str, paths),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def pdf_similarity(pdf_path: Path, txt_path: Path) -> tuple[float, int]:
    """difflib ratio (over words) of pdftotext output vs the .txt without Markdown; and page count."""
    pdf_text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = pdf_text.count("\f") + (0 if pdf_text.endswith("\f") else 1)
    # Drop the footer page numbers and the footnote, which the .txt does not have.
    pdf_text = re.sub(r"(?m)^\s*\d{1,3}\s*$", "", pdf_text).replace(FOOTNOTE_TEXT, "")
    want = plain_text(txt_path.read_text(encoding="utf-8")).split()
    got = pdf_text.split()
    return difflib.SequenceMatcher(None, want, got, autojunk=False).ratio(), pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("plans", nargs="*", type=Path, help="plan .txt files (default: corpus/plans/*.txt)")
    ap.add_argument("--no-pdf", action="store_true", help="write the .docx only")
    ap.add_argument(
        "--real",
        nargs="?",
        const="dev",
        choices=["dev", *sorted(p.name for p in REAL_DIR.glob("heldout*")), "all"],
        help="render corpus/real's full texts of this part (default dev) in the Word layout; prints figures only",
    )
    args = ap.parse_args(argv)
    if args.real:
        parts = ["dev", *sorted(p.name for p in REAL_DIR.glob("heldout*"))] if args.real == "all" else [args.real]
        for row in render_real(parts, pdf=not args.no_pdf):
            print(" ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()))
        return 0
    plans = args.plans or sorted(PLANS_DIR.glob("*.txt"))
    docxs = []
    for txt in plans:
        out = txt.with_suffix(".docx")
        build_docx(txt, out)
        docxs.append(out)
        print(f"{out}: {out.stat().st_size} bytes")
    if args.no_pdf:
        return 0
    by_dir: dict[Path, list[Path]] = {}
    for d in docxs:
        by_dir.setdefault(d.parent, []).append(d)
    for outdir, group in by_dir.items():
        soffice_convert(group, outdir)
    for txt in plans:
        pdf = txt.with_suffix(".pdf")
        ratio, pages = pdf_similarity(pdf, txt)
        print(f"{pdf}: {pdf.stat().st_size} bytes, {pages} pages, pdftotext/txt word similarity {ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = [
    "build_docx",
    "build_docx_from_text",
    "build_real_docx",
    "parse_real",
    "pdf_similarity",
    "plain_text",
    "real_items",
    "render_real",
    "soffice_convert",
    "split_blocks",
]
