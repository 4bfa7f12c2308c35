"""PDF plans: text lines, ruled tables, page furniture and footnotes, read with pypdfium2 alone.

Why pypdfium2 and not pdfplumber: on a LibreOffice-made plan pdfplumber (pdfminer) spends ~80 ms a
page just parsing characters (~12 pages/s before any layout work) and its extract_text mixes
neighbouring wrapped table cells; pdfium reads the same page in ~3 ms, gives every character with
its box, font and size in content order (which keeps cell text together), and exposes the ruling
lines as path objects, so the table grid is rebuilt here from the lines themselves.

What a page becomes:
- ruled tables (a connected grid of thin horizontal and vertical lines, at least two cells) →
  one `cell` block per visible cell, merged cells once with row/col spans. A table continued on the
  next page is a new table index there, with its repeated header row kept as row 0: structure joins
  tables whose first rows match;
- other text → lines (baseline changes or pdfium's line breaks), then paragraphs: a new paragraph
  where the gap above a line is larger than the usual line pitch, where it is indented, where the
  line above ended short, or where boldness changes. A line in a bold font gets style "bold";
- page numbers ("3", "- 3 -", "Trang 3", "3/14") and lines repeated at the top or bottom of most
  pages → `furniture`;
- small-font lines below the body at the foot of a page that start with a number → `footnotes`,
  and the superscript marker in the body that points to such a footnote is dropped.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.errors import (
    EmptyDocumentError,
    EncryptedPdfError,
    ImageOnlyPdfError,
    UnreadableDocumentError,
)
from pipeline.ingest import pdf_chars
from pipeline.models import DocWarning
from pipeline.raw import RawBlock, RawDocument, RawPlace

THIN = 2.5  # points: a ruling line is at most this thick
TOUCH = 3.0  # points: how close two lines must come to count as joined
EDGE_ZONE = 0.12  # share of the page height at top and bottom where furniture lives
ISOLATION = 0.6  # furniture stands apart: gap to the body > this share of its font size
FOOTNOTE_SIZE_RATIO = 0.88  # a footnote's font is smaller than the body's by at least this much
PAGE_NUMBER = re.compile(r"^\s*(?:(?:trang|page)\s*)?[-–—]?\s*\d{1,4}\s*(?:/\s*\d{1,4})?\s*[-–—]?\s*$", re.IGNORECASE)
FOOTNOTE_START = re.compile(r"^\s*(\d{1,3})[\s.)]")


@dataclass
class _Char:
    text: str
    x0: float
    x1: float
    bottom: float  # PDF space: y grows upward
    top: float
    size: float
    bold: bool
    base: float = 0.0  # the baseline (from the top of the page): glyph boxes of quotes and
    # accents sit high or low, the baseline does not
    newline: bool = False  # pdfium's generated (or a real) line break


@dataclass
class _Line:
    chars: list[_Char]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0  # distance from the top of the page (grows downward)
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    superscripts: list[tuple[int, str]] = field(default_factory=list)  # (position in text, digits)


@dataclass
class _Cell:
    x0: float
    x1: float
    top: float
    bottom: float
    row: int
    column: int
    col_span: int
    row_span: int = 1
    chars: list[_Char] = field(default_factory=list)


@dataclass
class _Table:
    top: float
    bottom: float
    x0: float
    x1: float
    cells: list[_Cell]
    columns: tuple[float, ...] = ()  # x of every vertical ruling, to recognise a continuation

    def contains(self, x: float, y: float) -> bool:
        return self.x0 - 1 <= x <= self.x1 + 1 and self.top - 1 <= y <= self.bottom + 1


# ---------------------------------------------------------------- characters


def _page_chars(textpage: pdfium.PdfTextPage, height: float) -> list[_Char]:
    """Every character of a page with its box, baseline, size and boldness (see `pdf_chars` for
    why the calls are made the way they are)."""
    raw_page = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw_page)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    box_at = [ctypes.addressof(value) for value in (left, right, bottom, top)]
    origin_at = [ctypes.addressof(value) for value in (origin_x, origin_y)]
    char_box, char_origin, text_object = pdf_chars.calls()
    page = pdf_chars.handle(raw_page)
    codes = pdf_chars.code_points(raw_page, count)
    chars: list[_Char] = []
    fonts: dict[int, tuple[float, bool]] = {}  # text object → (size, bold)
    for i in range(count):
        code = codes[i] if codes is not None else pdfium_c.FPDFText_GetUnicode(raw_page, i)
        if code in (13, 10):
            if chars:
                chars[-1].newline = True
            continue
        if code in (0xFFFE, 0x02):  # pdfium's mark for a hyphen that ends a line
            code = 0x2D
        text = chr(code)
        char_box(page, i, *box_at)
        if text == " " and chars and pdfium_c.FPDFText_IsGenerated(raw_page, i):
            prev = chars[-1]
            chars.append(_Char(" ", prev.x1, prev.x1, prev.bottom, prev.top, prev.size, prev.bold, prev.base))
            continue
        owner = text_object(page, i)
        font = fonts.get(owner) if owner else None
        if font is None:
            font = _font(raw_page, i)
            if owner:
                fonts[owner] = font
        char_origin(page, i, *origin_at)
        chars.append(
            _Char(
                text,
                left.value,
                right.value,
                height - bottom.value,
                height - top.value,
                font[0],
                font[1],
                height - origin_y.value,
            )
        )
    return chars


_FONT_NAME_SIZE = 128


@cache
def _bold_name(name: bytes) -> bool:
    lowered = name.lower()
    return b"bold" in lowered or b"black" in lowered or b"heavy" in lowered


def _font(raw_page: object, i: int) -> tuple[float, bool]:
    """The size and boldness of character `i`'s font (pdfium reads both from its text object)."""
    size = pdfium_c.FPDFText_GetFontSize(raw_page, i)
    name = ctypes.create_string_buffer(_FONT_NAME_SIZE)
    pdfium_c.FPDFText_GetFontInfo(raw_page, i, name, _FONT_NAME_SIZE, ctypes.c_int())
    bold = _bold_name(name.value) or pdfium_c.FPDFText_GetFontWeight(raw_page, i) >= 600
    return size, bold


