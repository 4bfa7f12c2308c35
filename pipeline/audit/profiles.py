"""Directive profiles: what an upper-level directive asks of the plans that implement it.

A profile is data (`corpus/directives/*.json`, format in `corpus/directives/README.md`): targets
with figures, the levels of government each applies to, phases, duties, and which documents
replace which. Profiles load through strict models so a misspelt key fails at load with its
name. `build_profile` makes one from a directive's own extracted text, so a user can audit
commune plans against a province plan the repository has no profile for.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from extractors.registry import number_key
from pipeline.audit.matcher import key, load_lexicon, primary_concept
from pipeline.models import Comparator, PlanResult

PROFILES_DIR = Path(__file__).resolve().parents[2] / "corpus" / "directives"

Level = Literal["national", "province", "commune"]
Confidence = Literal["two sources", "one source", "extracted", "official text"]
DATE = r"^\d{4}(-\d{2}-\d{2})?$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ProfileTarget(_Strict):
    id: str
    indicator: str
    concept: str | None = None
    """The indicator concept id (indicator_concepts.json); looked up from `indicator` when absent."""
    value: float
    value_max: float | None = None
    unit: str | None = None
    comparator: Comparator = "="
    by: str | None = Field(default=None, pattern=DATE)
    applies_to: list[Level] = Field(default_factory=lambda: ["national", "province", "commune"])
    source: str
    confidence: Confidence
    quote: str | None = None
    """For a profile built from a directive's text: the words the target was read from."""


class Phase(_Strict):
    id: str
    name: str
    start: str | None = Field(default=None, pattern=DATE)
    end: str | None = Field(default=None, pattern=DATE)
    source: str
    confidence: Confidence


class Duty(_Strict):
    id: str
    duty: str
    keywords: list[str] = Field(min_length=1)
    applies_to: list[Level] = Field(default_factory=lambda: ["commune"])
    source: str
    confidence: Confidence


class Supersession(_Strict):
    current: str
    current_date: str | None = Field(default=None, pattern=DATE)
    replaces: str
    note: str | None = None
    source: str
    confidence: Confidence


class Profile(_Strict):
    id: str
    """The directive's number as plans cite it: "57-NQ/TW"."""
    doc_type: str | None = None
    issuer: str | None = None
    date: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    title: str | None = None
    level: Level = "national"
    implements: list[str] = Field(default_factory=list)
    supersedes: list[str] = Field(default_factory=list)
    source: str
    targets: list[ProfileTarget] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    duties: list[Duty] = Field(default_factory=list)
    supersessions: list[Supersession] = Field(default_factory=list)

    def target_concept(self, target: ProfileTarget) -> str | None:
        return target.concept or primary_concept(target.indicator)


def load_profile(path: Path) -> Profile:
    with open(path, encoding="utf-8") as f:
        return Profile.model_validate(json.load(f))


def load_profiles(directory: Path | None = None, extra: list[Path] | None = None) -> dict[str, Profile]:
    """Profiles by number key (case and Đ/D folded): every *.json of the directory, then `extra`
    files (a later file with the same id replaces an earlier one)."""
    directory = directory or PROFILES_DIR
    paths = sorted(directory.glob("*.json")) if directory.is_dir() else []
    profiles: dict[str, Profile] = {}
    for path in [*paths, *(extra or [])]:
        profile = load_profile(path)
        profiles[number_key(profile.id)] = profile
    return profiles


def build_profile(result: PlanResult) -> Profile:
    """A profile read from a directive's own text by the extractors.

    Its targets (each applying at every level, confidence "extracted"; a "phấn đấu" target is a
    target in a directive), its dated deadlines as phases, what it implements and replaces."""
    meta = result.metadata
    ident = meta.number or result.doc_id
    targets = [
        ProfileTarget(
            id=f"t{i}",
            indicator=t.indicator or t.quote,
            concept=primary_concept(t.indicator or t.quote),
            value=t.value,
            value_max=t.value_max,
            unit=t.unit,
            comparator=t.comparator,
            by=t.by,
            source=f"{result.source or result.doc_id}: {t.section or 'text'}",
            confidence="extracted",
            quote=t.quote,
        )
        for i, t in enumerate(result.targets, 1)
    ]
    phases = [
        Phase(
            id=f"d{i}",
            name=d.quote,
            start=d.start,
            end=d.end,
            source=f"{result.source or result.doc_id}: {d.section or 'text'}",
            confidence="extracted",
        )
        for i, d in enumerate(result.deadlines, 1)
        if d.kind in ("by_date", "period", "horizon") and d.end
    ]
    return Profile(
        id=ident,
        doc_type=meta.doc_type,
        issuer=meta.issuer,
        date=meta.date,
        title=meta.title,
        level=_level_of(meta.issuer),
        implements=list(meta.implements),
        supersedes=list(meta.replaces),
        source=f"extracted by kehoach from {result.source or result.doc_id}",
        targets=targets,
        phases=phases,
        supersessions=[
            Supersession(current=ident, current_date=meta.date, replaces=r, source="extracted", confidence="extracted")
            for r in meta.replaces
        ],
    )


def level_of(issuer: str | None) -> Level | None:
    """The level of government of a document's issuer, from the level words of the concepts
    lexicon: "Ủy ban nhân dân phường" is a commune-level plan, "Ban Thường vụ Tỉnh ủy" a province's."""
    if not issuer:
        return None
    k = key(issuer)
    for level in ("commune", "province", "national"):
        if any(key(word) in k for word in load_lexicon().levels.get(level, [])):
            return level  # type: ignore[return-value]
    return None


def _level_of(issuer: str | None) -> Level:
    return level_of(issuer) or "national"
