"""The held-out guard: no test or lexicon may share a run of 8 words (12 syllables) with a held-out text.

Why: held-out documents measure kehoach on text nobody here has read. A rule fitted to one of them shows
up as its words copied into a test sentence or a lexicon entry; this test finds such a copy mechanically.
A run of words that a held-out text shares with a development text (the state motto, "Căn cứ Nghị quyết
số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị …") proves nothing, since it could have come from the
development text, so such runs are left out, and so are runs found in the shared references everyone
here reads (the guidelines, the directives' summary, the directive profiles). Runs stay inside one clause
(they do not cross a line break or ". ; : ! ?"), so two formulas that merely stand next to each other do not
make a run. Words are compared folded (case and tone-mark placement) and split on anything that is not a
letter or digit, so re-casing or re-spacing a copied sentence does not hide it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import regex

from pipeline.normalize import fold_text

ROOT = Path(__file__).resolve().parents[1]
# Every held-out part, of every round (heldout/, heldout2/, …): a later round is guarded from its draw on.
HELDOUT_DIRS = sorted((ROOT / "corpus" / "real").glob("heldout*"))
HELDOUT_DIR = ROOT / "corpus" / "real" / "heldout"
DEVELOPMENT_DIRS = [ROOT / "corpus" / "real" / "dev", ROOT / "corpus" / "plans", ROOT / "corpus" / "heldout"]
SHARED = ROOT.parent / "shared"
REFERENCES = [*sorted(SHARED.glob("*.md")), *sorted((SHARED / "corpus").glob("*.txt"))]
REFERENCES += sorted((ROOT / "corpus" / "directives").glob("*.json"))
GUARDED = [ROOT / "tests", ROOT / "extractors" / "lexicon"]
BASELINE = Path(__file__).resolve().parent / "contamination_baseline.json"
GUARDED_SUFFIXES = {".py", ".json", ".txt", ".md", ".tsv", ".yaml", ".csv"}
# "8 words": a Vietnamese word is 1.57 syllables on average (underthesea's word_tokenize over corpus/plans
# and corpus/real/dev, 44,705 syllables in 28,521 words), so 8 words are 12 syllables, the unit compared here.
RUN = 12
_WORD = regex.compile(r"[\p{L}\p{M}\d]+")
_CLAUSE_END = regex.compile(r"[\n.;:!?]+(?:\s|$)|\n")


def words(text: str) -> list[str]:
    return _WORD.findall(fold_text(text))


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    """Every run of `n` consecutive words inside one clause of `text`, folded."""
    found: set[tuple[str, ...]] = set()
    for clause in _CLAUSE_END.split(text):
        tokens = words(clause)
        found.update(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return found


def shared_runs(guarded: str, heldout: frozenset[tuple[str, ...]]) -> set[tuple[str, ...]]:
    return runs(guarded) & heldout


def _texts(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


class _Sealed(frozenset):
    """A set of held-out runs that never prints its words: pytest shows a failing test's arguments, and
    a plain set there would spread the held-out text into the failure message."""

    def __repr__(self) -> str:
        return f"<{len(self)} held-out runs>"


@pytest.fixture(scope="module")
def heldout_only_runs() -> frozenset[tuple[str, ...]]:
    """Runs found in a held-out text and in no development text, less, for a later round, the runs our
    tests and lexicons already held when that round was drawn (`contamination_baseline.json`: text
    written before a document was collected cannot have been copied from it)."""
    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    heldout: set[tuple[str, ...]] = set()
    for folder in HELDOUT_DIRS:
        found: set[tuple[str, ...]] = set()
        for path in _texts(folder):
            found |= runs(path.read_text(encoding="utf-8", errors="replace"))
        before = set(baseline.get(folder.name, {}).get("runs", []))
        heldout |= {run for run in found if run_hash(run) not in before}
    common = [path for folder in DEVELOPMENT_DIRS for path in _texts(folder)] + REFERENCES
    for path in common:
        heldout -= runs(path.read_text(encoding="utf-8", errors="replace"))
    return _Sealed(heldout)


def run_hash(run: tuple[str, ...]) -> str:
    """A run as the baseline file keeps it: a short hash, so that the held-out words are not written out."""
    return hashlib.blake2b(" ".join(run).encode("utf-8"), digest_size=8).hexdigest()


def guarded_files() -> list[Path]:
    return sorted(p for folder in GUARDED for p in folder.rglob("*") if p.is_file() and p.suffix in GUARDED_SUFFIXES)


def test_the_heldout_part_exists():
    assert len(_texts(HELDOUT_DIR)) >= 14, "corpus/real/heldout/ should hold the drawn held-out documents"


def test_no_test_or_lexicon_copies_a_heldout_text(heldout_only_runs):
    copied = []
    for path in guarded_files():
        found = shared_runs(path.read_text(encoding="utf-8", errors="replace"), heldout_only_runs)
        if found:
            # Show the folded words only, so the failure message does not spread the held-out text further.
            copied.append(f"{path.relative_to(ROOT)}: {len(found)} run(s) of {RUN} syllables from a held-out text")
    assert not copied, "held-out text copied into tests or lexicons:\n" + "\n".join(copied)


def test_the_guard_sees_a_copy():
    """A sentence copied into a test is caught even when re-cased and re-spaced; boilerplate is not."""
    heldout = runs("Ủy ban nhân dân xã chủ trì rà soát toàn bộ hạ tầng mạng nội bộ trước quý III")
    assert shared_runs("x = 'UỶ BAN NHÂN DÂN XÃ chủ trì,  rà soát toàn bộ hạ tầng mạng'", heldout)
    assert not shared_runs("Ủy ban nhân dân xã chủ trì rà soát toàn bộ", heldout)  # 11 syllables
    assert not shared_runs("Ủy ban nhân dân xã chủ trì; rà soát toàn bộ hạ tầng mạng", heldout)  # two clauses
