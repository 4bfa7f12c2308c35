"""The schema of every lexicon file, and the one loader that reads them.

Why: the word lists and cues the rules match are data (`extractors/lexicon/*.json`,
`pipeline/ingest/data/*.json`), edited by people who do not read the code. A misspelt key, a list left
empty or a regex that does not compile would otherwise go unnoticed until a rule silently stops
matching. Each file therefore has a strict pydantic model here (unknown keys and missing keys fail;
regex entries are compiled; word lists may not be empty), the way medspaCy checks the keys of its
`ConTextRule`s, and `Lexicon.load()` reads it once per process and raises `LexiconError` naming the
file and the key at fault.

This module lives in `pipeline/` (not `extractors/`) because `pipeline.normalize` and
`pipeline.structure` read lexicons too and must not import the extractors package. The audit's
message templates (`audit_messages.json`) keep their model beside the engine that fills them
(`pipeline.audit.messages`, whose keys it checks); it is a `Lexicon` like the others.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, TypeVar

import regex
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from pipeline.models import DocType

ROOT = Path(__file__).resolve().parent.parent
LEXICON_DIR = ROOT / "extractors" / "lexicon"
INGEST_DATA_DIR = ROOT / "pipeline" / "ingest" / "data"
DATA_DIRS = (LEXICON_DIR, INGEST_DATA_DIR)
"""Every folder whose JSON files are lexicons: each file in them must have a schema below."""


class LexiconError(ValueError):
    """A lexicon file that does not follow its schema: the message names the file and each key at fault."""


def _compiles(pattern: str) -> str:
    """A regex entry is checked at load, so a broken pattern names its key instead of failing mid-run."""
    try:
        regex.compile(pattern)
    except regex.error as error:
        raise ValueError(f"not a valid regular expression ({error}): {pattern!r}") from None
    return pattern


def _names_only_known(model, key: str, named, known_key: str, known):
    """A schema check: every name under `key` is one `known_key` has, else the error names both keys."""
    unknown = set(named) - set(known)
    if unknown:
        raise ValueError(f"'{key}' names what '{known_key}' does not: {sorted(unknown)}")
    return model


def spaced(phrase: str) -> str:
    """A lexicon phrase as a regex in which any run of spaces matches its space, nothing else free
    ("thay thế" → "thay\\s+thế"): for words matched where the text keeps its case or its line breaks."""
    return r"\s+".join(regex.escape(word) for word in phrase.split())


def phrases(words: list[str]) -> str:
    """An alternation of `spaced` phrases, in the lexicon's order (a non-capturing group)."""
    return "(?:" + "|".join(spaced(w) for w in words) + ")"


Word = Annotated[str, StringConstraints(min_length=1)]
Words = Annotated[list[Word], Field(min_length=1)]
Pattern = Annotated[str, AfterValidator(_compiles)]
Patterns = Annotated[list[Pattern], Field(min_length=1)]


class _Entry(BaseModel):
    """One entry of a lexicon list: strict, like the files themselves."""

    model_config = ConfigDict(extra="forbid", frozen=True)


L = TypeVar("L", bound="Lexicon")
_LOADED: dict[type[Lexicon], Lexicon] = {}


class Lexicon(_Entry):
    """A lexicon file: its name (`file`), its folder (`folder`) and its keys as typed fields."""

    file: ClassVar[str]
    folder: ClassVar[Path] = LEXICON_DIR

    @classmethod
    def path(cls) -> Path:
        return cls.folder / cls.file

    @classmethod
    def load(cls: type[L]) -> L:
        """The file checked against this schema, read once per process."""
        if cls not in _LOADED:
            _LOADED[cls] = cls.read(cls.path())
        return _LOADED[cls]  # type: ignore[return-value]

    @classmethod
    def read(cls: type[L], path: Path) -> L:
        """Any file checked against this schema (uncached): a `LexiconError` names the file and keys at fault."""
        try:
            data: Any = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise LexiconError(f"{path}: not valid JSON: {error}") from None
        try:
            return cls.model_validate(data)
        except ValidationError as error:
            problems = "; ".join(
                f"key '{'.'.join(str(part) for part in e['loc']) or '(top)'}': {e['msg']}" for e in error.errors()
            )
            raise LexiconError(f"{path}: {problems}") from None


