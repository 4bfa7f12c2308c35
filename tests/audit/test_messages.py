"""The Vietnamese finding messages: the lexicon's contract with the engine, and the sentences themselves.

Three things can go wrong between `extractors/lexicon/audit_messages.json` and the engine: a code the
engine emits has no sentence, a sentence names a value it is never given, or the file is edited into
a shape the loader does not know. Each is caught here: statically (the engine's source is read for
the codes and template keys it uses) and at run time (the real corpus plans, plus small plans built
to reach the codes the corpus does not, audited and every message read).
"""

from __future__ import annotations

import ast
import json
import typing
from pathlib import Path

import pytest
import regex
from audit_plans import corpus_results, make_plan
from pydantic import ValidationError

import pipeline.audit.engine as engine
from pipeline.audit.engine import audit
from pipeline.audit.messages import KEYS, MESSAGES_PATH, load_messages, message, placeholders, vn_date, vn_figure
from pipeline.audit.models import CoverageStatus, Finding
from pipeline.models import Citation, DeadlineSpec, DocWarning, Metadata, PlanResult, Target, Task

ENGINE_TREE = ast.parse(Path(engine.__file__).read_text(encoding="utf-8"))
CODE = regex.compile(r"^(coverage|five_clear|lint)\.\w+$")
ENGLISH = regex.compile(r"\b(the|is|of|plan|task|lacks|against|below|median|by|due|cited|no|same)\b", regex.I)


def _engine_codes() -> set[str]:
    """Every finding code engine.py can emit: its code literals, and its f-string codes expanded over
    the values they are built from (coverage statuses, the 5 rõ table)."""
    codes = {
        node.value
        for node in ast.walk(ENGINE_TREE)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.match(node.value)
    }
    statuses = set(typing.get_args(CoverageStatus)) - {"not_applicable"}
    codes |= {f"coverage.{s}" for s in statuses}
    codes |= {f"five_clear.{code}" for code, _ in engine._FIVE_CLEAR_CODE.values()}
    return codes


def _message_calls() -> list[ast.expr]:
    """The first argument of every `message(...)` call in engine.py."""
    return [
        node.args[0]
        for node in ast.walk(ENGINE_TREE)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "message" and node.args
    ]


def _has_key(code: str) -> bool:
    return any(key == code or key.startswith(code + "/") for key in load_messages())


# -- the lexicon and the engine agree ----------------------------------------------------------------


def test_every_code_the_engine_emits_has_a_template() -> None:
    codes = _engine_codes()
    assert {"coverage.missing", "five_clear.no_output", "lint.citation_date_conflict"} <= codes  # the scan works
    assert [c for c in sorted(codes) if not _has_key(c)] == []


def test_every_finding_template_is_for_a_code_the_engine_emits() -> None:
    codes = _engine_codes()
    orphans = [k for k in load_messages() if not k.startswith("part/") and k.split("/")[0] not in codes]
    assert orphans == []


def _names_a_key(arg: ast.expr) -> bool:
    """A literal key, an f-string whose fixed start begins a key, or a choice between two of these."""
    if isinstance(arg, ast.Constant):
        return arg.value in KEYS
    if isinstance(arg, ast.JoinedStr):
        prefix = arg.values[0].value if isinstance(arg.values[0], ast.Constant) else ""
        return bool(prefix) and any(k.startswith(prefix) for k in KEYS)
    if isinstance(arg, ast.IfExp):
        return _names_a_key(arg.body) and _names_a_key(arg.orelse)
    return False


def test_every_key_the_engine_names_exists() -> None:
    calls = _message_calls()
    assert len(calls) > 20
    assert [ast.unparse(arg) for arg in calls if not _names_a_key(arg)] == []


def test_every_template_has_its_placeholders_filled() -> None:
    templates = load_messages()
    assert set(templates) == set(KEYS)
    for key, names in KEYS.items():
        assert placeholders(templates[key]) <= set(names), key
        values = {name: f"«{name}»" for name in names}
        text = message(key, **values)
        assert "{" not in text and "}" not in text, (key, text)
        for name in placeholders(templates[key]):
            assert f"«{name}»" in text, (key, name)


