"""Plans for the audit tests: the corpus plans as the pipeline reads them, and small plans built by hand.

`corpus_results` runs the pipeline once per test process, so the engine and message tests share it;
`make_plan` is a commune plan implementing 02-KH/BCĐTW, with the fields a test pins replaced;
`many_plans` writes a folder of real plan files for a report at scale.
"""

from __future__ import annotations

import random
import re
import shutil
from functools import cache
from pathlib import Path

from pipeline.models import Metadata, PlanResult
from pipeline.process import process_file

ROOT = Path(__file__).resolve().parents[2]


@cache
def corpus_results() -> tuple[PlanResult, ...]:
    """The six .txt corpus plans, read without the NLP models (the audit needs none of their output)."""
    return tuple(process_file(p, nlp=False) for p in sorted((ROOT / "corpus" / "plans").glob("*.txt")))


def make_plan(**kw) -> PlanResult:
    """A commune plan of 1/9/2025 implementing 02-KH/BCĐTW, with `kw` replacing any field."""
    base = {
        "doc_id": "x",
        "format": "txt",
        "content_hash": "0",
        "pipeline_version": "test",
        "metadata": Metadata(
            number="1/KH-UBND", date="2025-09-01", issuer="Ủy ban nhân dân xã", implements=["02-KH/BCĐTW"]
        ),
    }
    base.update(kw)
    return PlanResult(**base)


def many_plans(folder: Path, count: int, seed: int = 14) -> Path:
    """`count` plan files in `folder`, for a report at scale: the corpus's plans in their three formats,
    and .txt variants of them up to `count` plans, each varied by a seeded draw as real plans differ:
    every percentage redrawn (so a directive target is carried, raised or lowered), and some target
    lines left out (so a target goes missing). They are real files for a real `kehoach run`."""
    folder.mkdir(parents=True, exist_ok=True)
    originals = sorted((ROOT / "corpus" / "plans").glob("*.*"))
    for path in originals:
        shutil.copyfile(path, folder / path.name)
    texts = sorted(p for p in originals if p.suffix == ".txt")
    draw = random.Random(seed)
    for n in range(count - len(texts)):
        source = texts[n % len(texts)]
        lines = []
        for line in source.read_text(encoding="utf-8").splitlines():
            if "%" in line and draw.random() < 0.2:
                continue
            lines.append(re.sub(r"\b\d{2,3}(?=%)", lambda _: str(draw.choice(PERCENTAGES)), line))
        (folder / f"{source.stem}_v{n + 1:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


PERCENTAGES = (30, 50, 60, 70, 80, 85, 90, 95, 100)
