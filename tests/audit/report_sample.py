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


def _coverage(doc_id: str, source_file: str, target_id: str, status: str, message: str, quotes: list[Quote]) -> Finding:
    severity = {"missing": "problem", "weakened": "warning"}.get(status, "info")
    return Finding(
        doc_id=doc_id,
        source_file=source_file,
        kind="coverage",
        code=f"coverage.{status}",
        severity=severity,
        message=message,
        directive=DIRECTIVE,
        target_id=target_id,
        status=status,
        evidence=quotes,
    )


def _tan_phong() -> PlanAudit:
    doc, src = "tan-phong_45-KH-UBND_2025", "corpus/plans/tan-phong_45-KH-UBND_2025.txt"
    line51 = SourceLocation(line=51)
    return PlanAudit(
        doc_id=doc,
        source_file=src,
        title="Triển khai thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương "
        "về thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả trên địa bàn phường Tân Phong",
        directives=[DIRECTIVE],
        five_clear={"tasks": 10, "viec": 10, "trach_nhiem": 10, "san_pham": 9, "thoi_han": 10, "hieu_qua": 4},
        findings=[
            _coverage(
                doc,
                src,
                "02.tthc_online_portal",
                "carried",
                "Chỉ tiêu 100% thủ tục trực tuyến toàn trình được giữ nguyên.",
                [
                    Quote(
                        text="100% thủ tục hành chính đủ điều kiện được cung cấp dưới hình thức dịch vụ công trực "
                        "tuyến toàn trình trên Cổng Dịch vụ công quốc gia",
                        section="II.1.1.a",
                        source=line51,
                        span=(2426, 2558),
                    )
                ],
            ),
            _coverage(
                doc,
                src,
                "02.dossiers_fully_online",
                "weakened",
                "Kế hoạch đặt 60% hồ sơ xử lý hoàn toàn trực tuyến, thấp hơn mức 80% của 02-KH/BCĐTW.",
                [
                    Quote(
                        text="tỷ lệ hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến đạt từ 60% trở lên",
                        section="II.1.1.a",
                        source=line51,
                    ),
                    Quote(
                        text="Hồ sơ được xử lý hoàn toàn trực tuyến: tối thiểu 80% (đến 31/12/2025)",
                        section="02-KH/BCĐTW",
                    ),
                ],
            ),
            _coverage(
                doc,
                src,
                "02.electronic_results",
                "carried",
                "100% kết quả giải quyết trả bản điện tử: giữ nguyên.",
                [
                    Quote(
                        text="100% kết quả giải quyết thủ tục hành chính được số hóa và trả bản điện tử",
                        section="II.1.1.a",
                        source=line51,
                    )
                ],
            ),
            _coverage(
                doc,
                src,
                "02.priority_groups",
                "missing",
                "Không thấy chỉ tiêu 82 nhóm thủ tục hành chính ưu tiên của 02-KH/BCĐTW trong kế hoạch.",
                [],
            ),
            Finding(
                doc_id=doc,
                source_file=src,
                kind="five_clear",
                code="five_clear.no_output",
                severity="warning",
                message="Nhiệm vụ chưa rõ sản phẩm: không nêu kết quả/sản phẩm đầu ra.",
                evidence=[
                    Quote(
                        text="Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến, thanh "
                        "toán không dùng tiền mặt",
                        section="III",
                        source=SourceLocation(line=78, table=0, row=8, column=1),
                    )
                ],
            ),
        ],
    )


