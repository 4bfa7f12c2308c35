"""Write tests/contamination_baseline.json: which held-out runs of a later round our tests and lexicons
already held when that round was drawn.

Why: a held-out part is guarded from the moment it is drawn. Text that stood in our tests and lexicons
*before* its documents were collected cannot have been copied from them; it shares a run with them only
because Vietnamese plans repeat the same formulas. Those runs are recorded here, as hashes (the held-out
words are not written out), and the guard discounts them for that round only; a run first written after
the draw is still caught. Run once per round, by the lead, with the commit of the draw:

    python tests/make_contamination_baseline.py --round 2 --commit 20ad6ee
    python tests/make_contamination_baseline.py --round 3 --commit 1495365
    python tests/make_contamination_baseline.py --round 4 --commit 7cc6373
    python tests/make_contamination_baseline.py --round 5 --commit d2d6a03
    python tests/make_contamination_baseline.py --round 6 --commit 0e24165
    python tests/make_contamination_baseline.py --round 7 --commit 4f5c457
"""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

from test_contamination import BASELINE, DEVELOPMENT_DIRS, GUARDED_SUFFIXES, REFERENCES, ROOT, _texts, run_hash, runs


def _files_at(commit: str) -> list[str]:
    listed = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", commit, "tests", "extractors/lexicon"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [name for name in listed if Path(name).suffix in GUARDED_SUFFIXES]


def _text_at(commit: str, name: str) -> str:
    shown = subprocess.run(["git", "show", f"{commit}:{name}"], cwd=ROOT, capture_output=True, check=True)
    return shown.stdout.decode("utf-8", errors="replace")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", type=int, required=True)
    parser.add_argument("--commit", required=True, help="the commit that drew the round")
    args = parser.parse_args()
    folder = ROOT / "corpus" / "real" / f"heldout{args.round}"
    heldout = set().union(*(runs(p.read_text(encoding="utf-8", errors="replace")) for p in _texts(folder)))
    for path in [p for d in DEVELOPMENT_DIRS for p in _texts(d)] + REFERENCES:
        heldout -= runs(path.read_text(encoding="utf-8", errors="replace"))
    before = set().union(*(runs(_text_at(args.commit, name)) for name in _files_at(args.commit)))
    data = (
        json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {"about": __doc__.split("\n\n")[1]}
    )
    data[f"heldout{args.round}"] = {"commit": args.commit, "runs": sorted(run_hash(r) for r in heldout & before)}
    BASELINE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"heldout{args.round}: {len(data[f'heldout{args.round}']['runs'])} runs our files held at {args.commit}")


if __name__ == "__main__":
    main()
