"""A realistic AuditReport built from the models, for the report tests (HTML, CSV, JSON, browser).

The quotes, sections and places are copied from the corpus plans (tan-phong, phin-ho, xuan-hung
implementing 02-KH/BCĐTW), so the renderer is tested on real Vietnamese text with its real
evidence shapes: a plain line of a .txt, a table cell, a .docx paragraph, a PDF page.
"""

from __future__ import annotations

from pipeline.audit.models import AuditReport, Finding, MatrixCell, PeerMatrix, PlanAudit, Quote
from pipeline.models import SourceLocation

DIRECTIVE = "02-KH/BCĐTW"
TARGETS = [
    {"id": "02.tthc_online_portal", "indicator": "thủ tục hành chính đủ điều kiện cung cấp trực tuyến toàn trình",
     "value": 100.0, "unit": "%", "comparator": "=", "by": "2025-12-31"},
    {"id": "02.dossiers_fully_online", "indicator": "hồ sơ được xử lý hoàn toàn trực tuyến",
     "value": 80.0, "unit": "%", "comparator": ">=", "by": "2025-12-31"},
    {"id": "02.electronic_results", "indicator": "kết quả giải quyết thủ tục hành chính trả bản điện tử",
     "value": 100.0, "unit": "%", "comparator": "=", "by": "2025-12-31"},
    {"id": "02.priority_groups", "indicator": "nhóm thủ tục hành chính ưu tiên trực tuyến toàn trình",
     "value": 82.0, "unit": "nhóm", "comparator": "=", "by": "2025-12-31"},
]  # fmt: skip


_COVERAGE_SEVERITY = {"missing": "problem", "weakened": "warning"}


def _quote(text: str, section: str | None = None, span: tuple[int, int] | None = None, **place: int) -> Quote:
    """A piece of evidence; `place` is its SourceLocation (line=51, paragraph=30, page=2, table_no=1 …)."""
    return Quote(text=text, section=section, source=SourceLocation(**place) if place else None, span=span)


def _plan(doc: str, src: str, title: str, five_clear: tuple[int, ...], findings: list[tuple]) -> PlanAudit:
    """One plan's audit. `five_clear`: tasks, then the counts of viec, trach_nhiem, san_pham, thoi_han,
    hieu_qua. Each finding is (code, severity, message, quotes) for a lint or 5 rõ finding, or
    (target id, status, message, quotes) for coverage (its code, severity and directive derived)."""
    built: list[Finding] = []
    for first, second, message, quotes in findings:
        if first.startswith(("lint.", "five_clear.")):
            kind, extra = first.split(".")[0], {"code": first, "severity": second}
        else:
            severity = _COVERAGE_SEVERITY.get(second, "info")
            kind = "coverage"
            extra = {"code": f"coverage.{second}", "severity": severity, "directive": DIRECTIVE}
            extra |= {"target_id": first, "status": second}
        built.append(Finding(doc_id=doc, source_file=src, kind=kind, message=message, evidence=quotes, **extra))
    counts = dict(zip(("tasks", "viec", "trach_nhiem", "san_pham", "thoi_han", "hieu_qua"), five_clear, strict=True))
    return PlanAudit(
        doc_id=doc, source_file=src, title=title, directives=[DIRECTIVE], five_clear=counts, findings=built
    )


def _tan_phong() -> PlanAudit:
    return _plan(
        "tan-phong_45-KH-UBND_2025",
        "corpus/plans/tan-phong_45-KH-UBND_2025.txt",
        "Triển khai thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương "
        "về thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả trên địa bàn phường Tân Phong",
        (10, 10, 10, 9, 10, 4),
        [
            (
                "02.tthc_online_portal",
                "carried",
                "Chỉ tiêu 100% thủ tục trực tuyến toàn trình được giữ nguyên.",
                [
                    _quote(
                        "100% thủ tục hành chính đủ điều kiện được cung cấp dưới hình thức dịch vụ công trực "
                        "tuyến toàn trình trên Cổng Dịch vụ công quốc gia",
                        "II.1.1.a",
                        span=(2426, 2558),
                        line=51,
                    )
                ],
            ),
            (
                "02.dossiers_fully_online",
                "weakened",
                "Kế hoạch đặt 60% hồ sơ xử lý hoàn toàn trực tuyến, thấp hơn mức 80% của 02-KH/BCĐTW.",
                [
                    _quote(
                        "tỷ lệ hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến đạt từ 60% trở lên",
                        "II.1.1.a",
                        line=51,
                    ),
                    _quote("Hồ sơ được xử lý hoàn toàn trực tuyến: tối thiểu 80% (đến 31/12/2025)", DIRECTIVE),
                ],
            ),
            (
                "02.electronic_results",
                "carried",
                "100% kết quả giải quyết trả bản điện tử: giữ nguyên.",
                [
                    _quote(
                        "100% kết quả giải quyết thủ tục hành chính được số hóa và trả bản điện tử", "II.1.1.a", line=51
                    )
                ],
            ),
            (
                "02.priority_groups",
                "missing",
                "Không thấy chỉ tiêu 82 nhóm thủ tục hành chính ưu tiên của 02-KH/BCĐTW trong kế hoạch.",
                [],
            ),
            (
                "five_clear.no_output",
                "warning",
                "Nhiệm vụ chưa rõ sản phẩm: không nêu kết quả/sản phẩm đầu ra.",
                [
                    _quote(
                        "Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến, thanh "
                        "toán không dùng tiền mặt",
                        "III",
                        line=78,
                        table_no=1,
                        row_no=9,
                        column_no=2,
                    )
                ],
            ),
        ],
    )


