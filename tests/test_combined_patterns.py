"""Issue 15: patterns joined into one search find exactly what the separate patterns find.

`bodies._role_before` asks one alternation a role whether any of its `before` cues ends the text
before a name; it must answer as the cues searched one by one do, over written sentences and over
every word end of the development texts. `deadlines._Grammar._scan` runs a pattern only where a
word it needs is found, and must find the same candidates as every pattern run everywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.bodies import _cues, _role_before
from extractors.deadlines import _grammar, _literal_keys
from pipeline.normalize import fold_text

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "corpus" / "plans").glob("*.txt")) + sorted((ROOT / "corpus" / "real" / "dev").glob("*.txt"))


def _role_one_by_one(left: str) -> str | None:
    """The role as the cues give it searched one at a time, in the lexicon's order of roles."""
    cues = _cues()
    for role in cues["order"]:
        if any(p.search(left) for p in cues["before"][role]):
            return role
    return None


@pytest.mark.parametrize(
    ("left", "role"),
    [
        ("giao cho ", "lead"),
        ("trong năm nay ", None),
        ("đề nghị ", "lead"),
        ("dưới sự chỉ đạo thống nhất của ", "lead"),
        ("kết quả thực hiện gửi về ", "report_to"),
        ("tổng hợp, báo cáo ", "report_to"),
        ("chủ động phối hợp chặt chẽ với ", "support"),
        ("chịu sự kiểm tra, giám sát của ", "oversight"),
        ("các ngành có liên quan triển khai ", None),
    ],
)
def test_written_cues_give_the_same_role(left: str, role: str | None) -> None:
    folded = fold_text(left)
    assert _role_one_by_one(folded) == role
    assert _role_before(folded) == role


def test_every_role_is_found_alike_over_the_development_texts() -> None:
    """At every word end of the texts (the last 200 characters before it, as a clause's left side),
    the joined cues give the role the separate cues give, and each role turns up at least once."""
    seen: dict[str | None, int] = {}
    for path in TEXTS:
        fold = fold_text(path.read_text(encoding="utf-8"))
        for at in range(1, len(fold)):
            if fold[at] != " " or fold[at - 1] == " ":
                continue
            left = fold[max(0, at - 200) : at + 1]
            role = _role_one_by_one(left)
            assert _role_before(left) == role, (path.name, left[-60:])
            seen[role] = seen.get(role, 0) + 1
    assert set(_cues()["order"]) <= set(seen)


def test_each_deadline_pattern_holds_a_word_it_needs() -> None:
    """`deadlines._Grammar.needs`: a pattern runs only in a window holding one of its words, which is
    exact only if every match the pattern makes holds one. Checked on every match over the texts."""
    grammar = _grammar()
    assert grammar.needs
    matched = dict.fromkeys(grammar.needs, 0)
    for path in TEXTS:
        fold = fold_text(path.read_text(encoding="utf-8"))
        for name, _, _, pattern in grammar.patterns:
            need = grammar.needs.get(name)
            if need is None:
                continue
            for m in pattern.finditer(fold):
                assert need.search(fold, m.start(), m.end()), (path.name, name, m.group())
                matched[name] += 1
    assert sum(1 for n in matched.values() if n) >= len(matched) - 1, matched  # "until_part" finds none


def test_deadline_candidates_are_the_same_without_the_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The candidates of every text, its running text and as a cell, with the words' check and without."""
    grammar = _grammar()
    texts = [fold_text(path.read_text(encoding="utf-8")) for path in TEXTS]
    fast = [(grammar.candidates(t), grammar.candidates(t[:2000], cell=True)) for t in texts]
    monkeypatch.setattr(grammar, "needs", {})
    monkeypatch.setattr(grammar, "need_keys", {})
    slow = [(grammar.candidates(t), grammar.candidates(t[:2000], cell=True)) for t in texts]
    assert fast == slow
    assert sum(len(running) for running, _ in fast) > 1000


def test_literal_keys_cover_every_spelling_of_a_word() -> None:
    """`deadlines._literal_keys`: a window is skipped when it holds none of the keys, so every spelling
    the words' regex accepts must hold one: the tone on either vowel of "uy", "ð" for "đ"."""
    keys = _literal_keys(["quý", "đến hết"])
    assert keys is not None
    for written in ("quý", "qúy", "đến hết", "ðến\nhết"):
        assert any(k in written for k in keys), written
    assert not any(k in "quy định" for k in keys)
    assert _literal_keys(["a và b"]) in {("a",), ("b",)}  # the and-word may be written "&"
    assert _literal_keys(["và"]) is None


def test_each_need_key_is_in_every_match_of_its_words() -> None:
    """Each need's keys against its regex, over the texts: a match holding no key would be skipped."""
    grammar = _grammar()
    assert len(grammar.need_keys) >= 20 and all(grammar.need_keys.values())
    seen = 0
    for path in TEXTS:
        fold = fold_text(path.read_text(encoding="utf-8"))
        for name, need in grammar.needs.items():
            keys = grammar.need_keys[name] or ()
            for m in need.finditer(fold):
                assert any(k in m.group() for k in keys), (path.name, name, m.group())
                seen += 1
    assert seen > 1000
