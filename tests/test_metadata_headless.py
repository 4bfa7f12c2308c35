"""A copy that lost its whole header still says what it is by how its text opens (extractors/metadata.py
`_headless_type`): a letter by its salutation, a portal page by the title it opens on."""

from __future__ import annotations

import pytest
from test_metadata import metadata_of


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        # a letter copied from its salutation, the two words split by a PDF's columns
        (
            "Kính\ngửi:\n- Các sở, ban, ngành tỉnh;\n\n"
            "Sở Nội vụ đề nghị các đơn vị gửi báo cáo về cải cách hành chính.\n",
            "cong_van",
        ),
        (
            "Kính gửi: Ủy ban nhân dân các xã\n\nĐể chuẩn bị hội nghị sơ kết, đề nghị các xã rà soát số liệu.\n",
            "cong_van",
        ),
        # a portal page that opens on the document's own title, in running case
        (
            "Nghị quyết Hội nghị Ban Chấp hành Đảng bộ huyện về phát triển du lịch\n\n"
            "Hội nghị đã thống nhất các mục tiêu sau.\n",
            "nghi_quyet",
        ),
        (
            "Kế hoạch phòng chống thiên tai trên địa bàn xã năm 2027\n\n"
            "Nhằm chủ động ứng phó với bão lũ, xã đề ra các việc sau.\n",
            "ke_hoach",
        ),
    ],
)
def test_a_headerless_copy_is_read_from_its_opening(text: str, doc_type: str) -> None:
    assert metadata_of(text).doc_type == doc_type


@pytest.mark.parametrize(
    "text",
    [
        # a sentence that opens on a cited document's number is no title
        "Nghị quyết số 12-NQ/HU ngày 5/3/2024 đã đặt ra nhiều việc cho các xã.\n\nCác xã cần rà soát lại.\n",
        # a sentence that merely starts with a type word and ends with a full stop
        "Kế hoạch năm trước đã hoàn thành đúng hạn.\n\nNăm nay xã tiếp tục như vậy.\n",
        # prose with no salutation and no title
        "Trong những năm qua, xã đã đạt nhiều kết quả về giao thông nông thôn.\n",
    ],
)
def test_prose_or_a_citation_is_no_headerless_title(text: str) -> None:
    assert metadata_of(text).doc_type is None