def _phin_ho() -> PlanAudit:
    return _plan(
        "phin-ho_KH-UBND_2025",
        "corpus/plans/phin-ho_KH-UBND_2025.docx",
        "Kế hoạch chuyển đổi số xã Phìn Hồ năm 2025–2026",
        (7, 7, 7, 0, 5, 2),
        [
            (
                "02.dossiers_fully_online",
                "weakened",
                "Tối thiểu 50% hồ sơ trực tuyến, đến hết năm 2026: thấp hơn và muộn hơn 02-KH/BCĐTW (80%, 2025).",
                [
                    _quote(
                        "Tối thiểu 50% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến",
                        "II",
                        paragraph=30,
                    )
                ],
            ),
            ("02.tthc_online_portal", "missing", "Không có chỉ tiêu thủ tục trực tuyến toàn trình.", []),
            (
                "lint.blank_number",
                "problem",
                "Số hiệu kế hoạch để trống trong phần đầu: “Số:    /KH-UBND”.",
                [_quote("Số:    /KH-UBND", paragraph=2)],
            ),
            (
                "lint.blank_date",
                "problem",
                "Ngày ban hành để trống: “ngày    tháng 10 năm 2025”.",
                [_quote("Phìn Hồ, ngày    tháng 10 năm 2025", paragraph=3)],
            ),
            (
                "five_clear.no_output",
                "warning",
                "7/7 nhiệm vụ chưa rõ sản phẩm.",
                [
                    _quote(
                        "Kiện toàn Tổ công nghệ số cộng đồng ở các thôn; bổ sung thành viên là đoàn viên thanh niên",
                        "III",
                        paragraph=41,
                        table_no=1,
                        row_no=2,
                        column_no=2,
                    )
                ],
            ),
        ],
    )


def _xuan_hung() -> PlanAudit:
    return _plan(
        "xuan-hung_KH-02_2025",
        "corpus/plans/xuan-hung_KH-02_2025.pdf",
        "Thực hiện Kế hoạch số 02-KH/BCĐTW trên địa bàn xã Xuân Hưng",
        (0, 0, 0, 0, 0, 0),
        [
            (
                "02.priority_groups",
                "carried",
                "82 nhóm thủ tục hành chính: giữ nguyên.",
                [
                    _quote(
                        "Bảo đảm cung cấp dịch vụ công trực tuyến toàn trình đối với 82 nhóm thủ tục hành chính",
                        "II.2",
                        page=2,
                    )
                ],
            ),
            (
                "02.electronic_results",
                "carried",
                "100% kết quả điện tử: giữ nguyên.",
                [
                    _quote(
                        "đáp ứng yêu cầu cung cấp 100% kết quả điện tử và tái sử dụng thông tin, dữ liệu",
                        "II.2",
                        page=2,
                    )
                ],
            ),
            (
                "02.dossiers_fully_online",
                "strengthened",
                "Hồ sơ trực tuyến toàn trình 90%: cao hơn mức 80% của 02-KH/BCĐTW.",
                [_quote("tỷ lệ hồ sơ trực tuyến toàn trình đạt 90%", "II.2", page=3)],
            ),
            (
                "lint.superseded_citation",
                "warning",
                "Viện dẫn Nghị quyết 03/NQ-CP như còn hiệu lực, trong khi đã được thay bởi 71/NQ-CP.",
                [_quote("Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ", "I", page=1)],
            ),
            ("five_clear.no_tasks", "info", "Không nhận ra bảng nhiệm vụ nào để kiểm tra 5 rõ.", []),
        ],
    )


def _matrix() -> PeerMatrix:
    def cell(status: str, value: float | None = None, by: str | None = None, outlier: bool = False) -> MatrixCell:
        return MatrixCell(status=status, value=value, by=by, outlier=outlier)

    return PeerMatrix(
        directive=DIRECTIVE,
        targets=TARGETS,
        plans=["tan-phong_45-KH-UBND_2025", "phin-ho_KH-UBND_2025", "xuan-hung_KH-02_2025"],
        cells={
            "tan-phong_45-KH-UBND_2025": {
                "02.tthc_online_portal": cell("carried", 100, "2025-12-31"),
                "02.dossiers_fully_online": cell("weakened", 60, "2025-12-31"),
                "02.electronic_results": cell("carried", 100, "2025-12-31"),
                "02.priority_groups": cell("missing"),
            },
            "phin-ho_KH-UBND_2025": {
                "02.tthc_online_portal": cell("missing"),
                "02.dossiers_fully_online": cell("weakened", 50, "2026-12-31", outlier=True),
                "02.electronic_results": cell("missing"),
                "02.priority_groups": cell("not_applicable"),
            },
            "xuan-hung_KH-02_2025": {
                "02.tthc_online_portal": cell("missing"),
                "02.dossiers_fully_online": cell("strengthened", 90, "2025-12-31"),
                "02.electronic_results": cell("carried", 100, "2025-12-31"),
                "02.priority_groups": cell("carried", 82, "2025-12-31"),
            },
        },
    )


def sample_report() -> AuditReport:
    return AuditReport(
        plans=[_tan_phong(), _phin_ho(), _xuan_hung()],
        matrices=[_matrix()],
        errors=[
            {"path": "corpus/plans/scan.pdf", "code": "image_only_pdf", "message": "PDF chỉ có ảnh, không có lớp chữ"}
        ],
    )
