"""The records kehoach produces, shared by predictions and the hand-labelled gold set.

Field names and values follow ../shared/gold-guidelines.md exactly, so a prediction file and a gold
file are the same shape and the scorer compares them field by field. Gold files may omit the
evidence fields (`span`, `source`); predictions always fill them.

Models are strict (`extra="forbid"`): a typo in a gold file fails at load with the field's name,
instead of silently scoring as a miss.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from pipeline.i18n import catalogue, say

DocType = Literal[
    "nghi_quyet",
    "ke_hoach",
    "quyet_dinh",
    "chuong_trinh",
    "chi_thi",
    "ket_luan",
    "nghi_dinh",
    "thong_tu",
    "luat",
    "quy_che",
    "quy_dinh",
    "de_an",
    "cong_van",
    "huong_dan",
    "thong_bao",
    "cong_dien",
    "bao_cao",
    "to_trinh",
    "hien_phap",
    "other",
]
Relation = Literal["basis", "implements", "replaces", "mentions"]
Comparator = Literal[">=", ">", "<=", "~", "="]
DeadlineKind = Literal["by_date", "period", "recurring", "ongoing", "horizon"]
Recurrence = Literal["monthly", "quarterly", "semiannual", "yearly"]
Role = Literal["lead", "support", "oversight", "report_to"]
RecordKind = Literal["citations", "targets", "deadlines", "bodies", "tasks"]
"""The one list of record kinds, in the order they are written and scored; everything else derives from it."""
RECORD_KINDS: tuple[RecordKind, ...] = get_args(RecordKind)
InputFormat = Literal["txt", "docx", "pdf"]
"""The one list of the formats kehoach reads (pipeline/ingest has one reader per format)."""
INPUT_FORMATS: tuple[InputFormat, ...] = get_args(InputFormat)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceLocation(Strict):
    """Where a finding stands in the original file, so an auditor can find it there.

    Every number counts from 1, as a person counts: `page` (PDF), `paragraph` (a .docx body
    paragraph), `line` (a .txt line), and for a table cell `table_no`, `row_no`, `column_no` (the
    n-th table of the file, its n-th row and column). The `_no` names keep the table columns that
    hold them clear of SQL keywords (TABLE, ROW, COLUMN).
    """

    page: int | None = Field(default=None, ge=1)
    paragraph: int | None = Field(default=None, ge=1)
    line: int | None = Field(default=None, ge=1)
    table_no: int | None = Field(default=None, ge=1)
    row_no: int | None = Field(default=None, ge=1)
    column_no: int | None = Field(default=None, ge=1)


def describe_place(source: SourceLocation | None) -> str:
    """Where a quote stands in the original file, in the words an auditor looks for it by
    ("trang 2, bảng 1, hàng 3, cột 2"); the numbers are the location's own, already from 1."""
    if source is None:
        return ""
    # a row or column is said only within its table
    fields = (
        "page",
        "paragraph",
        "line",
        "table_no",
        *(("row_no", "column_no") if source.table_no is not None else ()),
    )
    return ", ".join(
        say(f"place_{name.removesuffix('_no')}", n=value)
        for name in fields
        if (value := getattr(source, name)) is not None
    )


class Evidence(Strict):
    """What every record carries: the quote and where it was found.

    `quote` is NFC with whitespace folded (gold-guidelines.md). `prefix`/`occurrence` tell apart
    repeated quotes. `span` is [start, end) in the normalized text of the document; `source`
    locates the start of the quote in the original file.
    """

    quote: str = Field(min_length=1)
    prefix: str | None = None
    occurrence: int | None = Field(default=None, ge=1)
    section: str | None = None
    note: str | None = None
    span: tuple[int, int] | None = None
    source: SourceLocation | None = None


class Metadata(Strict):
    doc_type: DocType | None = None
    number: str | None = None
    symbol: str | None = None
    date: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    place: str | None = None
    issuer: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    title: str | None = None
    implements: list[str] = Field(default_factory=list)
    replaces: list[str] = Field(default_factory=list)
    note: str | None = None


ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