def _phin_ho() -> PlanAudit:
    doc, src = "phin-ho_KH-UBND_2025", "corpus/plans/phin-ho_KH-UBND_2025.docx"
    return PlanAudit(
        doc_id=doc,
        source_file=src,
        title="Kế hoạch chuyển đổi số xã Phìn Hồ năm 2025–2026",
        directives=[DIRECTIVE],
        five_clear={"tasks": 7, "viec": 7, "trach_nhiem": 7, "san_pham": 0, "thoi_han": 5, "hieu_qua": 2},
        findings=[
            _coverage(
                doc,
                src,
                "02.dossiers_fully_online",
                "weakened",
                "Tối thiểu 50% hồ sơ trực tuyến, đến hết năm 2026: thấp hơn và muộn hơn 02-KH/BCĐTW (80%, 2025).",
                [
                    Quote(
                        text="Tối thiểu 50% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến",
                        section="II",
                        source=SourceLocation(paragraph=30),
                    )
                ],
            ),
            _coverage(
                doc, src, "02.tthc_online_portal", "missing", "Không có chỉ tiêu thủ tục trực tuyến toàn trình.", []
            ),
            Finding(
                doc_id=doc,
                source_file=src,
                kind="lint",
                code="lint.blank_number",
                severity="problem",
                message="Số hiệu kế hoạch để trống trong phần đầu: “Số:    /KH-UBND”.",
                evidence=[Quote(text="Số:    /KH-UBND", section=None, source=SourceLocation(paragraph=2))],
            ),
            Finding(
                doc_id=doc,
                source_file=src,
                kind="lint",
                code="lint.blank_date",
                severity="problem",
                message="Ngày ban hành để trống: “ngày    tháng 10 năm 2025”.",
                evidence=[Quote(text="Phìn Hồ, ngày    tháng 10 năm 2025", source=SourceLocation(paragraph=3))],
            ),
            Finding(
                doc_id=doc,
                source_file=src,
                kind="five_clear",
                code="five_clear.no_output",
                severity="warning",
                message="7/7 nhiệm vụ chưa rõ sản phẩm.",
                evidence=[
                    Quote(
                        text="Kiện toàn Tổ công nghệ số cộng đồng ở các thôn; bổ sung thành viên là đoàn "
                        "viên thanh niên",
                        section="III",
                        source=SourceLocation(paragraph=41, table=0, row=1, column=1),
                    )
                ],
            ),
        ],
    )


def _xuan_hung() -> PlanAudit:
    doc, src = "xuan-hung_KH-02_2025", "corpus/plans/xuan-hung_KH-02_2025.pdf"
    return PlanAudit(
        doc_id=doc,
        source_file=src,
        title="Thực hiện Kế hoạch số 02-KH/BCĐTW trên địa bàn xã Xuân Hưng",
        directives=[DIRECTIVE],
        five_clear={"tasks": 0, "viec": 0, "trach_nhiem": 0, "san_pham": 0, "thoi_han": 0, "hieu_qua": 0},
        findings=[
            _coverage(
                doc,
                src,
                "02.priority_groups",
                "carried",
                "82 nhóm thủ tục hành chính: giữ nguyên.",
                [
                    Quote(
                        text="Bảo đảm cung cấp dịch vụ công trực tuyến toàn trình đối với 82 nhóm thủ tục hành chính",
                        section="II.2",
                        source=SourceLocation(page=2),
                    )
                ],
            ),
            _coverage(
                doc,
                src,
                "02.electronic_results",
                "carried",
                "100% kết quả điện tử: giữ nguyên.",
                [
                    Quote(
                        text="đáp ứng yêu cầu cung cấp 100% kết quả điện tử và tái sử dụng thông tin, dữ liệu",
                        section="II.2",
                        source=SourceLocation(page=2),
                    )
                ],
            ),
            _coverage(
                doc,
                src,
                "02.dossiers_fully_online",
                "strengthened",
                "Hồ sơ trực tuyến toàn trình 90%: cao hơn mức 80% của 02-KH/BCĐTW.",
                [
                    Quote(
                        text="tỷ lệ hồ sơ trực tuyến toàn trình đạt 90%", section="II.2", source=SourceLocation(page=3)
                    )
                ],
            ),
            Finding(
                doc_id=doc,
                source_file=src,
                kind="lint",
                code="lint.superseded_citation",
                severity="warning",
                message="Viện dẫn Nghị quyết 03/NQ-CP như còn hiệu lực, trong khi đã được thay bởi 71/NQ-CP.",
                evidence=[
                    Quote(
                        text="Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ",
                        section="I",
                        source=SourceLocation(page=1),
                    )
                ],
            ),
            Finding(
                doc_id=doc,
                source_file=src,
                kind="five_clear",
                code="five_clear.no_tasks",
                severity="info",
                message="Không nhận ra bảng nhiệm vụ nào để kiểm tra 5 rõ.",
                evidence=[],
            ),
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