class _Described(Lexicon):
    """Lexicons that say what they are (`about`) and which edition they are (`version`)."""

    about: str
    version: int


# ---------------------------------------------------------------------------------------------------
# citations and metadata (extractors/registry.py)


class DocTypeEntry(_Entry):
    code: DocType
    names: Words
    symbols: list[Word] = Field(default_factory=list)


class DocTypesLexicon(_Described):
    file = "doc_types.json"
    types: list[DocTypeEntry] = Field(min_length=1)
    cited_by_name: Words
    unique_kinds: Words
    name_words_with_a_kind: Words
    letter_names: Words
    abbreviated_kinds: Words
    symbol_parts: Words
    party_issuers: Words
    state_issuers: Words

    @model_validator(mode="after")
    def _unique_kinds_are_cited_by_name(self) -> DocTypesLexicon:
        """A kind that needs no name of its own is one cited by its name ('Hiến pháp năm 2013')."""
        return _names_only_known(self, "unique_kinds", self.unique_kinds, "cited_by_name", self.cited_by_name)


class IssuerEntry(_Entry):
    name: Word
    forms: list[Word] = Field(default_factory=list)
    """Other ways the text writes it ("BCT", "UBND tỉnh"); the name itself is always a form."""
    place: bool = False
    symbol_codes: list[Word] = Field(default_factory=list)
    """Its code in the symbol of its own numbers ("BVHTTDL" in 274/CT-BVHTTDL)."""


class IssuersLexicon(_Described):
    file = "issuers.json"
    descriptor_stops: Words
    descriptor_number_stops: Words
    continued_heads: Words
    continued_name_ends: Words
    continued_name_stops: Words
    heads_of_bodies: Words
    issuers: list[IssuerEntry] = Field(min_length=1)
    signer_titles: Words


class Directive(_Entry):
    number: Word
    doc_type: DocType
    issuer: Word
    date: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    short_title: str | None = None
    aliases: list[Word] = Field(default_factory=list)
    cited_in: list[Word] = Field(default_factory=list)


class DocumentPartsLexicon(_Described):
    file = "document_parts.json"
    number_word: Word
    basis: Word
    recipients: Word
    heading_styles: Words
    and_word: Word


class CitationCuesLexicon(_Described):
    file = "citation_cues.json"
    name_stop_words: Words
    not_short_after: Words
    law_name_stop_words: Words
    signing_verbs: Words
    of_word: Word
    body_heads: Words
    issuer_stop_words: Words
    place_levels: Words
    term_words: Words
    issuer_links: Words
    abbreviation_pattern: Pattern
    attached: Word
    list_joiner: Word
    implements: Words
    replaces: Word
    opens_implementing_pattern: Pattern
    this_words: Words
    joint_of_words: Words
    joint_head: Word
    ministry_word: Word
    joint_separators: Words
    article_word: Word
    provision_words: Words
    congress_words: Words
    preamble_openers: Words
    first_part_pattern: Pattern
    meeting_pattern: Pattern


class MetadataCuesLexicon(_Described):
    file = "metadata_cues.json"
    place_level_pattern: Pattern
    issuing_pattern: Pattern
    joint_issuing_pattern: Pattern
    closing_report_pattern: Pattern
    on_behalf_pattern: Pattern
    title_note_pattern: Pattern
    headline_issuer_pattern: Pattern
    heading_words: Words


class DirectivesLexicon(_Described):
    file = "directives.json"
    directives: list[Directive] = Field(min_length=1)