def test_a_value_missing_or_extra_is_refused() -> None:
    with pytest.raises(ValueError, match="task"):
        message("five_clear.no_output")
    with pytest.raises(ValueError, match="extra"):
        message("five_clear.no_tasks", extra=1)
    with pytest.raises(KeyError):
        message("five_clear.no_such_code")


# -- the loader is strict ----------------------------------------------------------------------------


def _write(tmp_path: Path, edit) -> Path:
    data = json.loads(MESSAGES_PATH.read_text(encoding="utf-8"))
    edit(data["templates"])
    path = tmp_path / "audit_messages.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_missing_template_fails_at_load(tmp_path: Path) -> None:
    path = _write(tmp_path, lambda t: t.pop("five_clear.no_output"))
    with pytest.raises(ValidationError, match=regex.escape("five_clear.no_output")):
        load_messages(path)


def test_an_unknown_key_fails_at_load(tmp_path: Path) -> None:
    path = _write(tmp_path, lambda t: t.update({"lint.no_such_lint": "Câu thừa."}))
    with pytest.raises(ValidationError, match=regex.escape("lint.no_such_lint")):
        load_messages(path)


def test_a_placeholder_never_given_fails_at_load(tmp_path: Path) -> None:
    path = _write(tmp_path, lambda t: t.update({"five_clear.no_output": "{task} chưa rõ {output}."}))
    with pytest.raises(ValidationError, match="output"):
        load_messages(path)


def test_an_empty_finding_sentence_fails_at_load(tmp_path: Path) -> None:
    path = _write(tmp_path, lambda t: t.update({"lint.impossible_date": ""}))
    with pytest.raises(ValidationError, match=regex.escape("lint.impossible_date")):
        load_messages(path)


def test_values_are_written_the_vietnamese_way() -> None:
    assert [vn_date(d) for d in ("2025-12-31", "2025-10", "2030", None)] == ["31/12/2025", "10/2025", "2030", ""]
    assert [vn_figure(v, u) for v, u in ((80.0, "%"), (95.5, "%"), (2, "mô hình"), (None, "%"))] == [
        "80%",
        "95,5%",
        "2 mô hình",
        "?",
    ]


# -- the sentences an auditor reads ------------------------------------------------------------------


def _built_plans() -> list[PlanResult]:
    """Plans that reach what the corpus does not: deadline lints, a registry mismatch, a superseded
    basis, a task with nothing, a plan implementing nothing known or nothing at all."""
    late = Task(
        quote="Bảo đảm 100% kết quả điện tử cho thủ tục hành chính",
        lead=["Ủy ban nhân dân xã"],
        deadline=[DeadlineSpec(kind="period", start="2026-01-01", end="2026-12-31")],
    )
    old = Task(
        quote="Cập nhật dữ liệu dân cư", lead=["Công an xã"], deadline=[DeadlineSpec(kind="by_date", end="2025-03-31")]
    )
    cites = [
        Citation(quote="Nghị quyết số 03/NQ-CP", doc_type="nghi_quyet", number="03/NQ-CP", relation="basis"),
        Citation(
            quote="Nghị quyết số 57-NQ/TW ngày 22/12/2025 của Ban Bí thư",
            doc_type="ke_hoach",
            number="57-NQ/TW",
            date="2025-12-22",
            issuer="Ban Bí thư",
            relation="basis",
            span=(10, 60),
        ),
    ]
    warnings = [
        DocWarning(code=code, message="(the extractor's words)", span=(10, 60))
        for code in ("citation_date_mismatch", "citation_issuer_mismatch", "citation_type_mismatch")
    ] + [
        DocWarning(code="citation_date_conflict", message="(no record at this span)", span=(1, 2)),
        DocWarning(code="impossible_date", message="(the extractor's words)", span=(70, 80)),
        DocWarning.of("heading_skipped", marker="3.", previous=1),
    ]
    earlier = Target(
        quote="100% kết quả giải quyết thủ tục hành chính được trả bản điện tử trước 30/9/2025",
        indicator="kết quả giải quyết thủ tục hành chính được trả bản điện tử",
        value=100,
        unit="%",
        by="2025-09-30",
    )
    return [
        make_plan(tasks=[late, old, Task(quote=" ")], citations=cites, warnings=warnings, targets=[earlier]),
        make_plan(doc_id="y", metadata=Metadata(issuer="Ủy ban nhân dân xã", implements=["156/KH-UBND"])),
        make_plan(doc_id="z", metadata=Metadata(issuer="Ủy ban nhân dân xã")),
    ]


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    report = audit([*corpus_results(), *_built_plans()])
    return [f for p in report.plans for f in p.findings]


