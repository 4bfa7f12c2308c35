"""Draw the held-out part of corpus/real/ by a seeded random draw, before any rule is written against it.

Why a script: the draw must be reproducible (anyone can rerun it and get the same split from
catalog.json and the seed) and it must be made by chance, not by someone who has read the documents.
It reads only the catalogue (doc_id, extent), never a text.

The draw is stratified by extent, because full texts (targets, assignments, tasks) and openings (header,
title, Căn cứ lines) measure different things: from each stratum, sorted by doc_id, it takes
`HELDOUT_SHARE` of the documents at random, at least `MIN_HELDOUT_FULL` full texts and at least
`MIN_HELDOUT_TOTAL` documents in all. Then it moves the files into `dev/` and `heldout/` (git mv where
the tree is a git checkout) and writes `split.json`.

Run once: ``python corpus/real/split.py``; it refuses to run again once `split.json` exists.

Rounds: once a held-out part has been measured it is spent (its first measurement is the one that counts),
so new documents come in rounds. A collector puts a round's files in `incoming/` with catalogue fragments
`incoming/catalog-*.json`; ``python corpus/real/split.py --round 2`` draws that round's held-out part with the
round's own seed into `heldout2/` and adds the rest to `dev/`, merges the fragments into catalog.json (each
entry's `part` and `file` updated) and writes `split2.json`. Earlier rounds are never redrawn.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261205
HELDOUT_SHARE = 0.3
MIN_HELDOUT_FULL = 4
MIN_HELDOUT_TOTAL = 14
# Round 2 (2026-12-06): a larger share held out, since its first measurement is what issue 12's bars are read on.
ROUNDS = {
    2: {"seed": 20261206, "share": 0.4, "heldout_dir": "heldout2"},
    # Round 3 (2026-12-06, session 3): the next held-out part, kept for the measurement after round 2's.
    3: {"seed": 20261207, "share": 0.4, "heldout_dir": "heldout3"},
    # Round 4 (2026-12-06, session 5): seed fixed before the round's second collection was finished or read.
    4: {"seed": 20261208, "share": 0.4, "heldout_dir": "heldout4"},
    # Round 5 (2026-12-06, session 5): measures this session's rules on text collected after they were written.
    5: {"seed": 20261209, "share": 0.5, "heldout_dir": "heldout5"},
    # Round 6 (2026-12-07, session 6): seed fixed before collection; measures session 6's rules.
    6: {"seed": 20261210, "share": 0.5, "heldout_dir": "heldout6"},
    # Round 7 (2026-12-07, session 7): seed fixed before collection; measures session 7's rules.
    7: {"seed": 20261211, "share": 0.5, "heldout_dir": "heldout7"},
}
INCOMING = HERE / "incoming"


def draw(catalog: list[dict], seed: int = SEED, share: float = HELDOUT_SHARE) -> dict[str, list[str]]:
    """The held-out and development doc_ids: a seeded draw within each extent, sorted."""
    rng = random.Random(seed)
    full = sorted(d["doc_id"] for d in catalog if d["extent"] == "full")
    openings = sorted(d["doc_id"] for d in catalog if d["extent"] != "full")
    n_full = max(MIN_HELDOUT_FULL, round(share * len(full)))
    n_open = max(MIN_HELDOUT_TOTAL - n_full, round(share * len(openings)))
    if n_full > len(full) or n_open > len(openings):
        raise SystemExit(f"too few documents to draw {n_full} full texts and {n_open} openings")
    heldout = sorted(rng.sample(full, n_full) + rng.sample(openings, n_open))
    dev = sorted(d for d in full + openings if d not in heldout)
    return {"seed": seed, "heldout": heldout, "dev": dev}


def _move(src: Path, dst: Path) -> None:
    dst.parent.mkdir(exist_ok=True)
    done = subprocess.run(["git", "mv", str(src), str(dst)], cwd=HERE, capture_output=True)
    if done.returncode != 0:
        shutil.move(src, dst)


def draw_round(number: int, dry_run: bool) -> int:
    """Split round `number`'s incoming documents (see the module's docstring); once per round."""
    settings = ROUNDS[number]
    record = HERE / f"split{number}.json"
    if record.exists() and not dry_run:
        print(f"{record.name} exists: round {number} is drawn once; see SPLIT.md", file=sys.stderr)
        return 2
    incoming = [entry for path in sorted(INCOMING.glob("catalog-*.json")) for entry in _load(path)]
    known = {d["doc_id"] for d in _load(HERE / "catalog.json")}
    if repeated := sorted(d["doc_id"] for d in incoming if d["doc_id"] in known):
        raise SystemExit(f"already in catalog.json: {', '.join(repeated)}")
    split = draw(incoming, settings["seed"], settings["share"])
    print(json.dumps({k: len(v) if isinstance(v, list) else v for k, v in split.items()}))
    if dry_run:
        return 0
    parts = {doc_id: part for part in ("heldout", "dev") for doc_id in split[part]}
    catalog = _load(HERE / "catalog.json")
    for entry in incoming:
        folder = settings["heldout_dir"] if parts[entry["doc_id"]] == "heldout" else "dev"
        name = Path(entry["file"]).name
        _move(INCOMING / name, HERE / folder / name)
        entry.update(file=f"corpus/real/{folder}/{name}", part=folder, round=number)
        catalog.append(entry)
    _dump(HERE / "catalog.json", catalog)
    _dump(record, {"round": number, **split, "heldout_dir": settings["heldout_dir"]})
    return 0


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print the draw, move nothing")
    parser.add_argument("--round", type=int, choices=sorted(ROUNDS), help="draw a later round from incoming/")
    args = parser.parse_args(argv)
    if args.round:
        return draw_round(args.round, args.dry_run)
    if (HERE / "split.json").exists() and not args.dry_run:
        print("split.json exists: the split is made once; see SPLIT.md", file=sys.stderr)
        return 2
    catalog = json.loads((HERE / "catalog.json").read_text(encoding="utf-8"))
    split = draw(catalog)
    print(json.dumps(split, indent=1))
    if args.dry_run:
        return 0
    files = {d["doc_id"]: d["file"] for d in catalog}
    for part in ("dev", "heldout"):
        for doc_id in split[part]:
            name = Path(files[doc_id]).name
            _move(HERE / name, HERE / part / name)
    (HERE / "split.json").write_text(json.dumps(split, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
