"""Score predictions against the hand-labelled gold set (`kehoach score`).

The match is the one shared/gold-guidelines.md defines ("How the scorer matches"): per document and
record kind, a predicted and a gold record can pair when their quotes overlap
(`pipeline.textmatch.overlap`); pairs are chosen one-to-one, best overlap first, equal overlaps going
to the pair whose prefixes share the longest ending, then to the pair nearest in document order.
Detection counts pairs; exact counts pairs whose key fields are all equal; per-field agreement is
the share of pairs whose field is equal; metadata is compared field by field.

Ratios with a zero denominator: an empty prediction against non-empty gold has precision 0.0
(not "undefined"), and false alarms against empty gold have recall 0.0, so a missing or empty
prediction never looks good. Only where gold and prediction are both empty for a kind (nothing to
find, nothing claimed) are precision, recall and F1 None (JSON null, shown as "–"): there is nothing
to measure, and neither 1 nor 0 would be honest. A field with no pairs to compare has agreement None
too. The counts (tp, fp, fn) are always reported beside the ratios.

A run over corpus/plans writes one prediction per document and format (txt, docx, pdf); each
format is scored on its own and all of them together ("overall"). A gold document without a
prediction in a scored format counts as all misses and is listed as missing.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pipeline.models import (
    INPUT_FORMATS,
    RECORD_KINDS,
    DeadlineSpec,
    Evidence,
    GoldDocument,
    Metadata,
    PlanResult,
    Records,
)
from pipeline.textmatch import (
    common_suffix,
    fold_document_text,
    fold_quote,
    occurrences,
    overlap,
    quote_for_search,
    syllables,
)

FORMATS: tuple[str, ...] = INPUT_FORMATS
DOC_ID = re.compile(r"^[\w.\-]+$")
DOC_ID_SHAPE = re.compile(r"^[\w-]+_[\w-]+_\d{4}$")  # nhu-khe_10-KH-DU_2025

# ---------------------------------------------------------------------------------------------
# Field comparison: which fields are key fields, and what "equal" means for each.


def _same_text(a: Any, b: Any) -> bool:
    """Names, issuers, units, numbers: equal after folding case, whitespace and tone placement."""
    return fold_quote(a) == fold_quote(b)


def _same_name(a: Any, b: Any) -> bool:
    """Names of bodies and issuers: equal when their syllables are, so punctuation that only spells the name
    ("Bộ Lao động - Thương binh và Xã hội" / "Bộ Lao động Thương binh và Xã hội", "Phòng An ninh chính trị nội
    bộ, Công an tỉnh") does not make two readings of one name differ. The guidelines count spelling variants as
    the same name; two labellers who read the same text split on exactly these (benchmarks/agreement.py)."""
    return syllables(a) == syllables(b)


def _same_value(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))


def _same(a: Any, b: Any) -> bool:
    return a == b


def _same_names(a: Iterable[str], b: Iterable[str]) -> bool:
    """Lists of body names compare as sets of names folded as `_same_name` folds them (order and repeats carry
    no meaning)."""
    return {tuple(syllables(x)) for x in a or []} == {tuple(syllables(x)) for x in b or []}


def _same_numbers(a: Iterable[str], b: Iterable[str]) -> bool:
    """Lists of document numbers compare as sets of folded numbers: their punctuation is part of the number."""
    return {fold_quote(x) for x in a or []} == {fold_quote(x) for x in b or []}


def _spec_key(spec: DeadlineSpec) -> tuple:
    return (spec.kind, spec.start, spec.end, spec.recurrence, spec.day)


def _same_deadlines(a: Sequence[DeadlineSpec], b: Sequence[DeadlineSpec]) -> bool:
    """A task's deadlines compare as multisets of their normalized values."""
    return Counter(_spec_key(s) for s in a or []) == Counter(_spec_key(s) for s in b or [])


Compare = Callable[[Any, Any], bool]

KEY_FIELDS: dict[str, dict[str, Compare]] = {
    "citations": {"number": _same_text, "date": _same, "issuer": _same_name, "relation": _same},
    "targets": {
        "value": _same_value,
        "value_max": _same_value,
        "unit": _same_text,
        "comparator": _same,
        "by": _same,
    },
    "deadlines": {"kind": _same, "start": _same, "end": _same, "recurrence": _same, "day": _same},
    "bodies": {"name": _same_name, "role": _same},
    "tasks": {"lead": _same_names, "support": _same_names, "deadline": _same_deadlines},
}
# Reported apart, never part of "exact": free-text fields (folded case and whitespace) and flags.
OTHER_FIELDS: dict[str, dict[str, Compare]] = {
    "citations": {"doc_type": _same},
    "targets": {"indicator": _same_text, "aspirational": _same},
    "deadlines": {},
    "bodies": {},
    "tasks": {"output": _same_text, "group": _same_text},
}
# `title` and `note` are not in the guidelines' metadata table, so they are not scored.
METADATA_FIELDS: dict[str, Compare] = {
    "doc_type": _same,
    "number": _same_text,
    "symbol": _same_text,
    "date": _same,
    "place": _same_text,
    "issuer": _same_name,
    "signer": _same_name,
    "signer_title": _same_name,
    "implements": _same_numbers,
    "replaces": _same_numbers,
}

# ---------------------------------------------------------------------------------------------
# Score containers.


def _ratio(num: int, den: int, vacuous: bool) -> float | None:
    if den:
        return num / den
    return None if vacuous else 0.0


@dataclass
class Counts:
    """True positives, false positives, false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def _vacuous(self) -> bool:
        return self.tp == self.fp == self.fn == 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp, self._vacuous)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn, self._vacuous)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Agreement:
    """Per field: how many compared pairs (or documents, for metadata) agreed."""

    equal: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)

    def record(self, name: str, same: bool) -> None:
        self.total[name] += 1
        self.equal[name] += int(same)

    def add(self, other: Agreement) -> None:
        self.equal.update(other.equal)
        self.total.update(other.total)

    def share(self, name: str) -> float | None:
        total = self.total[name]
        return self.equal[name] / total if total else None

    def overall(self) -> float | None:
        total = sum(self.total.values())
        return sum(self.equal.values()) / total if total else None


@dataclass
class KindScore:
    kind: str
    detection: Counts = field(default_factory=Counts)
    exact: Counts = field(default_factory=Counts)
    fields: Agreement = field(default_factory=Agreement)

    def add(self, other: KindScore) -> None:
        self.detection.add(other.detection)
        self.exact.add(other.exact)
        self.fields.add(other.fields)

    def to_dict(self) -> dict[str, Any]:
        names = list(KEY_FIELDS[self.kind]) + list(OTHER_FIELDS[self.kind])
        return {
            "detection": self.detection.to_dict(),
            "exact": self.exact.to_dict(),
            "fields": {n: _round(self.fields.share(n)) for n in names},
            "key_fields": list(KEY_FIELDS[self.kind]),
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


@dataclass
class Block:
    """The scores of one scope (one document in one format, one format, or everything)."""

    kinds: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore(k) for k in RECORD_KINDS})
    metadata: Agreement = field(default_factory=Agreement)

    def add(self, other: Block) -> None:
        for kind in RECORD_KINDS:
            self.kinds[kind].add(other.kinds[kind])
        self.metadata.add(other.metadata)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {kind: self.kinds[kind].to_dict() for kind in RECORD_KINDS}
        out["metadata"] = {
            "agreement": _round(self.metadata.overall()),
            "fields": {n: _round(self.metadata.share(n)) for n in METADATA_FIELDS},
        }
        return out


@dataclass
class Finding:
    """One line of `--details`: a miss, a false alarm, or a paired record's field disagreement."""

    kind: str
    what: str  # "miss", "false_alarm", "disagree"
    quote: str
    section: str | None = None
    gold_quote: str | None = None
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field -> (gold, predicted)
    prefix: str | None = None  # the text before the quote, to find a repeated quote in the document

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "what": self.what, "quote": self.quote, "section": self.section}
        if self.gold_quote is not None:
            out["gold_quote"] = self.gold_quote
        if self.prefix:
            out["prefix"] = self.prefix
        if self.fields:
            out["fields"] = {k: {"gold": plain(g), "predicted": plain(p)} for k, (g, p) in self.fields.items()}
        return out