# ---------------------------------------------------------------------------------------------------
# bodies, roles, levels, execution (extractors/bodies.py, levels.py, executors.py)


class BodyEntry(_Entry):
    name: Word
    forms: list[Word] = Field(default_factory=list)


class BodiesLexicon(_Described):
    file = "bodies.json"
    bodies: list[BodyEntry] = Field(min_length=1)


class SharedHead(_Entry):
    form: Word
    before: Pattern
    name: Word


class BodyPatternsLexicon(_Described):
    file = "body_patterns.json"
    patterns: Patterns
    abbreviations: dict[str, Word] = Field(min_length=1)
    shared_head: list[SharedHead]
    higher_level: Pattern
    communes_level: Pattern
    level_words: Pattern
    level_list: Pattern
    departments_collective: Pattern
    departments_dropped: Words
    departments_name_head: Word
    collective_kinds: Pattern
    collective_not: Words
    collective_closers: Pattern
    collective_under: Pattern
    not_after: Pattern
    generic: Words
    capitalised_only: Words
    unit_heads: Words
    relative_level: Pattern
    not_bodies: Pattern


class RoleCuesLexicon(_Described):
    file = "role_cues.json"
    order: Words
    before: dict[str, Patterns] = Field(min_length=1)
    oversight_work: Pattern
    subject_skip: Patterns
    subject_verbs: Pattern
    not_actor_after: Pattern
    clause_openers: Pattern
    tensed_after: Pattern
    past_after: Pattern
    list_joiners: Pattern
    cue_end: Pattern
    support_work: Pattern
    standing_titles: Words
    receiver_acts: Pattern
    request_cue: Pattern
    request_acts: Pattern
    possessive_item: Pattern

    @model_validator(mode="after")
    def _every_role_in_order_has_cues(self) -> RoleCuesLexicon:
        """The extractor tries the roles of `order` and reads each one's `before` cues."""
        if set(self.order) != set(self.before):
            raise ValueError(f"'order' {sorted(self.order)} and the roles of 'before' {sorted(self.before)} differ")
        return self


class BodyWordsLexicon(_Described):
    file = "body_words.json"
    work_section: Word
    generic_heads: Words
    cell_joiners: Words
    name_line_filler: Pattern
    nlp_name_end_levels: Words
    assigning_word: Word
    addressee_openers: Words
    addressee_item: Pattern
    subject_openers: Words
    introducing_openers: Words
    title_kinds: Words
    not_title_after: Words
    plan_kinds: Words


class LevelsLexicon(_Described):
    file = "levels.json"
    commune: Words
    territories: Words
    central: Words
    committees: Words
    not_before: Words
    motto: Words
    plural: Words
    units_qualifiers: dict[str, Word] = Field(min_length=1)
    canonical_commune: Word
    commune_written: Words
    higher_openers: Words
    provinces: Words
    cities: Words
    province_level: Word
    city_level: Word


class ExecutionLexicon(_Described):
    file = "execution.json"
    cues: Words
    head_titles: Words
    item_joiners: Words
    office_titles: dict[str, Word] = Field(min_length=1)
    listed_kinds: dict[str, Word] = Field(min_length=1)
    plural_titles: dict[str, Word] = Field(min_length=1)
    item_heads: Words
    collective_kinds: Words


# ---------------------------------------------------------------------------------------------------
# structure, tables, tasks (pipeline/structure.py, extractors/tasks.py)


class ColumnRolesLexicon(_Described):
    file = "column_roles.json"
    roles: dict[str, Words] = Field(min_length=1)
    role_patterns: dict[str, Patterns]
    flat_time_openers: Words
    flat_lead_ins: Words

    @model_validator(mode="after")
    def _patterns_name_known_roles(self) -> ColumnRolesLexicon:
        return _names_only_known(self, "role_patterns", self.role_patterns, "roles", self.roles)


