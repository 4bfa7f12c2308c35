"""The words of audit findings: Vietnamese templates read from `extractors/lexicon/audit_messages.json`.

The people who read a finding are provincial staff and auditors, so every `Finding.message` is a
Vietnamese sentence. The wording is data (an auditor can correct it without touching code); this
module holds only the contract: which template keys exist and which named values each is given.
A key is a finding code ("coverage.missing"), a code with a variant ("lint.header_date_blank/no_day")
when one code has several sentences, or a phrase the sentences are built from ("part/reason.later_date").

The file loads once through a strict model: a missing key, an unknown key, or a template naming a
value it is never given fails at load with the key's name, not halfway through an audit.
"""

from __future__ import annotations

import json
import string
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from extractors.registry import load_registry
from pipeline.audit.html import format_number
from pipeline.lexicon import LEXICON_DIR, Lexicon

MESSAGES_PATH = LEXICON_DIR / "audit_messages.json"

_TASK = ("task",)
_DIRECTIVE_TARGET = ("directive", "indicator")

KEYS: dict[str, tuple[str, ...]] = {
    # coverage
    "coverage.no_profile": ("implements",),
    "coverage.no_profile/nothing": (),
    "coverage.missing": (*_DIRECTIVE_TARGET, "target"),
    "coverage.carried": (*_DIRECTIVE_TARGET, "reasons"),
    "coverage.strengthened": (*_DIRECTIVE_TARGET, "reasons"),
    "coverage.weakened": (*_DIRECTIVE_TARGET, "reasons"),
    "coverage.peer_outlier": (*_DIRECTIVE_TARGET, "value", "median", "peers"),
    "coverage.peer_outlier/rank": (*_DIRECTIVE_TARGET, "value", "median", "peers"),
    # 5 rõ
    "five_clear.no_tasks": (),
    "five_clear.no_task_statement": _TASK,
    "five_clear.no_lead": _TASK,
    "five_clear.no_output": _TASK,
    "five_clear.no_deadline": _TASK,
    "five_clear.no_measure": _TASK,
    # lints
    "lint.citation_date_conflict": ("number", "first", "second"),
    "lint.citation_date_conflict/no_record": (),
    "lint.citation_issuer_conflict": ("number", "first", "second"),
    "lint.citation_issuer_conflict/no_record": (),
    "lint.citation_registry_mismatch/date": ("number", "cited", "known"),
    "lint.citation_registry_mismatch/issuer": ("number", "cited", "known"),
    "lint.citation_registry_mismatch/type": ("number", "cited", "known"),
    "lint.citation_registry_mismatch/no_record": (),
    "lint.impossible_date": (),
    "lint.heading_sequence": (),
    "lint.header_number_blank": ("symbol",),
    "lint.header_number_blank/no_symbol": (),
    "lint.header_date_blank/no_day": (),
    "lint.header_date_blank/blank": (),
    "lint.superseded_citation": ("number", "current", "date"),
    "lint.superseded_citation/no_date": ("number", "current"),
    "lint.deadline_before_plan": (*_TASK, "due", "plan_date"),
    "lint.deadline_after_directive": (*_TASK, "due", "directive", "by", "indicator"),
    # phrases the sentences are built from
    "part/task": ("number", "group"),
    "part/task_in_section": ("number", "section"),
    "part/task_no_group": ("number",),
    "part/target": ("comparator", "figure"),
    "part/target_by": ("comparator", "figure", "date"),
    "part/comparator.>=": (),
    "part/comparator.>": (),
    "part/comparator.<=": (),
    "part/comparator.~": (),
    "part/comparator.=": (),
    "part/reason.lower_figure": ("found", "expected"),
    "part/reason.higher_figure": ("found", "expected"),
    "part/reason.different_unit": ("found", "expected"),
    "part/reason.later_date": ("found", "expected"),
    "part/reason.earlier_date": ("found", "expected"),
    "part/reason.same": (),
    "part/reason.separator": (),
    "part/list.separator": (),
    "part/no_unit": (),
    "part/document": ("type", "number"),
    "part/document_untyped": ("number",),
    "part/header_as_read": ("number", "symbol", "date"),
    "part/directive_target": ("directive", "indicator", "target"),
}
"""Every template key, with the named values the engine passes to it (all of them, always)."""