def plain(value: Any) -> Any:
    """A field value as JSON-ready data: a task's deadlines become dicts (for --details, JSON or text)."""
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, DeadlineSpec):
        return value.model_dump(exclude_none=True)
    return value


@dataclass
class DocScore(Block):
    doc_id: str = ""
    format: str = ""
    missing: bool = False
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["missing"] = self.missing
        return out


@dataclass
class ScoreReport:
    """Everything `kehoach score` reports; `to_dict()` is the `--format json` object."""

    documents: dict[tuple[str, str], DocScore]
    formats: list[str]
    gold_ids: list[str]
    unscored: list[str] = field(default_factory=list)  # predictions whose doc_id has no gold
    notes: list[str] = field(default_factory=list)

    def block(self, fmt: str | None = None, doc_id: str | None = None) -> Block:
        total = Block()
        for (d, f), score in self.documents.items():
            if (fmt is None or f == fmt) and (doc_id is None or d == doc_id):
                total.add(score)
        return total

    @property
    def overall(self) -> Block:
        return self.block()

    @property
    def missing(self) -> list[tuple[str, str]]:
        return [(d, f) for d in self.gold_ids for f in self.formats if self.documents[(d, f)].missing]

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        documents: dict[str, Any] = {}
        for doc_id in self.gold_ids:
            entry: dict[str, Any] = {"overall": self.block(doc_id=doc_id).to_dict()}
            for fmt in self.formats:
                score = self.documents[(doc_id, fmt)]
                entry[fmt] = score.to_dict()
                if details:
                    entry[fmt]["details"] = [f.to_dict() for f in score.findings]
            documents[doc_id] = entry
        return {
            "overall": self.overall.to_dict(),
            "formats": {fmt: self.block(fmt=fmt).to_dict() for fmt in self.formats},
            "documents": documents,
            "missing_predictions": [{"doc_id": d, "format": f} for d, f in self.missing],
            "unscored_predictions": self.unscored,
            "notes": self.notes,
        }