class HeadingsLexicon(_Described):
    file = "headings.json"
    doc_type_lines: Words
    signature_titles: Words
    appendix_words: dict[str, Word] = Field(min_length=1)
    issuing_verbs: Words
    issuing_objects: Words
    issuing_end: Words
    enacting_lines: Words
    letter_subject: Words
    letter_doc_type: DocType


class TaskCuesLexicon(_Described):
    file = "task_cues.json"
    assignment_verbs: Words
    past_markers: Words
    directing_verbs: Words
    time_label_qualifiers: Words
    time_prepositions: Words
    time_joiners: Words
    reporting: Pattern
    item_markers: Pattern
    duty_section_titles: Words
    grouped_items: Words
    grouped_doers: Words
    executing_labels: Words


# ---------------------------------------------------------------------------------------------------
# normalize and syllables (pipeline/normalize.py, reflow.py, syllables.py)


class NormalizeLexicon(_Described):
    file = "normalize.json"
    counters: Words
    counter_phrases: Words
    number_preceders: Words
    header_lines: Words
    paragraph_openers: Words
    units_before_footnote: Words


class SyllablesLexicon(_Described):
    file = "syllables.json"
    vowels: Word
    onsets: Words
    front_vowels: Word
    front_only_onsets: Words
    back_only_onsets: Words
    stop_codas: Words
    rhymes: Words
    qu_extra_rhymes: Words
    foreign_words: Words


# ---------------------------------------------------------------------------------------------------
# targets (extractors/targets.py, numbers.py)


class HorizonPattern(_Entry):
    pattern: Pattern
    value: Literal["date", "year", "year_end", "quarter_end", "half_end", "month_end"]


class TargetWordsLexicon(_Described):
    file = "target_words.json"
    percent_signs: Words
    comparators_before: dict[str, Words] = Field(min_length=1)
    comparators_after: dict[str, Words] = Field(min_length=1)
    range_open: Words
    range_separators: Words
    range_close: Words
    unit_stop_words_guidelines: Words
    unit_stop_words_extra: Words
    unit_max_syllables: int = Field(gt=0)
    time_units: Words
    ordinal_words_before: Words
    descriptive_units: Words
    bracket_units: Words
    bracket_words: Words
    name_quote_marks: Words
    year_lead_words: Words
    number_lead_words: Words
    statistic_markers: Words
    statistic_section_words: Words
    statistic_column_words: Words
    unit_column_headers: Words
    commitment_cues: Words
    commitment_cue_window: int = Field(gt=0)
    target_section_words: Words
    aspiration_words: Words
    horizon_patterns: list[HorizonPattern] = Field(min_length=1)
    title_horizon_patterns: list[HorizonPattern] = Field(min_length=1)
    horizon_excluded_patterns: Patterns
    quote_end_words: Words
    citation_intro_words: Words
    indicator_wrapper_verbs: Words
    indicator_link_words: Words
    indicator_existential_words: Words
    indicator_time_adverbs: Words
    indicator_share_links: Words
    indicator_share_noun: Word
    indicator_change_verbs: Words
    indicator_object_markers: Words
    indicator_trailing_cuts: Words
    indicator_locality_patterns: Patterns
    clause_modal_words: Words
    label_max_words: int = Field(gt=0)
    label_lead_words: Words
    criterion_openers: Words
    list_announcers: Words
    money_units: Words
    declared_unit_labels: Words
    change_to_words: Words
    comparator_links: Words
    duration_limit_words: Words
    duration_deadline_leads: Words
    eligibility_date_closers: Words
    eligibility_status_patterns: Patterns
    composition_words: Words
    directive_probe_modal: Word
    number_words: dict[Word, int] = Field(min_length=1)
    comparators_also_prepositions: Words


class IndicatorPhrasingLexicon(_Described):
    file = "indicator_phrasing.json"
    coordinators: Words
    verb_coordinator: Word
    baseline_words: Words
    horizon_prepositions: Words
    predicate_words: Words
    passive_word: Word
    place_link: Word
    share_link: Word