# ---------------------------------------------------------------- ruling lines and table grids


@dataclass
class _Seg:
    horizontal: bool
    pos: float  # y (from top) for horizontal, x for vertical
    start: float
    end: float


def _segments(page: pdfium.PdfPage, height: float) -> list[_Seg]:
    segs: list[_Seg] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1):
        left, bottom, right, top = obj.get_bounds()
        width, tall = right - left, top - bottom
        y_top, y_bottom = height - top, height - bottom
        if tall <= THIN and width > TOUCH:
            segs.append(_Seg(True, (y_top + y_bottom) / 2, left, right))
        elif width <= THIN and tall > TOUCH:
            segs.append(_Seg(False, (left + right) / 2, y_top, y_bottom))
        elif width > TOUCH and tall > TOUCH:
            pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill, stroke)
            if stroke.value:  # a stroked rectangle: its four edges
                segs += [
                    _Seg(True, y_top, left, right),
                    _Seg(True, y_bottom, left, right),
                    _Seg(False, left, y_top, y_bottom),
                    _Seg(False, right, y_top, y_bottom),
                ]
    return segs


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= TOUCH:
            continue
        out.append(value)
    return out


def _tables(segs: list[_Seg]) -> list[_Table]:
    """Connected grids of ruling lines → tables with their cells (spans from missing lines)."""
    parent = list(range(len(segs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(segs):
        for j in range(i + 1, len(segs)):
            b = segs[j]
            if a.horizontal == b.horizontal:
                joined = abs(a.pos - b.pos) <= TOUCH and a.start <= b.end + TOUCH and b.start <= a.end + TOUCH
            else:
                h, v = (a, b) if a.horizontal else (b, a)
                joined = h.start - TOUCH <= v.pos <= h.end + TOUCH and v.start - TOUCH <= h.pos <= v.end + TOUCH
            if joined:
                parent[find(i)] = find(j)
    groups: dict[int, list[_Seg]] = {}
    for i, seg in enumerate(segs):
        groups.setdefault(find(i), []).append(seg)
    tables = []
    for group in groups.values():
        table = _grid(group)
        if table is not None:
            tables.append(table)
    return sorted(tables, key=lambda t: t.top)


def _covered(segs: list[_Seg], pos: float, at: float) -> bool:
    return any(abs(s.pos - pos) <= TOUCH and s.start - TOUCH <= at <= s.end + TOUCH for s in segs)


def _grid(group: list[_Seg]) -> _Table | None:
    hs = [s for s in group if s.horizontal]
    vs = [s for s in group if not s.horizontal]
    ys, xs = _cluster([s.pos for s in hs]), _cluster([s.pos for s in vs])
    if len(ys) < 2 or len(xs) < 2:
        return None
    cells: list[_Cell] = []
    above: dict[tuple[int, int], _Cell] = {}
    for r in range(len(ys) - 1):
        mid_y = (ys[r] + ys[r + 1]) / 2
        bounds = [k for k, x in enumerate(xs) if _covered(vs, x, mid_y)]
        current: dict[tuple[int, int], _Cell] = {}
        for k0, k1 in itertools.pairwise(bounds):
            mid_x = (xs[k0] + xs[k1]) / 2
            if r > 0 and not _covered(hs, ys[r], mid_x) and (k0, k1) in above:
                cell = above[(k0, k1)]  # no line above: the cell above reaches down here
                cell.row_span += 1
                cell.bottom = ys[r + 1]
            else:
                cell = _Cell(xs[k0], xs[k1], ys[r], ys[r + 1], row=r, column=k0, col_span=k1 - k0)
                cells.append(cell)
            current[(k0, k1)] = cell
        above = current
    if len(cells) < 2:
        return None  # a framed paragraph, not a table
    # rows numbered by visible row bands, so a table's rows are 0..n-1
    row_ids = {row: i for i, row in enumerate(sorted({c.row for c in cells}))}
    for cell in cells:
        cell.row = row_ids[cell.row]
    return _Table(top=ys[0], bottom=ys[-1], x0=xs[0], x1=xs[-1], cells=cells, columns=tuple(xs))


# ---------------------------------------------------------------- lines and paragraphs


def _split_lines(chars: list[_Char]) -> list[list[_Char]]:
    """Cut characters (in content order) into lines.

    pdfium marks where it thinks a line ends, but it also does so around a superscript footnote
    marker; so a break is taken only when the next character really leaves the line: its baseline
    moves (a raised, smaller character is a superscript and stays), or it jumps back to the left."""
    lines: list[list[_Char]] = []
    current: list[_Char] = []
    base = size = 0.0  # the current line's baseline and font size (of its first visible character)
    anchored = False
    for ch in chars:
        if current:
            prev = current[-1]
            shift = abs(ch.base - base)
            superscript = ch.size < size * 0.8 and base - size * 0.7 < ch.base < base
            on_line = shift <= max(size, ch.size) * 0.3 or superscript
            forward = ch.x0 >= prev.x1 - 1
            if prev.newline:
                leave = not (on_line and forward)
                if not leave and not prev.text.isspace() and not ch.text.isspace() and ch.x0 - prev.x1 > size * 0.2:
                    current.append(_Char(" ", prev.x1, ch.x0, prev.bottom, prev.top, prev.size, prev.bold, prev.base))
            else:
                leave = (shift > max(size, ch.size) * 0.6 and not superscript) or (not forward and shift > 1)
            if leave:
                lines.append(current)
                current = []
        if not current:
            anchored = False
        if not anchored and not ch.text.isspace():
            base, size, anchored = ch.base, ch.size, True
        current.append(ch)
    if current:
        lines.append(current)
    return [line for line in lines if any(not c.text.isspace() for c in line)]


def _make_line(chars: list[_Char]) -> _Line:
    while chars and chars[0].text.isspace():
        chars = chars[1:]
    while chars and chars[-1].text.isspace():
        chars = chars[:-1]
    visible = [c for c in chars if not c.text.isspace()]
    size = statistics.median(c.size for c in visible)
    main = [c for c in visible if c.size >= size * 0.8] or visible
    baseline = statistics.median(c.base for c in main)
    line = _Line(chars=chars)
    parts: list[str] = []
    i = 0
    while i < len(chars):
        ch = chars[i]
        raised = ch.text.isdigit() and ch.size < size * 0.8 and ch.base < baseline - 1
        if raised:
            digits = ""
            while i < len(chars) and chars[i].text.isdigit() and chars[i].size < size * 0.8:
                digits += chars[i].text
                i += 1
            line.superscripts.append((len("".join(parts)), digits))
            parts.append(digits)
            continue
        parts.append(ch.text)
        i += 1
    line.text = "".join(parts)
    line.x0 = min(c.x0 for c in visible)
    line.x1 = max(c.x1 for c in visible)
    line.top = min(c.top for c in main)
    line.bottom = max(c.bottom for c in main)
    line.size = size
    line.bold = sum(c.bold for c in visible) > len(visible) / 2
    return line


def _drop_markers(line: _Line, keys: set[str], expected: list[int]) -> str:
    """The body text of a line without the superscript markers that point to a footnote.

    Footnote markers run 1, 2, 3… through the text, so a superscript is a marker only when it is
    the next number due (`expected[0]`) and that footnote exists; any other superscript number is
    text (the 2 of "100 m2")."""
    parts = []
    last = 0
    for pos, digits in line.superscripts:
        if digits in keys and digits == str(expected[0]):
            expected[0] += 1
            parts.append(line.text[last:pos])
            last = pos + len(digits)
    parts.append(line.text[last:])
    return "".join(parts).rstrip()


@dataclass
class _PageLayout:
    number: int
    height: float
    width: float
    lines: list[_Line]
    tables: list[_Table]
    has_text: bool
    has_images: bool


LIST_MARKER = re.compile(r"^(?:[-+•–]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][.)]\s)")


def _paragraphs(lines: list[_Line], left: float, right: float, pitch: float) -> list[list[_Line]]:
    """Group a page's body lines into paragraphs.

    A new paragraph starts where the gap above is wider than the usual line pitch, where the line
    is indented, where the line above stopped short (see `_ended_short`) or was centred/right-
    aligned, where boldness or font size changes, or where a list item ("- ", "1. ", "a) ")
    follows a line that closed a sentence. Centred lines that share their centre (a title over
    two lines, a signature block) stay together, except a line in capitals over one that is not
    (see `_caps_over_mixed`)."""
    groups: list[list[_Line]] = []
    for line in lines:
        if groups:
            prev = groups[-1][-1]
            gap = line.top - prev.top
            centred_pair = (
                line.x0 > left + 20
                and abs((line.x0 + line.x1) - (prev.x0 + prev.x1)) / 2 < 6
                and not _caps_over_mixed(prev, line)
            )
            layout_break = not centred_pair and (
                line.x0 > left + 8
                or _ended_short(prev, line, right)
                or prev.x0 > left + (right - left) * 0.25  # the line above was centred or right-aligned
            )
            new = (
                gap > pitch * 1.3
                or gap < 0
                or layout_break
                or line.bold != prev.bold
                or abs(line.size - prev.size) > 1.0
                or (LIST_MARKER.match(line.text) is not None and prev.text.rstrip()[-1:] in ".;:!?,")
            )
            if not new:
                groups[-1].append(line)
                continue
        groups.append([line])
    return groups


def _caps_over_mixed(prev: _Line, line: _Line) -> bool:
    """A centred line in capitals over a centred line in ordinary case: a label over what it labels
    ("KẾ HOẠCH" over the subject "Chuyển đổi số …", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" over the
    motto), two lines a head sets apart even when Word leaves no space between them."""
    upper = any(c.isalpha() for c in prev.text) and not any(c.islower() for c in prev.text)
    return upper and any(c.islower() for c in line.text)


def _first_word_width(line: _Line) -> float:
    end = line.x0
    for ch in line.chars:
        if ch.text.isspace():
            break
        end = max(end, ch.x1)
    return end - line.x0


def _ended_short(prev: _Line, line: _Line, right: float) -> bool:
    """The line before stopped although the next line's first word would have fitted after it:
    the writer ended the paragraph there (works for justified and ragged-right text alike)."""
    return prev.x1 + prev.size * 0.3 + _first_word_width(line) < right - 2


def _right_margin(lines: list[_Line]) -> float:
    """Where full lines end: a high percentile of line ends, so one overlong line does not count."""
    if not lines:
        return 0.0
    ends = sorted(ln.x1 for ln in lines)
    return ends[int(len(ends) * 0.9)] if len(ends) > 10 else ends[-1]


def _pitch(pages: list[_PageLayout]) -> float:
    gaps = []
    for page in pages:
        for a, b in zip(page.lines, page.lines[1:], strict=False):
            gap = b.top - a.top
            if 0 < gap < a.size * 3:
                gaps.append(round(gap, 1))
    return Counter(gaps).most_common(1)[0][0] if gaps else 16.0


def _edge_key(text: str) -> str:
    """A running header or footer line compared across pages: a short line's numbers (the page
    number inside "Kế hoạch 57 - trang 3") are folded, a long line is compared as it is."""
    words = " ".join(text.split()).lower()
    return re.sub(r"\d+", "#", words) if len(words.split()) <= 8 else words


# ---------------------------------------------------------------- the document


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    if not data.lstrip()[:1024].find(b"%PDF") >= 0:
        raise UnreadableDocumentError(path, "pdf_without_header")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise EncryptedPdfError(path, "pdf_needs_password") from exc
        raise UnreadableDocumentError(path, "pdf_damaged", reason=exc) from exc


def _layout(pdf: pdfium.PdfDocument, index: int) -> _PageLayout:
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            chars = _page_chars(textpage, height)
        finally:
            textpage.close()
        tables = _tables(_segments(page, height))
        has_images = any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
    finally:
        page.close()
    body: list[_Char] = []
    for ch in chars:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        owner = next((t for t in tables if t.contains(cx, cy)), None)
        if owner is None:
            body.append(ch)
            continue
        cell = next(
            (c for c in owner.cells if c.x0 <= cx <= c.x1 and c.top <= cy <= c.bottom),
            None,
        )
        if cell is not None:
            cell.chars.append(ch)
    lines = [_make_line(group) for group in _split_lines(body)]
    has_text = any(not c.text.isspace() for c in chars)
    return _PageLayout(index + 1, height, width, lines, tables, has_text, has_images)


def _cell_text(cell: _Cell) -> str:
    lines = [_make_line(group).text for group in _split_lines(cell.chars)]
    return "\n".join(t for t in lines if t)


def read_pdf(path: Path, data: bytes) -> RawDocument:
    pdf = _open(path, data)
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise UnreadableDocumentError(path, "pdf_no_pages")
        pages = [_layout(pdf, i) for i in range(page_count)]
    except pdfium.PdfiumError as exc:
        raise UnreadableDocumentError(path, "pdf_page_unreadable", reason=exc) from exc
    finally:
        pdf.close()
    if not any(page.has_text for page in pages):
        if any(page.has_images for page in pages):
            raise ImageOnlyPdfError(path, "pdf_no_text_layer", pages=page_count)
        raise EmptyDocumentError(path, "pdf_blank", pages=page_count)
    return _assemble(path, pages)


def _assemble(path: Path, pages: list[_PageLayout]) -> RawDocument:
    warnings = []
    scanned = [p.number for p in pages if not p.has_text and p.has_images]
    if scanned:
        warnings.append(DocWarning.of("pdf_scanned_pages", file=path.name, pages=", ".join(map(str, scanned))))
    sizes = Counter(round(line.size, 1) for page in pages for line in page.lines)
    body_size = sizes.most_common(1)[0][0] if sizes else 12.0
    furniture: list[RawBlock] = []
    footnotes: dict[str, str] = {}

    # page furniture: the outermost lines of a page, if a page number or repeated on most pages
    edges_by_page = [_edge_lines(page) for page in pages]
    edge_counts: Counter[str] = Counter()
    for edge_lines in edges_by_page:
        edge_counts.update({_edge_key(line.text) for line in edge_lines})
    repeat_min = max(2, (len(pages) + 1) // 2)
    for page, edge_lines in zip(pages, edges_by_page, strict=True):
        keep = []
        edges = {id(line) for line in edge_lines}
        for line in page.lines:
            is_edge = id(line) in edges
            if is_edge and (
                PAGE_NUMBER.match(line.text) or (len(pages) >= 2 and edge_counts[_edge_key(line.text)] >= repeat_min)
            ):
                furniture.append(RawBlock(text=line.text, source=RawPlace(page=page.number)))
            else:
                keep.append(line)
        page.lines = keep

    # footnotes: small lines below the last body-size line of the page
    page_notes: dict[int, set[str]] = {}
    for page in pages:
        last_body = max((ln.bottom for ln in page.lines if ln.size >= body_size * FOOTNOTE_SIZE_RATIO), default=0)
        tables_bottom = max((t.bottom for t in page.tables), default=0)
        cut = max(last_body, tables_bottom)
        tail = [ln for ln in page.lines if ln.top >= cut and ln.size < body_size * FOOTNOTE_SIZE_RATIO]
        current: str | None = None
        keys: set[str] = set()
        consumed: set[int] = set()  # ids of the lines taken into footnotes
        for line in tail:
            text = line.text
            start = FOOTNOTE_START.match(text) if not line.superscripts else None
            if line.superscripts and line.superscripts[0][0] == 0:
                digits = line.superscripts[0][1]
                current = digits
                footnotes[current] = text[len(digits) :].strip()
                keys.add(current)
            elif start:
                current = start.group(1)
                footnotes[current] = text[start.end() :].strip()
                keys.add(current)
            elif current is not None:
                footnotes[current] += "\n" + text
            else:
                continue
            consumed.add(id(line))
        page.lines = [ln for ln in page.lines if id(ln) not in consumed]
        page_notes[page.number] = keys

    # body: paragraphs and tables in vertical order
    all_lines = [ln for page in pages for ln in page.lines]
    left = Counter(round(ln.x0) for ln in all_lines).most_common(1)[0][0] if all_lines else 0.0
    # where full lines end; on a page of short lines, assume the right margin mirrors the left
    right = max(_right_margin(all_lines), min((p.width for p in pages), default=0.0) - left)
    pitch = _pitch(pages)
    blocks: list[RawBlock] = []
    tables_seen: list[_OpenTable] = []
    open_table: _OpenTable | None = None
    note_keys = set(footnotes)
    next_marker = [1]
    open_paragraph: tuple[int, _Line] | None = None  # (page, last line) of the body block just written
    for page in pages:
        items: list[tuple[float, object]] = []
        for group in _paragraphs(page.lines, left, right, pitch):
            items.append((group[0].top, group))
        for table in page.tables:
            items.append((table.top, table))
        items.sort(key=lambda item: item[0])
        for _, item in items:
            if isinstance(item, _Table):
                open_paragraph = None
                continued = _is_continuation(open_table, item, page.number, first=item is items[0][1])
                if not continued:
                    open_table = _OpenTable(index=len(tables_seen), columns=item.columns)
                    tables_seen.append(open_table)
                assert open_table is not None
                _emit_table(item, open_table, page.number, blocks, continued)
                open_table.page = page.number
                open_table.last_on_page = True
                continue
            group: list[_Line] = item  # type: ignore[assignment]
            text = "\n".join(_drop_markers(ln, note_keys, next_marker) for ln in group)
            if not text.strip():
                continue
            bold = all(ln.bold for ln in group)
            if open_table is not None:
                open_table.last_on_page = False
            if _continues(open_paragraph, group, left, right, page.number):
                blocks[-1].text += "\n" + text  # a paragraph running on from the previous page
            else:
                blocks.append(RawBlock(text=text, style="bold" if bold else None, source=RawPlace(page=page.number)))
            open_paragraph = (page.number, group[-1])
    if not any(block.text.strip() for block in blocks):
        raise EmptyDocumentError(path, "pdf_no_body")
    return RawDocument(
        path=str(path),
        format="pdf",
        blocks=blocks,
        footnotes=footnotes,
        furniture=furniture,
        pages=len(pages),
        warnings=warnings,
    )


@dataclass
class _OpenTable:
    """A table as written so far, which the next page may continue."""

    index: int
    columns: tuple[float, ...]
    rows: int = 0
    page: int = 0
    last_on_page: bool = True
    header: list[str] = field(default_factory=list)
    last_row: dict[int, RawBlock] = field(default_factory=dict)


def _is_continuation(open_table: _OpenTable | None, table: _Table, page: int, first: bool) -> bool:
    """A table that opens a page, right after a table that closed the page before, with the same
    column rulings, is the same table running on (LibreOffice repeats its header row there)."""
    if open_table is None or not first or not open_table.last_on_page or open_table.page != page - 1:
        return False
    return len(open_table.columns) == len(table.columns) and all(
        abs(a - b) <= TOUCH for a, b in zip(open_table.columns, table.columns, strict=True)
    )


def _emit_table(table: _Table, open_table: _OpenTable, page: int, blocks: list[RawBlock], continued: bool) -> None:
    """Write a table's cells, numbering rows after those already written for the same table.

    On a continuation page the repeated header row is kept as a row (structure drops it), and a
    row split by the page break — first cell empty after the header, every cell a plain one — is
    joined to the last row of the page before, so a task is not cut in two."""
    rows: dict[int, list[_Cell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell)
    texts = {id(cell): _cell_text(cell) for cell in table.cells}
    first_data = 0
    carried = open_table.last_row  # the last row written on the page before
    if continued and rows.get(0) and [texts[id(c)] for c in rows[0]] == open_table.header:
        first_data = 1
    for row in sorted(rows):
        cells = rows[row]
        if (
            continued
            and row == first_data
            and carried
            and not texts[id(cells[0])]
            and all(c.col_span == 1 and c.row_span == 1 for c in cells)
            and all(c.column in carried for c in cells)
        ):
            for cell in cells:
                if texts[id(cell)]:
                    target = carried[cell.column]
                    target.text = f"{target.text}\n{texts[id(cell)]}".strip()
            continue
        written: dict[int, RawBlock] = {}
        for cell in cells:
            block = RawBlock(
                text=texts[id(cell)],
                kind="cell",
                source=RawPlace(page=page, table=open_table.index, row=open_table.rows, column=cell.column),
                row_span=cell.row_span,
                col_span=cell.col_span,
            )
            blocks.append(block)
            written[cell.column] = block
        if open_table.rows == 0:
            open_table.header = [texts[id(c)] for c in cells]
        open_table.rows += 1
        open_table.last_row = written


def _continues(
    open_paragraph: tuple[int, _Line] | None, group: list[_Line], left: float, right: float, page: int
) -> bool:
    """Whether `group`, the first paragraph on `page`, carries on the last paragraph of the page
    before: that one ran to the right margin, this one starts at the left margin, same font."""
    if open_paragraph is None or open_paragraph[0] != page - 1:
        return False
    last, first = open_paragraph[1], group[0]
    return (
        not _ended_short(last, first, right)
        and first.x0 <= left + 8
        and last.bold == first.bold
        and abs(last.size - first.size) <= 1.0
    )


def _edge_lines(page: _PageLayout) -> list[_Line]:
    """Lines that may be page furniture: among the first two and last two lines of the page, in
    the outer band of the page, and set apart from the text next to them by more than a line gap
    (a body line that happens to open a page sits at the normal line spacing)."""
    if not page.lines:
        return []
    ordered = sorted(page.lines, key=lambda ln: ln.top)
    zone = page.height * EDGE_ZONE
    found: list[_Line] = []
    for i, line in enumerate(ordered[:2]):
        after = ordered[i + 1] if i + 1 < len(ordered) else None
        if line.bottom <= zone and (after is None or after.top - line.bottom > line.size * ISOLATION):
            found.append(line)
    for i in range(max(len(ordered) - 2, 0), len(ordered)):
        line, before = ordered[i], ordered[i - 1] if i > 0 else None
        apart = before is None or line.top - before.bottom > line.size * ISOLATION
        if line.top >= page.height - zone and apart and all(line is not f for f in found):
            found.append(line)
    return found