# ---------------------------------------------------------------------------------------------
# Matching.


@dataclass
class _Item:
    record: Evidence
    position: float  # 0..1, place in the document, for the last tie-break


def _positions(records: Sequence[Evidence], text: str | None) -> list[float]:
    """Where each record stands in its document, as a fraction of the document.

    Found from the quote in the document's folded text when the text is at hand (using
    `occurrence`, else the occurrence whose preceding text best ends like `prefix`); else from the
    span; else from the record's place in its list (extractors and annotators list in reading order).
    """
    n = len(records)
    span_end = max((r.span[1] for r in records if r.span), default=0)
    out: list[float] = []
    for index, record in enumerate(records):
        position: float | None = None
        if text:
            starts = occurrences(text, quote_for_search(record.quote))
            if starts:
                if record.occurrence and record.occurrence <= len(starts):
                    start = starts[record.occurrence - 1]
                elif record.prefix:
                    start = max(starts, key=lambda s: (common_suffix(text[max(0, s - 200) : s], record.prefix), -s))
                elif record.span and span_end:
                    start = min(starts, key=lambda s: abs(s / len(text) - record.span[0] / span_end))
                else:
                    start = starts[0]
                position = start / len(text)
        if position is None and record.span and span_end:
            position = record.span[0] / span_end
        if position is None:
            position = index / n if n else 0.0
        out.append(position)
    return out


