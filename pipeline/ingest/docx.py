"""Word .docx plans: body paragraphs and table cells in document order, read straight from the XML.

A .docx is a zip of XML parts. We parse `word/document.xml` with lxml rather than walking
python-docx objects: python-docx costs ~17 ms a plan and its `table.cell(i, j)` is quadratic, while
one lxml pass is ~1 ms and lets us see what python-docx has no API for (footnote references,
merged-cell markers, field results). What the reader sees in Word is what we return:

- body `w:p` and `w:tbl` in order (also inside content controls `w:sdt`);
- a paragraph's automatic list number ("1.", "a)", "I-") is written into its text, because the
  heading tree is built from those labels and Word keeps them out of the text runs;
- table cells once each, at their top-left grid position, with `col_span` (gridSpan) and
  `row_span` (vMerge); nested tables' text stays inside the cell that holds them;
- except a *layout table*: a small table (at most 3 rows and 3 columns, its first row holding a cell of
  several lines unless it is the only row) that draws no lines, the way
  Word users set a plan's head ("ĐẢNG ỦY XÃ … / Số 12-KH/ĐU" beside "ĐẢNG CỘNG SẢN VIỆT NAM / place,
  date") and its end ("Nơi nhận: …" beside "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / name") side by side. Its
  cells are columns of ordinary lines, not data: each cell paragraph becomes a paragraph block, read
  column by column (as one reads a printed head), keeping its table/row/column as provenance;
- footnote references leave no mark in the body; the footnote text goes to `footnotes`, keyed by
  the number Word prints (footnotes are numbered in order of reference);
- headers and footers go to `furniture`, never to the body;
- deleted tracked changes (`w:del`) and the fallback copy of alternate content are skipped.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path, PurePosixPath

from lxml import etree

from pipeline.errors import EmptyDocumentError, LegacyDocFormatError, UnreadableDocumentError
from pipeline.ingest.legacy_encoding import convert, converted_warning, detect, refuse_unsure
from pipeline.raw import RawBlock, RawDocument, RawPlace

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = f"{{{W_NS}}}"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"

_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (f"{W}{t}" for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_SKIP = {f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr", f"{W}instrText", f"{{{MC_NS}}}Fallback"}
_SKIP |= {f"{W}{t}" for t in ("delText", "commentReference", "footnoteRef", "endnoteRef", "tblPr", "trPr")}
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True, remove_comments=True)


def _attr(elem: etree._Element | None, name: str) -> str | None:
    return None if elem is None else elem.get(f"{W}{name}")


def _on(elem: etree._Element | None) -> bool:
    """A WordprocessingML toggle (`<w:b/>`, `<w:b w:val="0"/>`)."""
    return elem is not None and _attr(elem, "val") not in ("0", "false", "off")


# ---------------------------------------------------------------- styles and numbering


@dataclass
class _Styles:
    names: dict[str, str] = field(default_factory=dict)
    numbering: dict[str, tuple[str, int]] = field(default_factory=dict)  # style id → (numId, ilvl)
    default: str | None = None
    fonts: dict[str, str] = field(default_factory=dict)  # style id (paragraph or character) → font
    default_font: str | None = None


def _font_of(r_pr: etree._Element | None) -> str | None:
    fonts = r_pr.find(f"{W}rFonts") if r_pr is not None else None
    return (_attr(fonts, "ascii") or _attr(fonts, "hAnsi")) if fonts is not None else None


def legacy_font(font: str | None) -> tuple[str, bool] | None:
    """(encoding, uppercase) for a legacy Vietnamese font: TCVN3 fonts are named ".Vn…" (".VnTime",
    ".VnArial"; an "H" at the end, ".VnTimeH", is the capitals-only face), VNI fonts "VNI-…"."""
    if not font:
        return None
    if font.startswith(".Vn"):
        return "tcvn3", font.endswith("H")
    if font.upper().startswith("VNI-"):
        return "vni", False
    return None


_BUILTIN_LOWERCASE = re.compile(r"^(heading \d|title|subtitle|caption|header|footer|normal|quote)$")


def _read_styles(root: etree._Element | None) -> _Styles:
    styles = _Styles()
    if root is None:
        return styles
    based_on: dict[str, str] = {}
    styles.default_font = _font_of(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
    for style in root.iter(f"{W}style"):
        style_id = _attr(style, "styleId")
        font = _font_of(style.find(f"{W}rPr"))
        if style_id and font:
            styles.fonts[style_id] = font
        if not style_id or _attr(style, "type") not in (None, "paragraph"):
            continue
        name = _attr(style.find(f"{W}name"), "val") or style_id
        # Word stores built-in names in lowercase ("heading 1") and shows them capitalised.
        if _BUILTIN_LOWERCASE.match(name):
            name = name[:1].upper() + name[1:]
        styles.names[style_id] = name
        if _attr(style, "default") in ("1", "true"):
            styles.default = style_id
        parent = _attr(style.find(f"{W}basedOn"), "val")
        if parent:
            based_on[style_id] = parent
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            num_id = _attr(num_pr.find(f"{W}numId"), "val")
            if num_id:
                styles.numbering[style_id] = (num_id, int(_attr(num_pr.find(f"{W}ilvl"), "val") or 0))
    for style_id, parent in based_on.items():  # numbering and font inherited one level down the chain
        if style_id not in styles.numbering and parent in styles.numbering:
            styles.numbering[style_id] = styles.numbering[parent]
        if style_id not in styles.fonts and parent in styles.fonts:
            styles.fonts[style_id] = styles.fonts[parent]
    return styles


# Plans of one province are mostly made from one Word template, whose styles part is the largest
# part of a plan (350 KB in python-docx's template, over a third of reading time) and the same bytes
# in every file. Parsed styles are kept per (CRC-32, size) of the part, both read from the zip's
# directory without decompressing; nothing in a `_Styles` changes after it is read.
_STYLES_SEEN: dict[tuple[int, int], _Styles] = {}
_STYLES_SEEN_MAX = 64


def _styles_of(zf: zipfile.ZipFile, name: str) -> _Styles:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return _Styles()
    key = (info.CRC, info.file_size)
    styles = _STYLES_SEEN.get(key)
    if styles is None:
        styles = _read_styles(_parse(zf, name))
        if len(_STYLES_SEEN) >= _STYLES_SEEN_MAX:
            _STYLES_SEEN.clear()
        _STYLES_SEEN[key] = styles
    return styles


@dataclass
class _Level:
    fmt: str
    text: str
    start: int


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"))
_ROMAN += ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


_LEVEL_PLACEHOLDER = re.compile(r"%(\d)")  # "%1.%2." in a level's text: the counters of levels 1 and 2


class _Numbering:
    """Automatic list numbers as Word prints them ("1.", "1.2.", "a)", "-" for bullets)."""

    def __init__(self, root: etree._Element | None):
        self.levels: dict[str, dict[int, _Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.iter(f"{W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in node.iter(f"{W}lvl"):
                levels[int(_attr(lvl, "ilvl") or 0)] = _Level(
                    fmt=_attr(lvl.find(f"{W}numFmt"), "val") or "decimal",
                    text=_attr(lvl.find(f"{W}lvlText"), "val") or "",
                    start=int(_attr(lvl.find(f"{W}start"), "val") or 1),
                )
            abstract[_attr(node, "abstractNumId") or ""] = levels
        for num in root.iter(f"{W}num"):
            ref = _attr(num.find(f"{W}abstractNumId"), "val") or ""
            levels = dict(abstract.get(ref, {}))
            for override in num.iter(f"{W}lvlOverride"):
                start = _attr(override.find(f"{W}startOverride"), "val")
                level = int(_attr(override, "ilvl") or 0)
                if start is not None and level in levels:
                    old = levels[level]
                    levels[level] = _Level(old.fmt, old.text, int(start))
            self.levels[_attr(num, "numId") or ""] = levels

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        level = levels[ilvl]
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return "-"
        if level.fmt == "none":
            return level.text

        def value(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            lv = levels.get(k)
            n = counters.get(k, lv.start if lv else 1)
            return _format_number(n, lv.fmt if lv else "decimal")

        return _LEVEL_PLACEHOLDER.sub(value, level.text)


# ---------------------------------------------------------------- text of one paragraph


@dataclass
class _Context:
    styles: _Styles
    numbering: _Numbering
    footnotes: dict[str, str]  # footnote id in footnotes.xml → text
    found_notes: dict[str, str] = field(default_factory=dict)  # printed number → text
    note_count: int = 0
    track_notes: bool = True
    legacy_used: set[str] = field(default_factory=set)  # legacy encodings converted, by font


def _run_font(run: etree._Element, ctx: _Context, paragraph_font: str | None) -> str | None:
    r_pr = run.find(f"{W}rPr")
    font = _font_of(r_pr)
    if font is None and r_pr is not None:
        font = ctx.styles.fonts.get(_attr(r_pr.find(f"{W}rStyle"), "val") or "")
    return font or paragraph_font


def _collect(elem: etree._Element, parts: list[str], ctx: _Context, paragraph_font: str | None) -> None:
    """Append the visible text under `elem` (a paragraph or part of one), in order. A run set in a
    legacy Vietnamese font (.VnTime, VNI-Times) is converted to Unicode here, run by run, so a
    document that mixes Unicode and legacy fonts comes out whole."""
    for child in elem:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}tab" or tag == f"{W}ptab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            if _attr(child, "type") not in ("page", "column"):
                parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W}footnoteReference":
            if ctx.track_notes:
                ctx.note_count += 1
                note_id = _attr(child, "id") or ""
                ctx.found_notes[str(ctx.note_count)] = ctx.footnotes.get(note_id, "")
        elif tag == _P:  # a paragraph inside a text box: its own line
            parts.append("\n")
            _collect(child, parts, ctx, _paragraph_font(child, ctx))
        elif tag == f"{W}r" and _on(child.find(f"{W}rPr/{W}vanish")):
            continue  # hidden text: Word does not show or print it
        elif tag == f"{W}r" and (legacy := legacy_font(_run_font(child, ctx, paragraph_font))):
            run: list[str] = []
            _collect(child, run, ctx, paragraph_font)
            encoding, capitals = legacy
            text = convert("".join(run), encoding)
            parts.append(text.upper() if capitals else text)
            ctx.legacy_used.add(encoding)
        else:
            _collect(child, parts, ctx, paragraph_font)


def _paragraph_font(p: etree._Element, ctx: _Context) -> str | None:
    style_id = _attr(p.find(f"{W}pPr/{W}pStyle"), "val") or ctx.styles.default or ""
    return ctx.styles.fonts.get(style_id) or ctx.styles.default_font


def _paragraph_text(p: etree._Element, ctx: _Context) -> str:
    parts: list[str] = []
    _collect(p, parts, ctx, _paragraph_font(p, ctx))
    return "".join(parts).strip()


def _paragraph_style(p: etree._Element, ctx: _Context) -> tuple[str | None, str]:
    """(style hint, numbering label). The hint is the Word style name unless it is the default
    style; a paragraph in the default style whose text runs are all bold gets "bold", the same
    hint a PDF bold line gets, since plans often set headings by hand in bold."""
    p_pr = p.find(f"{W}pPr")
    style_id = _attr(p_pr.find(f"{W}pStyle"), "val") if p_pr is not None else None
    label = ""
    num_pr = p_pr.find(f"{W}numPr") if p_pr is not None else None
    if num_pr is not None:
        num_id = _attr(num_pr.find(f"{W}numId"), "val")
        if num_id:
            label = ctx.numbering.label(num_id, int(_attr(num_pr.find(f"{W}ilvl"), "val") or 0))
    elif style_id in ctx.styles.numbering:
        label = ctx.numbering.label(*ctx.styles.numbering[style_id])
    if style_id and style_id != ctx.styles.default:
        name = ctx.styles.names.get(style_id, style_id)
        if name != "Normal":
            return name, label
    runs = [r for r in p.iter(f"{W}r") if any((t.text or "").strip() for t in r.iter(f"{W}t"))]
    if runs and all(_on(r.find(f"{W}rPr/{W}b")) for r in runs):
        return "bold", label
    return None, label


# ---------------------------------------------------------------- body walk


def _labelled(label: str, text: str) -> str:
    """A paragraph's text with its automatic list label in front, as Word prints it; an empty
    paragraph stays empty, and a bullet is not doubled on text that already starts with a dash."""
    if not label or not text or (label == "-" and text.startswith("-")):
        return text
    return f"{label} {text}"


def _cell_text(tc: etree._Element, ctx: _Context) -> str:
    """All paragraphs of a cell, nested tables included (rows on their own lines)."""
    lines: list[str] = []
    for child in tc:
        if child.tag == _P:
            text = _paragraph_text(child, ctx)
            style = _paragraph_style(child, ctx)
            line = f"{style[1]} {text}".strip() if style[1] else text
            if line:
                lines.append(line)
        elif child.tag == _TBL:
            for tr in child.iter(_TR):
                cells = [_cell_text(c, ctx) for c in tr if c.tag == _TC]
                row = " | ".join(c.replace("\n", " ") for c in cells if c)
                if row:
                    lines.append(row)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                inner = _cell_text(content, ctx)
                if inner:
                    lines.append(inner)
    return "\n".join(lines)


def _table_blocks(tbl: etree._Element, index: int, ctx: _Context) -> list[RawBlock]:
    """One block per visible cell; vertically merged continuations extend the origin's row_span."""
    blocks: list[RawBlock] = []
    open_merges: dict[int, RawBlock] = {}  # grid column → the block a vMerge continues
    rows = [tr for tr in tbl if tr.tag == _TR]
    rows += [tr for sdt in tbl if sdt.tag == _SDT for tr in sdt.iter(_TR)]
    for row_index, tr in enumerate(rows):
        column = int(_attr(tr.find(f"{W}trPr/{W}gridBefore"), "val") or 0)
        for tc in tr:
            if tc.tag != _TC:
                continue
            tc_pr = tc.find(f"{W}tcPr")
            span = int(_attr(tc_pr.find(f"{W}gridSpan"), "val") or 1) if tc_pr is not None else 1
            v_merge = tc_pr.find(f"{W}vMerge") if tc_pr is not None else None
            if v_merge is not None and _attr(v_merge, "val") in (None, "continue") and column in open_merges:
                open_merges[column].row_span += 1
                column += span
                continue
            block = RawBlock(
                text=_cell_text(tc, ctx),
                kind="cell",
                source=RawPlace(table=index, row=row_index, column=column),
                col_span=span,
            )
            blocks.append(block)
            if v_merge is not None and _attr(v_merge, "val") == "restart":
                open_merges[column] = block
            else:
                open_merges.pop(column, None)
            column += span
    return blocks


