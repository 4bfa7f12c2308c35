"""Publish the JSON Schema of `PlanResult` (the per-document result) into the repository.

    python -m pipeline.schema        # rewrites pipeline/plan_result.schema.json

A test fails when the published schema and the models drift apart.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.models import PlanResult

SCHEMA_PATH = Path(__file__).resolve().parent / "plan_result.schema.json"


def main() -> None:
    SCHEMA_PATH.write_text(
        json.dumps(PlanResult.model_json_schema(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {SCHEMA_PATH}")


if __name__ == "__main__":
    main()