def match(
    gold: Sequence[Evidence], predicted: Sequence[Evidence], text: str | None = None
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair gold and predicted records one-to-one, best first. Returns (pairs of (gold index,
    predicted index), unpaired gold indexes, unpaired predicted indexes)."""
    gold_pos = _positions(gold, text)
    pred_pos = _positions(predicted, text)
    candidates: list[tuple[float, int, float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            score = overlap(g.quote, p.quote)
            if score > 0:
                candidates.append(
                    (-score, -common_suffix(g.prefix, p.prefix), abs(gold_pos[gi] - pred_pos[pi]), gi, pi)
                )
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for *_, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return (
        pairs,
        [i for i in range(len(gold)) if i not in used_gold],
        [i for i in range(len(predicted)) if i not in used_pred],
    )


def score_kind(
    kind: str, gold: Sequence[Evidence], predicted: Sequence[Evidence], text: str | None = None
) -> tuple[KindScore, list[Finding]]:
    """Detection, exact and field agreement of one kind in one document, with the findings."""
    result = KindScore(kind)
    findings: list[Finding] = []
    pairs, missed, extra = match(gold, predicted, text)
    key = KEY_FIELDS[kind]
    compared = {**key, **OTHER_FIELDS[kind]}
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        disagreements: dict[str, tuple[Any, Any]] = {}
        all_key_equal = True
        for name, same in compared.items():
            a, b = getattr(g, name), getattr(p, name)
            equal = same(a, b)
            result.fields.record(name, equal)
            if not equal:
                disagreements[name] = (a, b)
                all_key_equal = all_key_equal and name not in key
        result.detection.tp += 1
        if all_key_equal:
            result.exact.tp += 1
        else:
            result.exact.fp += 1
            result.exact.fn += 1
        if disagreements:
            findings.append(
                Finding(kind, "disagree", p.quote, g.section or p.section, g.quote, disagreements, p.prefix or g.prefix)
            )
    result.detection.fn += len(missed)
    result.exact.fn += len(missed)
    result.detection.fp += len(extra)
    result.exact.fp += len(extra)
    findings.extend(Finding(kind, "miss", gold[i].quote, gold[i].section, prefix=gold[i].prefix) for i in missed)
    findings.extend(
        Finding(kind, "false_alarm", predicted[i].quote, predicted[i].section, prefix=predicted[i].prefix)
        for i in extra
    )
    return result, findings


def score_metadata(gold: Metadata, predicted: Metadata | None) -> tuple[Agreement, Finding | None]:
    agreement = Agreement()
    disagreements: dict[str, tuple[Any, Any]] = {}
    for name, same in METADATA_FIELDS.items():
        a = getattr(gold, name)
        b = getattr(predicted, name) if predicted is not None else None
        equal = predicted is not None and same(a, b)
        agreement.record(name, equal)
        if not equal:
            disagreements[name] = (a, b)
    finding = Finding("metadata", "disagree", "", None, None, disagreements) if disagreements else None
    return agreement, finding


def score_document(gold: Records, predicted: Records | None, fmt: str, text: str | None = None) -> DocScore:
    """One gold document against its prediction in one format (None: the prediction is missing)."""
    result = DocScore(doc_id=gold.doc_id, format=fmt, missing=predicted is None)
    for kind in RECORD_KINDS:
        kind_score, findings = score_kind(
            kind, getattr(gold, kind), getattr(predicted, kind) if predicted else [], text
        )
        result.kinds[kind] = kind_score
        result.findings.extend(findings)
    meta, finding = score_metadata(gold.metadata, predicted.metadata if predicted else None)
    result.metadata = meta
    if finding and predicted is not None:
        result.findings.append(finding)
    return result


def score(
    gold: dict[str, GoldDocument],
    predictions: Sequence[PlanResult],
    texts: dict[str, str] | None = None,
    formats: Sequence[str] | None = None,
) -> ScoreReport:
    """Score `predictions` against `gold` (doc_id -> GoldDocument).

    `texts` (doc_id -> the document's text) is optional and only sharpens the document-order
    tie-break. `formats` defaults to those the predictions have, or all three where there are none.
    """
    by_key: dict[tuple[str, str], PlanResult] = {}
    notes: list[str] = []
    for prediction in predictions:
        key = (prediction.doc_id, prediction.format)
        if key in by_key:
            notes.append(f"two predictions for {key[0]} ({key[1]}): the last one is scored")
        by_key[key] = prediction
    if formats is None:
        present = {fmt for _, fmt in by_key}
        formats = [f for f in FORMATS if f in present] or list(FORMATS)
    folded = {d: fold_document_text(t) for d, t in (texts or {}).items()}
    documents: dict[tuple[str, str], DocScore] = {}
    for doc_id in sorted(gold):
        for fmt in formats:
            documents[(doc_id, fmt)] = score_document(gold[doc_id], by_key.get((doc_id, fmt)), fmt, folded.get(doc_id))
    unscored = sorted({f"{d}.{f}" for d, f in by_key if d not in gold})
    return ScoreReport(documents, list(formats), sorted(gold), unscored, notes)


# ---------------------------------------------------------------------------------------------
# Loading.


class ScoreInputError(Exception):
    """A gold or prediction folder that cannot be scored (missing, empty, or a broken file)."""


def _validation_message(path: Path, error: ValidationError) -> str:
    lines = [f"{path}: not a valid record file:"]
    for item in error.errors()[:10]:
        where = ".".join(str(x) for x in item["loc"])
        lines.append(f"  {where}: {item['msg']}")
    return "\n".join(lines)


def load_gold_file(path: Path) -> GoldDocument:
    """One gold file; a broken one raises ScoreInputError naming the file, the record and the reason."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # ValueError: bad JSON, or bytes that are not UTF-8 (a cut file)
        raise ScoreInputError(f"{path}: cannot read JSON: {exc}") from exc
    try:
        return GoldDocument.model_validate(data)
    except ValidationError as exc:
        raise ScoreInputError(_validation_message(path, exc)) from exc


def corpus_ids(gold_dir: Path) -> set[str]:
    """The doc_ids of the plans beside the gold folder (`../corpus/plans/*`), if any."""
    plans = gold_dir.resolve().parent / "corpus" / "plans"
    return {p.stem for p in plans.iterdir() if p.is_file()} if plans.is_dir() else set()


def is_gold_candidate(path: Path, known_ids: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether `path` is meant as a gold file: a JSON object with `doc_id`, or a file named after a
    corpus document (`known_ids`) or in the corpus naming shape (place_number_year) that does not
    parse. A floor file or any other JSON kept in gold/ is left alone; README.md and gold/notes/ are
    never read. A meant gold file that is broken is not skipped: load_gold_file says why."""
    if path.suffix != ".json" or not DOC_ID.match(path.stem):
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return path.stem in known_ids or bool(DOC_ID_SHAPE.match(path.stem))
    return (isinstance(data, dict) and "doc_id" in data) or path.stem in known_ids


def load_gold(folder: str | Path, notes: list[str] | None = None) -> dict[str, GoldDocument]:
    """The gold files of `folder`; each .json left out as no gold file is named in `notes`, so that a
    gold file a file manager renamed ("… (1).json") is not dropped without a word."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ScoreInputError(f"gold folder {folder} does not exist")
    known = corpus_ids(folder)
    gold: dict[str, GoldDocument] = {}
    for path in sorted(folder.glob("*.json")):
        if not is_gold_candidate(path, known):
            if notes is not None:
                notes.append(f"{path}: ignored, not a gold file (a gold file is <doc_id>.json with its doc_id)")
            continue
        document = load_gold_file(path)
        if document.doc_id != path.stem:
            raise ScoreInputError(f"{path}: doc_id {document.doc_id!r} differs from the file name")
        gold[document.doc_id] = document
    if not gold:
        raise ScoreInputError(f"gold folder {folder} holds no gold file (<doc_id>.json)")
    return gold


def load_predictions(folder: str | Path) -> tuple[list[PlanResult], list[str]]:
    """Every `folder/docs/*.json` (or `folder/*.json` where there is no docs/), with problems."""
    folder = Path(folder)
    docs = folder / "docs" if (folder / "docs").is_dir() else folder
    predictions: list[PlanResult] = []
    problems: list[str] = []
    for path in sorted(docs.glob("*.json")):
        if path.name == "manifest.json":
            continue
        try:
            predictions.append(PlanResult.model_validate_json(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            problems.append(f"{path}: not a PlanResult, skipped ({str(exc).splitlines()[0]})")
    return predictions, problems


def load_texts(gold: dict[str, GoldDocument], gold_dir: Path) -> dict[str, str]:
    """Each gold document's text, for the document-order tie-break: its `source`, read relative to
    the working folder or to a folder above the gold folder, else corpus/plans/<doc_id>.txt there.

    Every folder above the gold folder is tried (gold/real/dev's `source` is relative to the project, three
    levels up), so the score does not depend on where the command is run from: without its text a
    document's records are paired without the tie-break and can score differently."""
    texts: dict[str, str] = {}
    for doc_id, document in gold.items():
        candidates = []
        for base in (Path.cwd(), *gold_dir.resolve().parents):
            if document.source:
                candidates.append(base / document.source)
            candidates.append(base / "corpus" / "plans" / f"{doc_id}.txt")
        for path in candidates:
            if path.suffix == ".txt" and path.is_file():
                texts[doc_id] = path.read_text(encoding="utf-8-sig", errors="replace")
                break
    return texts


def _manifest_errors(pred_dir: Path) -> dict[str, str]:
    """doc_id.format -> the error a run recorded for it, so a missing prediction says why."""
    try:
        manifest = json.loads((pred_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    errors: dict[str, str] = {}
    for source, entry in manifest.items() if isinstance(manifest, dict) else []:
        if isinstance(entry, dict) and entry.get("status") not in (None, "ok", "unchanged"):
            path = Path(source)
            key = f"{path.stem}.{path.suffix.lstrip('.').lower()}"
            errors[key] = f"{entry.get('status')}: {entry.get('error_code') or ''} {entry.get('message') or ''}".strip()
    return errors


def ablation_variants(pred_dir: Path) -> list[Path]:
    root = pred_dir / "ablation"
    return sorted(p for p in root.iterdir() if (p / "docs").is_dir()) if root.is_dir() else []


def score_folders(gold_dir: str | Path, pred_dir: str | Path) -> ScoreReport:
    """Load `gold_dir` and the run in `pred_dir` and score them (what `kehoach score` prints, and
    what a regression floor checks). Raises ScoreInputError where either cannot be scored."""
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    ignored: list[str] = []
    gold = load_gold(gold_dir, ignored)
    if not pred_dir.is_dir():
        raise ScoreInputError(f"prediction folder {pred_dir} does not exist (run `kehoach run` first)")
    predictions, problems = load_predictions(pred_dir)
    is_run_folder = (pred_dir / "docs").is_dir() or (pred_dir / "manifest.json").is_file()
    if not predictions and not problems and not is_run_folder:
        raise ScoreInputError(
            f"prediction folder {pred_dir} holds no prediction (docs/*.json); "
            "run `kehoach run corpus/plans --out DIR` first"
        )
    report = score(gold, predictions, load_texts(gold, gold_dir))
    report.notes.extend(ignored + problems)
    errors = _manifest_errors(pred_dir)
    for doc_id, fmt in report.missing:
        why = errors.get(f"{doc_id}.{fmt}")
        if why:
            report.notes.append(f"{doc_id}.{fmt}: the run recorded {why}")
    return report


def score_command(args: Any) -> int:
    """`kehoach score`: 0 scored, 2 bad usage (missing or empty gold/prediction folder, broken gold)."""
    from pipeline.scoring_report import render_json, render_text

    try:
        report = score_folders(args.gold, args.pred)
    except ScoreInputError as exc:
        print(f"kehoach score: {exc}", file=sys.stderr)
        return 2
    pred_dir = Path(args.pred)
    variants: dict[str, ScoreReport] = {}
    ablation_note = None
    if getattr(args, "ablation", False):
        for variant in ablation_variants(pred_dir):
            try:
                variants[variant.name] = score_folders(args.gold, variant)
            except ScoreInputError as exc:
                report.notes.append(f"ablation {variant.name}: {exc}")
        if not variants:
            ablation_note = f"no ablation runs in {pred_dir} (expected {pred_dir}/ablation/<variant>/docs/*.json)"
    render = render_json if args.format == "json" else render_text
    print(render(report, details=args.details, variants=variants, ablation_note=ablation_note))
    return 0