_NO_LINE = {"nil", "none"}
MAX_LAYOUT_ROWS = 3
MAX_LAYOUT_COLUMNS = 3


def _visible_edges(borders: etree._Element | None) -> bool | None:
    """Whether a w:tblBorders / w:tcBorders draws any edge; None where it is absent or says nothing."""
    if borders is None or len(borders) == 0:
        return None
    return any((_attr(edge, "val") or "single") not in _NO_LINE for edge in borders)


_CELL_EDGES = ("top", "left", "bottom", "right")


def _cell_borders_off(tc: etree._Element) -> bool:
    """Does the cell switch off all four of its edges itself (w:tcBorders, "nil" or "none")?"""
    borders = tc.find(f"{W}tcPr/{W}tcBorders")
    if borders is None:
        return False
    edges = {etree.QName(edge).localname: _attr(edge, "val") or "single" for edge in borders}
    return all(edges.get(name) in _NO_LINE for name in _CELL_EDGES)


def _draws_lines(tbl: etree._Element) -> bool:
    """Does the table show borders? Its own w:tblBorders decide; without them a named table style
    ("Table Grid") is taken to draw lines and no style (Word's "Normal Table") to draw none. A cell
    may override either way: its own visible edge draws a line, and cells that all switch their
    four edges off (Word's "No Border" on a styled table) draw none."""
    tbl_pr = tbl.find(f"{W}tblPr")
    own = _visible_edges(tbl_pr.find(f"{W}tblBorders")) if tbl_pr is not None else None
    if own is None:
        own = tbl_pr is not None and tbl_pr.find(f"{W}tblStyle") is not None
    if any(_visible_edges(tc_pr.find(f"{W}tcBorders")) for tc_pr in tbl.iter(f"{W}tcPr")):
        return True
    cells = list(tbl.iter(_TC))
    return bool(own) and not (cells and all(_cell_borders_off(tc) for tc in cells))


