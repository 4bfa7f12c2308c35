"""The lexicons behind citations and metadata, and the registry of known directives.

Loaded once (`load_registry()` is cached) through the strict schemas of `pipeline.lexicon`: a misspelt
key in a lexicon file fails at load with the key's name, instead of silently dropping a type or an
issuer. `bodies.json` belongs to the bodies extractor; it is read here only for the canonical names of
commune bodies (a plan's issuer).

`check_citations` compares each citation with the registry and with the other mentions of the same
number in the same plan: a date or issuer that disagrees is kept as written (gold-guidelines) and
reported as a `DocWarning`.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from extractors.grammar import (
    AFTER_WORD,
    BEFORE_WORD,
    SymbolSpeller,
    alternation,
    fold,
    tone_key,
)
from pipeline.lexicon import (
    BodiesLexicon,
    Directive,
    DirectivesLexicon,
    DocTypesLexicon,
    IssuersLexicon,
    LevelsLexicon,
    spaced,
)
from pipeline.models import Citation, DocWarning

# Key under which two spellings of one number meet (case, Đ/D): '06/QĐ-TTg' = '06/QD-TTG'; the
# speller's key of a symbol part, applied to the whole number.
number_key = SymbolSpeller.key
# The kind of a letter (công văn), whose symbol names its issuer and unit but no type.
_LETTER_KIND = "cong_van"


class Registry:
    """Lexicons compiled into patterns, and the known directives by number."""

    def __init__(
        self,
        doc_types: DocTypesLexicon,
        issuers: IssuersLexicon,
        directives: DirectivesLexicon,
        bodies: BodiesLexicon,
    ):
        self.doc_types = doc_types
        self.issuers = issuers
        self.directives = directives
        self.speller = SymbolSpeller(doc_types.symbol_parts, doc_types.party_issuers, doc_types.state_issuers)

        # Document type words → code ("kế hoạch hành động" → ke_hoach).
        self._type_by_name: dict[str, str] = {}
        for entry in doc_types.types:
            for name in entry.names:
                self._type_by_name[fold(name)] = entry.code
        self.type_pattern = alternation(list(self._type_by_name))
        self.named_kind_pattern = alternation(doc_types.cited_by_name)
        self.name_compounds = alternation(doc_types.name_words_with_a_kind)
        self.unique_kinds = {self._type_by_name[fold(name)] for name in doc_types.unique_kinds}
        self._letter_names = {fold(name) for name in doc_types.letter_names}
        self._type_by_symbol = {SymbolSpeller.key(s): entry.code for entry in doc_types.types for s in entry.symbols}
        # "NQ57": a capitalised symbol code glued to the digits (matched on the text, case kept)
        codes = "|".join(regex.escape(c) for c in sorted(doc_types.abbreviated_kinds, key=len, reverse=True))
        edge = r"\p{L}\p{M}\d/-"  # no letter, digit, slash or dash on either side: not inside a number
        self.abbreviated_re = regex.compile(rf"(?<![{edge}])(?P<code>{codes})(?P<digits>\d{{1,3}})(?![{edge}])")

        # Issuers: national and provincial from issuers.json, commune bodies from bodies.json.
        self._issuer_by_form: dict[str, tuple[str, bool]] = {}
        forms: list[str] = []
        for issuer in issuers.issuers:
            for form in [issuer.name, *issuer.forms]:
                self._issuer_by_form[tone_key(form)] = (issuer.name, issuer.place)
                forms.append(form)
        for body in bodies.bodies:
            for form in [body.name, *body.forms]:
                self._issuer_by_form.setdefault(tone_key(form), (body.name, False))
                forms.append(form)
        self.issuer_re = regex.compile(BEFORE_WORD + "(" + alternation(forms) + ")" + AFTER_WORD)
        self._issuer_by_code = {SymbolSpeller.key(c): i.name for i in issuers.issuers for c in i.symbol_codes}
        levels = LevelsLexicon.load()
        self.level_words = alternation(levels.territories + levels.commune)
        self._level_word_re = regex.compile(BEFORE_WORD + "(?:" + self.level_words + ")" + AFTER_WORD)
        self.descriptor_stop = alternation(issuers.descriptor_stops)
        self.descriptor_number_stop = alternation(issuers.descriptor_number_stops)
        self.continued_head_re = regex.compile(alternation(issuers.continued_heads) + AFTER_WORD)
        self.continued_name_end = alternation(issuers.continued_name_ends)
        self.continued_name_stop = alternation(issuers.continued_name_stops)
        self.head_of_body_re = regex.compile(alternation(issuers.heads_of_bodies) + r"\s+")
        self.signer_title_re = regex.compile(BEFORE_WORD + "(" + alternation(issuers.signer_titles) + ")" + AFTER_WORD)
        self._signer_titles = {tone_key(t): t for t in issuers.signer_titles}

        self._directive_by_key = {number_key(d.number): d for d in directives.directives}

    # -- lookups -----------------------------------------------------------------------------

    def doc_type_of_name(self, name: str) -> str:
        return self._type_by_name.get(fold(" ".join(name.split())), "other")

    def doc_type_of_symbol(self, part: str) -> str | None:
        return self._type_by_symbol.get(SymbolSpeller.key(part))

    def doc_type_of_named_number(self, name: str, type_code: str) -> str:
        """The kind a type name gives a number: "Văn bản số 887/TTg-CN" is a công văn, a letter's symbol holding
        its issuer and unit but no type code; with a type code ("Văn bản số 12/QĐ-UBND") the name says no more
        than "other"."""
        kind = self.doc_type_of_name(name)
        letter = fold(" ".join(name.split())) in self._letter_names
        if letter and type_code and self.doc_type_of_symbol(type_code) is None:
            return _LETTER_KIND
        return kind

    def issuer_of_symbol(self, symbol: str | None) -> str | None:
        """The body whose code the symbol of a number holds ("CT-BVHTTDL" → Bộ Văn hóa, Thể thao và Du lịch;
        "LĐTBXH-KHTC", a letter's issuer and unit), or None."""
        for part in regex.split(r"[-/.]", symbol or ""):
            name = self._issuer_by_code.get(SymbolSpeller.key(part)) if part else None
            if name:
                return name
        return None

    def issuer_of_form(self, form: str) -> tuple[str, bool] | None:
        """(canonical name, keeps place name) of an issuer as written."""
        return self._issuer_by_form.get(tone_key(form))

    def issuer_at(self, folded: str, pos: int) -> tuple[str, bool, int] | None:
        """The issuer whose written form starts at `pos`: (canonical name, keeps place, end).

        A commune body of the bodies table is named for a xã; where the text gives another level of
        the same tier ("UBND phường", "Đảng ủy thị trấn"), the name keeps the text's level word.
        """
        m = self.issuer_re.match(folded, pos)
        if not m:
            return None
        name, keeps_place = self._issuer_by_form.get(tone_key(m.group(1)), (None, False))
        if name is None:
            return None
        level = _written_level().match(folded, m.end())
        canonical = LevelsLexicon.load().canonical_commune
        if level and not keeps_place and name.endswith(f" {canonical}"):
            name = name[: -len(canonical)] + " ".join(level.group(1).split())
        return name, keeps_place, m.end()

    def level_after(self, folded: str, start: int, end: int) -> bool:
        """Whether the written form `folded[start:end]` holds a level word of its own ("ủy ban nhân dân xã")."""
        return bool(self._level_word_re.search(folded, start, end))

    def signer_title(self, written: str) -> str | None:
        return self._signer_titles.get(tone_key(written))

    def directive(self, number: str | None) -> Directive | None:
        return self._directive_by_key.get(number_key(number)) if number else None

    # -- checks ------------------------------------------------------------------------------

    def check_citations(self, citations: list[Citation]) -> list[DocWarning]:
        """Warnings for citations that disagree with the registry or with each other."""
        warnings: list[DocWarning] = []
        for c in citations:
            known = self.directive(c.number)
            if known is None:
                continue
            cited_as = {
                "date": (c.date, known.date, bool(c.date) and not c.date.startswith(known.date)),
                "issuer": (c.issuer, known.issuer, bool(c.issuer) and c.issuer != known.issuer),
                "type": (c.doc_type, known.doc_type, c.doc_type != known.doc_type),
            }
            for field, (cited, registered, differs) in cited_as.items():
                if differs:
                    warnings.append(
                        DocWarning.of(
                            f"citation_{field}_mismatch",
                            span=c.span,
                            source=c.source,
                            number=c.number or "",
                            cited=cited or "",
                            registered=registered,
                        )
                    )
        warnings.extend(_check_consistency(citations))
        return warnings


def _same_fact(field: str, a: str, b: str) -> bool:
    """Two mentions agree; an issuer given once with its place name and once without is one issuer
    ("Ban Thường vụ Tỉnh ủy" / "Ban Thường vụ Tỉnh ủy Phú Thọ")."""
    if field == "issuer":
        return a == b or a.startswith(b + " ") or b.startswith(a + " ")
    return a == b


@cache
def _written_level() -> regex.Pattern:
    """A commune level other than the canonical one, written after an issuer ("UBND phường")."""
    levels = LevelsLexicon.load()
    others = [w for w in levels.commune_written if w != levels.canonical_commune]
    return regex.compile(r"\s+(" + "|".join(spaced(w) for w in others) + ")" + AFTER_WORD)


def _check_consistency(citations: list[Citation]) -> list[DocWarning]:
    """One number cited with two dates (or two issuers) in the same plan: warn at the later one."""
    warnings: list[DocWarning] = []
    first: dict[tuple[str, str], tuple[str, Citation]] = {}
    for c in citations:
        if not c.number or "/" not in c.number:
            continue
        for field in ("date", "issuer"):
            value = getattr(c, field)
            if not value:
                continue
            key = (number_key(c.number), field)
            if key not in first:
                first[key] = (value, c)
            elif not _same_fact(field, first[key][0], value):
                warnings.append(
                    DocWarning.of(
                        f"citation_{field}_conflict",
                        span=c.span,
                        source=c.source,
                        number=c.number,
                        value=value,
                        first=first[key][0],
                    )
                )
    return warnings


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The registry, built once per process from the lexicon files."""
    return Registry(
        doc_types=DocTypesLexicon.load(),
        issuers=IssuersLexicon.load(),
        directives=DirectivesLexicon.load(),
        bodies=BodiesLexicon.load(),
    )