def placeholders(template: str) -> set[str]:
    """The named fields of a str.format template ("{task} chưa rõ …" → {"task"})."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


class _TemplatesBase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)

    @model_validator(mode="after")
    def _placeholders_are_given(self) -> _TemplatesBase:
        for field, info in type(self).model_fields.items():
            key = info.alias or field
            template: str = getattr(self, field)
            unknown = placeholders(template) - set(KEYS[key])
            if unknown:
                raise ValueError(f"template {key!r} names {sorted(unknown)}, which it is never given: {KEYS[key]}")
            if any(name == "" or not name.isidentifier() for name in placeholders(template)):
                raise ValueError(f"template {key!r} has a positional or malformed field: {template!r}")
        return self


Templates = create_model(  # type: ignore[call-overload]
    "Templates",
    __base__=_TemplatesBase,
    **{f"t{i}": (str, Field(alias=key, min_length=0 if key.startswith("part/") else 1)) for i, key in enumerate(KEYS)},
)
"""One required field per key of KEYS (the JSON names are the keys themselves); only a phrase may be empty."""


class MessagesLexicon(Lexicon):
    """The schema of audit_messages.json, kept here because its keys are the engine's KEYS."""

    file = "audit_messages.json"
    about: str
    version: int
    templates: Templates  # type: ignore[valid-type]


@lru_cache(maxsize=4)
def load_messages(path: Path = MESSAGES_PATH) -> dict[str, str]:
    """Key → template, validated once per process (per path)."""
    with open(path, encoding="utf-8") as f:
        lexicon = MessagesLexicon.model_validate(json.load(f))
    return lexicon.templates.model_dump(by_alias=True)


def message(code: str, **values: object) -> str:
    """The sentence (or phrase) for `code` with its named values filled in.

    The values must be exactly those KEYS declares: a forgotten one would leave a hole in the
    sentence, an extra one means the engine and the template disagree about what is said."""
    template = load_messages()[code]
    expected = set(KEYS[code])
    if set(values) != expected:
        raise ValueError(f"message {code!r} takes {sorted(expected)}, was given {sorted(values)}")
    text = template.format(**{k: "" if v is None else str(v) for k, v in values.items()})
    # A sentence may begin with a filled-in phrase ("văn bản 22-KH/TU …"); its first letter is upper case.
    return text[:1].upper() + text[1:] if code.startswith(("coverage.", "five_clear.", "lint.")) else text


# -- how values are written ------------------------------------------------------------------


def vn_figure(value: float | None, unit: str | None) -> str:
    """80, "%" → "80%"; 2, "mô hình" → "2 mô hình"; decimal comma."""
    if value is None:
        return "?"
    number = format_number(value)
    if not unit:
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


@lru_cache(maxsize=1)
def _doc_type_names() -> dict[str, str]:
    """Document type code → its plain name ("ke_hoach" → "Kế hoạch"): the shortest name doc_types.json
    gives, from the registry's copy of it (read and checked once per process)."""
    return {entry.code: min(entry.names, key=len) for entry in load_registry().doc_types.types}


def doc_type_name(doc_type: str | None) -> str | None:
    """A type code as people write it ("nghi_quyet" → "Nghị quyết"); None for a type not in doc_types.json."""
    return _doc_type_names().get(doc_type or "")


def document(number: str, doc_type: str | None) -> str:
    """A document as a sentence names it: "Kế hoạch 02-KH/BCĐTW", or "văn bản 03/NQ-CP" when its type is unknown."""
    name = doc_type_name(doc_type)
    if name:
        return message("part/document", type=name, number=number)
    return message("part/document_untyped", number=number)