def _layout_grid(tbl: etree._Element) -> list[list[etree._Element]] | None:
    """The cells of a layout table by column (see the module docstring), or None for a data table."""
    rows = [tr for tr in tbl if tr.tag == _TR]
    if not rows or len(rows) > MAX_LAYOUT_ROWS or any(tr.find(f".//{W}tbl") is not None for tr in rows):
        return None
    columns: dict[int, list[etree._Element]] = {}
    for tr in rows:
        column = int(_attr(tr.find(f"{W}trPr/{W}gridBefore"), "val") or 0)
        for tc in tr:
            if tc.tag != _TC:
                continue
            columns.setdefault(column, []).append(tc)
            tc_pr = tc.find(f"{W}tcPr")
            column += int(_attr(tc_pr.find(f"{W}gridSpan"), "val") or 1) if tc_pr is not None else 1
    if len(columns) < 2 or len(columns) > MAX_LAYOUT_COLUMNS or _draws_lines(tbl):
        return None
    if len(rows) > 1 and not any(_lines_in(tc) > 1 for tc in rows[0] if tc.tag == _TC):
        return None  # one-line cells over more rows: a header row over data, or a grid of single lines
    return [columns[c] for c in sorted(columns)]


def _lines_in(tc: etree._Element) -> int:
    """How many paragraphs of a cell hold text."""
    return sum(1 for p in tc.iter(_P) if "".join(t.text or "" for t in p.iter(f"{W}t")).strip())