class Citation(Evidence):
    doc_type: DocType
    number: str | None = None
    date: str | None = Field(default=None, pattern=ISO_DATE)
    issuer: str | None = None
    relation: Relation


class Target(Evidence):
    value: float
    value_max: float | None = None
    unit: str | None = None
    comparator: Comparator = "="
    indicator: str | None = None
    by: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}-\d{2})?$")
    aspirational: bool = False


class DeadlineSpec(Strict):
    """A deadline's normalized value: what a task lists (gold-guidelines: 'without quotes')."""

    kind: DeadlineKind
    start: str | None = Field(default=None, pattern=ISO_DATE)
    end: str | None = Field(default=None, pattern=ISO_DATE)
    recurrence: Recurrence | None = None
    day: int | None = Field(default=None, ge=1, le=31)


class Deadline(Evidence, DeadlineSpec):
    pass


class Body(Evidence):
    name: str
    role: Role


class Task(Evidence):
    group: str | None = None
    lead: list[str] = Field(default_factory=list)
    support: list[str] = Field(default_factory=list)
    output: str | None = None
    deadline: list[DeadlineSpec] = Field(default_factory=list)


RECORD_MODELS: dict[RecordKind, type[Evidence]] = {
    "citations": Citation,
    "targets": Target,
    "deadlines": Deadline,
    "bodies": Body,
    "tasks": Task,
}


class Records(Strict):
    """The five record lists and the metadata: the part gold and prediction share."""

    doc_id: str
    source: str | None = None
    metadata: Metadata = Field(default_factory=Metadata)
    citations: list[Citation] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    bodies: list[Body] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)


class GoldDocument(Records):
    """One file of gold/: written by hand from reading the document."""


class DocWarning(Strict):
    """A problem found in a document that is not fatal: an impossible date, a citation whose
    date disagrees with the registry, a table that could not be joined.

    What went wrong is data: `code` and its `values` (numbers, markers, the words quoted); where
    it is, `span` and `source` (shown by `describe_place`), never an offset in the prose. `message`
    is the catalogue's `warning.<code>` filled with the values, in the run's language, kept so
    that every output (CSV, XLSX, SQLite) carries a readable sentence; `text()` renders it again
    in another language.
    """

    code: str
    message: str
    values: dict[str, str | int] = Field(default_factory=dict)
    span: tuple[int, int] | None = None
    source: SourceLocation | None = None

    @classmethod
    def of(
        cls,
        code: str,
        span: tuple[int, int] | None = None,
        source: SourceLocation | None = None,
        **values: str | int,
    ) -> DocWarning:
        """The warning `code` with its values, its message rendered from the catalogue."""
        return cls(code=code, message=say(f"warning.{code}", **values), values=values, span=span, source=source)

    def text(self, lang: str | None = None) -> str:
        """The message in `lang` (default: the current language); a warning whose code the catalogue
        does not know (a result written by an older version) keeps the message it was written with."""
        key = f"warning.{self.code}"
        if key not in catalogue():
            return self.message
        try:
            return say(key, lang, **self.values)
        except (KeyError, IndexError):
            return self.message


class Criterion(Evidence):
    """One row of a plan's criteria table ("Bộ tiêu chí": nhóm tiêu chí, chỉ số đo lường, chu kỳ,
    cơ quan tổng hợp). It assigns no work (no task), but says how a group of tasks is measured; the
    audit reads it for "rõ hiệu quả". The quote is the indicator cell. Not part of the gold set."""

    group: str | None = None
    content: str | None = None
    indicator: str
    cycle: str | None = None
    collector: list[str] = Field(default_factory=list)


class PlanResult(Records):
    """What `kehoach run` writes for one document (`DIR/docs/<doc_id>.json`)."""

    format: InputFormat
    content_hash: str
    pipeline_version: str
    pages: int | None = None
    warnings: list[DocWarning] = Field(default_factory=list)
    criteria: list[Criterion] = Field(default_factory=list)