def test_every_message_is_a_filled_vietnamese_sentence(findings: list[Finding]) -> None:
    for f in findings:
        assert "{" not in f.message and "}" not in f.message, f.message
        assert f.message[0].isupper() and f.message.endswith("."), f.message
        assert not ENGLISH.search(regex.sub(r"--\w+", "", f.message)), f.message  # a command option is not prose
        assert regex.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", f.message.lower()), f.message


def test_the_run_reaches_every_code(findings: list[Finding]) -> None:
    """So the test above reads a sentence of every code, not a few."""
    reached = {f.code for f in findings}
    assert _engine_codes() - reached == set()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "coverage.missing",
            "Kế hoạch chưa đặt chỉ tiêu tương ứng với chỉ tiêu “thủ tục hành chính đủ điều kiện được cung cấp "
            "dịch vụ công trực tuyến tập trung trên Cổng Dịch vụ công quốc gia” của Kế hoạch 02-KH/BCĐTW "
            "(100% đến 31/12/2025).",
        ),
        (
            "lint.citation_date_conflict",
            "Văn bản 22-KH/TU được dẫn với hai ngày ban hành khác nhau: 10/01/2025 và 10/01/2026.",
        ),
        (
            "lint.superseded_citation",
            "Văn bản 03/NQ-CP được viện dẫn làm căn cứ, nhưng đã được thay thế bởi văn bản 71/NQ-CP "
            "từ ngày 01/04/2025.",
        ),
        (
            "lint.citation_registry_mismatch",
            "Văn bản 57-NQ/TW được dẫn là kế hoạch, trong khi danh mục văn bản ghi là nghị quyết.",
        ),
        (
            "lint.deadline_before_plan",
            "Nhiệm vụ 2 có thời hạn 31/03/2025, trước cả ngày ban hành kế hoạch (01/09/2025).",
        ),
        ("five_clear.no_lead", "Nhiệm vụ 3 chưa rõ trách nhiệm: không nêu cơ quan chủ trì."),
        (
            "coverage.strengthened",
            "Kế hoạch đặt chỉ tiêu “kết quả giải quyết thủ tục hành chính được trả bản điện tử (100% kết quả điện tử)” "
            "cao hơn yêu cầu của Kế hoạch 02-KH/BCĐTW: thời hạn sớm hơn (30/09/2025 so với 31/12/2025).",
        ),
        (
            "coverage.no_profile",
            "Chưa có hồ sơ chỉ tiêu của văn bản mà kế hoạch triển khai (156/KH-UBND) nên chưa đối chiếu được",
        ),
    ],
)
def test_sentences_say_what_was_found(findings: list[Finding], code: str, expected: str) -> None:
    said = [f.message for f in findings if f.code == code]
    assert any(m.startswith(expected) for m in said), said[:5]


def test_a_task_names_its_group_or_numbered_section(findings: list[Finding]) -> None:
    said = {f.message for f in findings if f.code == "five_clear.no_output"}
    assert "Nhiệm vụ 1 (mục III) chưa rõ sản phẩm đầu ra." in said
    assert any(regex.match(r"Nhiệm vụ \d+ \([^)]*[a-zđ][^)]*\) chưa rõ", m) for m in said)  # a named group
