"""The learned bodies model against the rules on documents neither had seen: the forward protocol.

    python benchmarks/bench_model_forward.py [--rounds 4 5] [--json FILE]

`bench_model.py` cross-validates over the development documents, which favours the rules: they were
written on those documents. Each collection round's development documents, though, were once new to the
rules: at the commit where round r's development gold landed and before any rule was written against it
(`ROUND_COMMITS`, from corpus/real/SPLIT.md), the rules had never read them. A model trained, with today's
training code, only on the gold of the earlier rounds (and `gold/*.json`) has not read them either. So
on round r's development .txt, scored by today's scorer against today's gold:

- rules@r: the rules as they stood at that commit (run from a temporary `git worktree` of it);
- model: the model trained on rounds < r;
- rules@r+model: the rules' records plus the confident model records no rule record overlaps
  (`extractors.body_model.combine`, today's threshold);

is a fair test of which generalises, the situation of a held-out round. The same three with today's
rules are printed beside them (in sample for the rules, out of sample for the model). No held-out text
is read: training and testing use `gold/real/dev` and `corpus/real/dev` only.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.body_model import combine, settings, tagged_bodies  # noqa: E402
from pipeline.body_training import Prepared, development_set, train  # noqa: E402
from pipeline.models import Body  # noqa: E402
from pipeline.scoring import KindScore, score_kind  # noqa: E402
from pipeline.textmatch import document_text_for_quotes  # noqa: E402

# round -> the commit at which its development gold had landed and no rule had been written against it
# (corpus/real/SPLIT.md: "Round 4's development documents, scored before any rule was written against
# them", at 6110e73; round 5's "scored when their gold landed (47b037c)").
ROUND_COMMITS = {4: "6110e73", 5: "47b037c"}

# Run inside the old commit's tree: the rules' bodies of each .txt, with the normalized text their spans
# index, as JSON on stdout. Only APIs every commit since round 2 has (load_document, extract_all).
_OLD_RUNNER = """
import json, sys
from pipeline.process import load_document
from extractors import extract_all
out = {}
for path in sys.argv[1:]:
    document = load_document(path)
    bodies = extract_all(document)["bodies"]
    out[path] = {"text": document.text, "bodies": [b.model_dump(mode="json") for b in bodies]}
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def catalog_rounds(root: Path = ROOT) -> dict[str, int]:
    """doc_id -> collection round of every development document of corpus/real (catalog.json)."""
    entries = json.loads((root / "corpus/real/catalog.json").read_text(encoding="utf-8"))
    return {e["doc_id"]: int(e.get("round", 1)) for e in entries if e.get("part") == "dev"}


def old_rules(commit: str, paths: list[Path], root: Path = ROOT) -> dict[str, dict]:
    """The rules' bodies of `paths` as the code at `commit` finds them, from a temporary worktree."""
    with tempfile.TemporaryDirectory(prefix=f"model-forward-{commit}-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", str(tree), commit], check=True,
                       capture_output=True)
        try:
            env = {**os.environ, "PYTHONPATH": str(tree)}
            done = subprocess.run(
                [sys.executable, "-c", _OLD_RUNNER, *map(str, paths)],
                cwd=tree, env=env, check=True, capture_output=True, text=True,
            )
        finally:
            subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(tree)], check=False,
                           capture_output=True)
    return json.loads(done.stdout)


def span_map(old: str, new: str) -> Callable[[int], int | None]:
    """Offsets of `old` (the old code's normalized text) in `new` (today's); None where the texts differ."""
    if old == new:
        return lambda i: i
    table: dict[int, int] = {}
    for a, b, size in difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks():
        for k in range(size + 1):
            table.setdefault(a + k, b + k)
    return table.get


def moved(body: Body, where: Callable[[int], int | None]) -> Body:
    """`body` with its span in today's normalized text (no span where it cannot be placed)."""
    if not body.span:
        return body
    start, end = where(body.span[0]), where(body.span[1])
    return body.model_copy(update={"span": (start, end) if start is not None and end is not None else None})


