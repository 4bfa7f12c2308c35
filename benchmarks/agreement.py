"""How far two readers agree: one gold folder scored against a second, blind labelling of the same documents.

Issue 12's bars are exact F1 against one labeller's gold. Where two careful readers of the same text, following
the same guidelines, agree less than a bar asks, the bar measures the guidelines as much as the extractors, and the
disagreements are the cases the guidelines must decide. This prints `kehoach score`'s own table with the first
folder as gold and the second as the "prediction" (F1 is symmetric; precision and recall swap with the order), by
the project's scorer (`score_document`, the pairing `kehoach score` uses), over the documents both folders hold:

    python benchmarks/agreement.py gold/real/dev gold/real/iaa [--details]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.scoring import ScoreReport, load_gold, load_texts, score_document  # noqa: E402
from pipeline.scoring_report import render_text  # noqa: E402
from pipeline.textmatch import fold_document_text  # noqa: E402


def agreement(first_dir: Path, second_dir: Path) -> ScoreReport:
    """The second folder's records scored as predictions against the first's, on the documents both hold."""
    first, second = load_gold(first_dir), load_gold(second_dir)
    shared = sorted(set(first) & set(second))
    if not shared:
        raise SystemExit(f"agreement: {first_dir} and {second_dir} hold no document in common")
    texts = load_texts({d: first[d] for d in shared}, first_dir)
    documents = {
        (doc_id, "txt"): score_document(
            first[doc_id], second[doc_id], "txt", fold_document_text(texts[doc_id]) if doc_id in texts else None
        )
        for doc_id in shared
    }
    return ScoreReport(documents, ["txt"], shared)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, help="gold folder read as the reference")
    parser.add_argument("second", type=Path, help="a second labelling of some of the same documents")
    parser.add_argument("--details", action="store_true", help="list every disagreement per document")
    args = parser.parse_args(argv)
    print(render_text(agreement(args.first, args.second), details=args.details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