def _layout_blocks(grid: list[list[etree._Element]], tbl: etree._Element, index: int, ctx: _Context) -> list[RawBlock]:
    """Each paragraph of a layout table's cells as a paragraph block, column by column."""
    row_of = {id(tc): r for r, tr in enumerate(tr for tr in tbl if tr.tag == _TR) for tc in tr}
    blocks: list[RawBlock] = []
    for column, cells in enumerate(grid):
        for tc in cells:
            for p in tc.iter(_P):
                style, label = _paragraph_style(p, ctx)
                text = _labelled(label, _paragraph_text(p, ctx))
                if text:
                    source = RawPlace(table=index, row=row_of.get(id(tc), 0), column=column)
                    blocks.append(RawBlock(text=text, style=style, source=source))
    return blocks


def _body_blocks(body: etree._Element, ctx: _Context) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    paragraph_index = 0
    table_index = 0

    def walk(container: etree._Element) -> None:
        nonlocal paragraph_index, table_index
        for child in container:
            if child.tag == _P:
                style, label = _paragraph_style(child, ctx)
                text = _labelled(label, _paragraph_text(child, ctx))
                if text:
                    blocks.append(RawBlock(text=text, style=style, source=RawPlace(paragraph=paragraph_index)))
                paragraph_index += 1
            elif child.tag == _TBL:
                grid = _layout_grid(child)
                if grid is not None:
                    blocks.extend(_layout_blocks(grid, child, table_index, ctx))
                else:
                    blocks.extend(_table_blocks(child, table_index, ctx))
                table_index += 1
            elif child.tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    walk(content)

    walk(body)
    return blocks