def _text(item: Prepared) -> str | None:
    path = Path(item.document.path).with_suffix(".txt")
    return document_text_for_quotes(path) if path.is_file() else None


def forward(round_: int, items: list[Prepared], rounds: dict[str, int], workdir: Path) -> dict:
    """Scores of the six variants on round `round_`'s development .txt."""
    train_items = [i for i in items if i.doc_id not in rounds or rounds[i.doc_id] < round_]
    test = [i for i in items if rounds.get(i.doc_id) == round_ and i.format == "txt"]
    path = train(train_items, workdir / f"round{round_}.crfsuite")
    before = old_rules(ROUND_COMMITS[round_], [Path(i.document.path) for i in test])
    least = settings()["min_confidence"]
    scores: dict[str, KindScore] = {}
    # documents where adding the model changes the exact matches of the rules of then: better, worse
    moved_docs = {"better": 0, "worse": 0}
    for item in test:
        old = before[str(Path(item.document.path))]
        where = span_map(old["text"], item.document.text)
        then = [moved(Body.model_validate(b), where) for b in old["bodies"]]
        learned = tagged_bodies(item.document, item.citations, item.mentions, path)
        variants = {
            "rules@r": then,
            "model": [b for b, _ in learned],
            "rules@r+model": combine(then, learned, least),
            "rules today": item.rules,
            "rules today+model": combine(item.rules, learned, least),
        }
        text = _text(item)
        exact: dict[str, int] = {}
        for name, records in variants.items():
            kind, _ = score_kind("bodies", item.gold.bodies, records, text)
            scores.setdefault(name, KindScore("bodies")).add(kind)
            exact[name] = kind.exact.tp - kind.exact.fp  # right records less wrong ones
        if exact["rules@r+model"] != exact["rules@r"]:
            moved_docs["better" if exact["rules@r+model"] > exact["rules@r"] else "worse"] += 1
    return {
        "round": round_,
        "commit": ROUND_COMMITS[round_],
        "train_documents": len({i.doc_id for i in train_items}),
        "test_documents": len(test),
        "rules_then_plus_model_documents": moved_docs,
        "scores": {
            name: {"detection": s.detection.to_dict(), "exact": s.exact.to_dict()} for name, s in scores.items()
        },
    }


def _table(results: list[dict]) -> str:
    names = ("rules@r", "model", "rules@r+model", "rules today", "rules today+model")
    lines = ["bodies on round r's development .txt, F1 detection / exact (tp fp fn of exact)", ""]
    lines.append(f"  {'round':<28}" + "".join(f"{n:>28}" for n in names))
    for r in results:
        cells = []
        for name in names:
            s = r["scores"][name]
            e = s["exact"]
            cells.append(f"{s['detection']['f1']:.3f} / {e['f1']:.3f} ({e['tp']} {e['fp']} {e['fn']})")
        scope = f"{r['round']} @{r['commit']} ({r['test_documents']} docs)"
        lines.append(f"  {scope:<28}" + "".join(f"{c:>28}" for c in cells))
    lines.append("")
    for r in results:
        moved_docs = r["rules_then_plus_model_documents"]
        lines.append(
            f"  round {r['round']}: adding the model to the rules of then changes {sum(moved_docs.values())} "
            f"documents: {moved_docs['better']} better, {moved_docs['worse']} worse (net exact records)"
        )
    lines.append(
        f"model: trained on gold/*.json and the development gold of rounds < r only; "
        f"+model adds model records of confidence >= {settings()['min_confidence']}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, nargs="+", default=sorted(ROUND_COMMITS))
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    items = development_set(ROOT, with_rules=True)
    rounds = catalog_rounds()
    with tempfile.TemporaryDirectory(prefix="bench-forward-") as workdir:
        results = [forward(r, items, rounds, Path(workdir)) for r in args.rounds]
    print(_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