# ---------------------------------------------------------------------------------------------------
# deadlines (extractors/deadlines.py)


class TimeExpressionsLexicon(_Described):
    file = "time_expressions.json"
    units: dict[str, str | None] = Field(min_length=1)
    month_word: Word
    quarter_word: Word
    year_word: Word
    day_word: Word
    month_counts: dict[str, str | None] = Field(min_length=1)
    number_words: dict[str, int] = Field(min_length=1)
    roman: dict[str, int] = Field(min_length=1)
    each: Words
    periodic: Words
    year_end: Words
    half_year: Words
    half_of_year: dict[str, Word] = Field(min_length=1)
    review: Words
    ongoing: Words
    by_date_cues: Words
    from_now: Words
    until: Words
    until_end: Words
    vision: Words
    within: Words
    from_: Words = Field(alias="from")
    range_words: Words
    range_separators: Words
    term_words: Words
    list_head: Words
    of_words: Words
    list_words: Words
    not_after_bare_unit: Words
    status_cues: Words
    noun_heads: Words
    duty_verbs: Words
    report_verbs: Words
    completion_words: Words
    plan_name_words: Words
    year_subject_verbs: Words
    requirement_words: Words
    time_labels: Words
    report_type_lines: Words
    report_forward_words: Words
    cited_subject_openers: Words
    cell_columns: Words
    text_columns: Words
    text_roles: Words
    each_openers: Words
    sequel_words: Words
    time_note_openers: Words
    purpose_heading_words: Words
    results_heading_words: Words
    part_words: Words
    subject_words: Words
    year_start_words: Words
    immediacy_words: Words
    coming_units: Words
    coming_words: Words
    named_period_heads: Words
    self_words: Words
    effect_words: Words
    limit_openers: Words
    limit_caps: Words
    limit_units: Words
    limit_counters: Words
    budget_words: Words
    letter_subject_words: Words
    paired_adverbs: Words
    figure_links: Words
    closing_words: Words
    once_words: Words
    document_number_words: Words
    single_counts: Words
    clock_openers: Words
    clock_hour: Word
    clock_minutes: Words
    due_words: Words
    per_once_words: Words
    place_scope_words: Words
    regime_start_words: Words
    proper_name_words: Words


# ---------------------------------------------------------------------------------------------------
# audit (pipeline/audit/matcher.py)


class Concept(_Entry):
    id: Word
    phrasings: Words
    excludes: list[Word] = Field(default_factory=list)


class ConceptLexicon(_Described):
    file = "indicator_concepts.json"
    concepts: list[Concept] = Field(min_length=1)
    levels: dict[str, Words] = Field(min_length=1)
    measure_cues: Words
    figure_bounds: Words


# ---------------------------------------------------------------------------------------------------
# ingest (pipeline/ingest/legacy_encoding.py)


class CommonSyllablesLexicon(Lexicon):
    file = "common_syllables.json"
    folder = INGEST_DATA_DIR
    note: str
    syllables: Words


class _LegacyMap(Lexicon):
    folder = INGEST_DATA_DIR
    note: str
    map: dict[str, str] = Field(min_length=1)


class Tcvn3Map(_LegacyMap):
    file = "tcvn3.json"
    encoding: Literal["tcvn3"]


class VniMap(_LegacyMap):
    file = "vni.json"
    encoding: Literal["vni"]


_OWN_MODULES = ("pipeline.audit.messages",)
"""Modules that define a `Lexicon` beside the code it is bound to (imported by `schemas()`)."""


def schemas() -> dict[Path, type[Lexicon]]:
    """Every lexicon schema by the path of its file: one file, one schema."""
    for module in _OWN_MODULES:
        importlib.import_module(module)
    found: dict[Path, type[Lexicon]] = {}
    pending = list(Lexicon.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if "file" in vars(cls):
            found[cls.path()] = cls
    return found