# ---------------------------------------------------------------- the package


def _parse(zf: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        data = zf.read(name)
    except KeyError:
        return None
    return etree.fromstring(data, _PARSER)


def _part_names(zf: zipfile.ZipFile, main: str) -> dict[str, list[str]]:
    """Relationship type (last path segment) → part names, from the main part's .rels."""
    main_path = PurePosixPath(main)
    rels = _parse(zf, str(main_path.parent / "_rels" / f"{main_path.name}.rels"))
    found: dict[str, list[str]] = {}
    if rels is None:
        return found
    for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        name = target.lstrip("/") if target.startswith("/") else str(main_path.parent / target)
        found.setdefault(kind, []).append(_normpath(name))
    return found


def _normpath(name: str) -> str:
    parts: list[str] = []
    for part in name.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _main_part(zf: zipfile.ZipFile) -> str:
    root = _parse(zf, "_rels/.rels")
    if root is not None:
        for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return _normpath(rel.get("Target", ""))
    return "word/document.xml"


def _footnote_texts(root: etree._Element | None, ctx: _Context) -> dict[str, str]:
    notes: dict[str, str] = {}
    if root is None:
        return notes
    for note in root.iter(f"{W}footnote"):
        if _attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        texts = [_paragraph_text(p, ctx) for p in note.iter(_P)]
        notes[_attr(note, "id") or ""] = "\n".join(t for t in texts if t)
    return notes


def _furniture(zf: zipfile.ZipFile, parts: dict[str, list[str]], ctx: _Context) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    seen: set[str] = set()
    for kind in ("header", "footer"):
        for name in parts.get(kind, []):
            root = _parse(zf, name)
            if root is None:
                continue
            for p in root.iter(_P):
                text = _paragraph_text(p, ctx)
                if text and (kind, text) not in seen:
                    seen.add((kind, text))
                    blocks.append(RawBlock(text=text, style=kind))
    return blocks


def read_docx(path: Path, data: bytes) -> RawDocument:
    if data.startswith(OLE2_MAGIC):
        raise LegacyDocFormatError(path, "binary_word")
    if not data.startswith(b"PK"):
        raise UnreadableDocumentError(path, "docx_not_zip")
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            main = _main_part(zf)
            parts = _part_names(zf, main)
            document = _parse(zf, main)
            if document is None:
                raise UnreadableDocumentError(path, "docx_no_body_part")
            styles = _Styles()
            for name in parts.get("styles", []):
                styles = _styles_of(zf, name)
            numbering = _Numbering(next((_parse(zf, n) for n in parts.get("numbering", [])), None))
            side = _Context(styles=styles, numbering=numbering, footnotes={}, track_notes=False)
            notes = _footnote_texts(next((_parse(zf, n) for n in parts.get("footnotes", [])), None), side)
            furniture = _furniture(zf, parts, side)
    except zipfile.BadZipFile as exc:
        raise UnreadableDocumentError(path, "zip_damaged", reason=exc) from exc
    except (etree.XMLSyntaxError, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise UnreadableDocumentError(path, "docx_part_unreadable", reason=exc) from exc
    body = document.find(f"{W}body")
    ctx = _Context(styles=styles, numbering=numbering, footnotes=notes)
    blocks = _body_blocks(body, ctx) if body is not None else []
    if not any(block.text.strip() for block in blocks):
        raise EmptyDocumentError(path, "docx_no_text")
    raw = RawDocument(path=str(path), format="docx", blocks=blocks, footnotes=ctx.found_notes, furniture=furniture)
    _legacy_check(path, raw, ctx.legacy_used | side.legacy_used)
    return raw


def _legacy_check(path: Path, raw: RawDocument, by_font: set[str]) -> None:
    """Record runs converted from legacy fonts; and catch legacy text whose font name was lost
    (pasted into a Unicode font): the same detection as for .txt, over the whole body."""
    if not by_font:
        verdict = detect("\n".join(block.text for block in raw.blocks))
        refuse_unsure(path, verdict)
        if verdict.encoding is None:
            return
        by_font = {verdict.encoding}
        for block in [*raw.blocks, *raw.furniture]:
            block.text = convert(block.text, verdict.encoding)
        raw.footnotes = {key: convert(text, verdict.encoding) for key, text in raw.footnotes.items()}
    raw.encoding = "+".join(sorted(by_font))
    raw.warnings.append(converted_warning(path, by_font))
