"""benchmarks/agreement.py: a second labelling scored against the first by the project's scorer."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from agreement import agreement  # noqa: E402

DOC = "son-la_254-QD-UBND_2023"
GOLD = ROOT / "gold" / "real" / "dev" / f"{DOC}.json"


def test_identical_labellings_agree_fully(tmp_path: Path) -> None:
    shutil.copy(GOLD, tmp_path / GOLD.name)
    block = agreement(ROOT / "gold" / "real" / "dev", tmp_path).block(fmt="txt")
    assert block.kinds["bodies"].exact.f1 == 1.0
    assert block.kinds["citations"].exact.f1 == 1.0


def test_a_changed_role_is_a_disagreement_on_exact_not_on_detection(tmp_path: Path) -> None:
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    first = data["bodies"][0]
    first["role"] = "report_to" if first["role"] != "report_to" else "lead"
    (tmp_path / GOLD.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    bodies = agreement(ROOT / "gold" / "real" / "dev", tmp_path).block(fmt="txt").kinds["bodies"]
    assert bodies.detection.f1 == 1.0
    assert bodies.exact.f1 < 1.0
