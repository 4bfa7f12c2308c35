"""Tasks written as prose rather than a table: the shapes of ministries', the Prime Minister's and provinces'
plans (a section per body, "1. Sở Tư pháp: chủ trì …", "Giao Sở X chủ trì …, hoàn thành trong quý III/2025",
items closed by their time in a parenthesis, a lead-in that assigns a numbered list, bullets opened by their
year). Each plan is our own, read through the real ingest, structure, bodies and deadlines steps."""

from __future__ import annotations

from pathlib import Path

from plan_builders import plan
from test_tasks import dumped, specs, tasks_of

PROSE = """I. NHIỆM VỤ CỤ THỂ

1. Yêu cầu Sở Nội vụ khẩn trương hoàn thiện dự thảo quy chế làm việc, trình Ủy ban nhân dân tỉnh trước ngày 15/11/2025.

2. Sở Tư pháp: chủ trì, phối hợp với Sở Nội vụ rà soát thủ tục hành chính nội bộ, hoàn thành trong quý III/2025.

II. CÁC GIẢI PHÁP

- Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí đào tạo, hoàn thành trong tháng 10/2025.

Số hóa hồ sơ lưu trữ của các sở, ngành. (Giao Sở Nội vụ chủ trì, tham mưu trong quý IV/2026).

Sở Y tế tiếp tục nâng cao chất lượng khám chữa bệnh trong năm 2025.

III. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ

a) Chủ trì xây dựng nền tảng chia sẻ dữ liệu của tỉnh, hoàn thành trong quý II/2026.

b) Phối hợp Sở Nội vụ đánh giá Chỉ số chuyển đổi số năm 2025 và các năm tiếp theo.

c) Hướng dẫn các huyện triển khai nền tảng số.
"""


def test_work_assigned_to_a_body_in_prose(tmp_path: Path) -> None:
    """A numbered item opened by "Yêu cầu" and a body; a numbered heading that carries its body's duty after a
    colon; a bullet and a paragraph that assign with "Giao" (the quote stops before an assigning parenthesis);
    a duty under a heading that is a body's name: each with a completion time is a task, its lead the body.
    A paragraph that names its doer with no assignment verb, a duty whose only year qualifies a noun ("Chỉ số …
    năm 2025 và các năm tiếp theo") and a duty with no time are not."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, PROSE))]
    assert [" ".join(t["quote"].split()[:4]) for t in found] == [
        "Yêu cầu Sở Nội",
        "Sở Tư pháp: chủ",
        "Giao Sở Tài chính",
        "Số hóa hồ sơ",
        "Chủ trì xây dựng",
    ]
    assert [(t["lead"], t["support"]) for t in found] == [
        (["Sở Nội vụ"], []),
        (["Sở Tư pháp"], ["Sở Nội vụ"]),
        (["Sở Tài chính"], ["Sở Nội vụ"]),
        (["Sở Nội vụ"], []),
        (["Sở Khoa học và Công nghệ"], []),
    ]
    assert found[3]["quote"] == "Số hóa hồ sơ lưu trữ của các sở, ngành."
    assert found[4]["group"] == "Sở Khoa học và Công nghệ"
    assert [t["deadline"] for t in found] == [
        specs("trước ngày 15/11/2025"),
        specs("trong quý III/2025"),
        specs("trong tháng 10/2025"),
        specs("trong quý IV/2026"),
        specs("trong quý II/2026"),
    ]


FRAMED = """I. MỘT SỐ NỘI DUNG TRỌNG TÂM

1. Ban hành quy chế phối hợp giữa các cơ quan trong công tác số hóa (trong năm 2026).

2. Kiện toàn tổ công tác chuyển đổi số của tỉnh. Bổ sung thành viên khi cần (Quý I/2026 và thường xuyên).

3. Xây dựng cơ sở dữ liệu chuyên ngành (dân cư, đất đai, doanh nghiệp).

II. ĐIỀU KHOẢN THI HÀNH

Ủy ban nhân dân tỉnh yêu cầu Sở Tài chính, Sở Nội vụ thực hiện các nhiệm vụ sau đây:

1. Bố trí kinh phí cho các dự án chuyển đổi số trong năm 2026.

2. Rà soát biên chế làm công tác công nghệ thông tin.
"""


def test_items_closed_by_their_time_or_assigned_by_a_lead_in(tmp_path: Path) -> None:
    """A numbered item that closes with a parenthesis opening with a time is a task with that parenthesis's
    times, quoted by its first sentence without it; a parenthesis of other words is no time. Under a lead-in
    that assigns the list with a verb and ends with a colon, an item with its own time is a task led by the
    lead-in's bodies; an item without a time is not."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, FRAMED))]
    assert [t["quote"] for t in found] == [
        "Ban hành quy chế phối hợp giữa các cơ quan trong công tác số hóa",
        "Kiện toàn tổ công tác chuyển đổi số của tỉnh.",
        "Bố trí kinh phí cho các dự án chuyển đổi số trong năm 2026.",
    ]
    assert [t["deadline"] for t in found] == [
        specs("trong năm 2026"),
        specs("Quý I/2026 và thường xuyên"),
        specs("trong năm 2026"),
    ]
    assert [t["lead"] for t in found] == [[], [], ["Sở Tài chính", "Sở Nội vụ"]]
    assert found[0]["group"] == "MỘT SỐ NỘI DUNG TRỌNG TÂM"


DATED = """I. GIẢI PHÁP

1. Hoàn thiện thể chế về chuyển đổi số:

- Năm 2026: Rà soát các văn bản quy phạm của tỉnh về dữ liệu.

- Năm 2027, ban hành quy định về khai thác dữ liệu dùng chung.

- Đến năm 2027, 100% hồ sơ được số hóa.

* Năm 2026: (02 cuộc kiểm tra)

2. Đẩy nhanh số hóa hồ sơ hộ tịch với mục tiêu:

Đến năm 2027, hoàn thành số hóa sổ hộ tịch lưu trữ.

Trong năm 2025, các sở đã bám sát chỉ đạo của tỉnh.
"""


def test_bullets_opened_by_their_own_time(tmp_path: Path) -> None:
    """A bullet opened by a year and a colon or comma is scheduled work (the quote after a colon starts at the
    work), and so is the paragraph that continues a heading ending with a colon; a bullet whose time is
    followed by a figure is a target, one followed by a count in brackets is no work, and a free paragraph
    opened by a year reviews it."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, DATED))]
    assert [t["quote"] for t in found] == [
        "Rà soát các văn bản quy phạm của tỉnh về dữ liệu.",
        "Năm 2027, ban hành quy định về khai thác dữ liệu dùng chung.",
        "Đến năm 2027, hoàn thành số hóa sổ hộ tịch lưu trữ.",
    ]
    assert [t["deadline"] for t in found] == [specs("Năm 2026"), specs("Năm 2027"), specs("Đến năm 2027")]
    assert [t["group"] for t in found] == [
        "Hoàn thiện thể chế về chuyển đổi số",
        "Hoàn thiện thể chế về chuyển đổi số",
        "Đẩy nhanh số hóa hồ sơ hộ tịch với mục tiêu",
    ]


GOALS = """I. MỤC TIÊU

2. Mục tiêu cụ thể

- Đến năm 2027: Hoàn thành số hóa sổ hộ tịch của các xã.

II. GIẢI PHÁP

- Năm 2027: Hoàn thành số hóa sổ địa chính của các xã.
"""


def test_a_goal_opened_by_its_year_is_no_task(tmp_path: Path) -> None:
    """Under a heading of goals ("Mục tiêu cụ thể", at any depth) a bullet opened by its year states an aim,
    not assigned work; the same bullet under the plan's solutions is a task."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, GOALS))]
    assert [t["quote"] for t in found] == ["Hoàn thành số hóa sổ địa chính của các xã."]


LETTER = (
    "Kính gửi: Sở Tư pháp\n\n"
    "Tháng 3 vừa qua, Chủ tịch UBND tỉnh đã giao Sở Tư pháp rà soát quy chế phối hợp; báo cáo Ủy ban nhân dân "
    "tỉnh trước ngày 30/4/2026.\n\n"
    "Chủ tịch UBND tỉnh yêu cầu Sở Tư pháp khẩn trương hoàn thiện dự thảo quy chế và báo cáo Ủy ban nhân dân "
    "tỉnh trước ngày 15/7/2026.\n"
)


def test_a_letters_demand_after_its_speaker(tmp_path: Path) -> None:
    """"X yêu cầu Sở … khẩn trương …, trước ngày …" in a letter assigns the work to the body after the verb
    (quoted from the verb); the earlier assignment the letter recounts ("… đã giao Sở …") is no task."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, LETTER))]
    assert [(" ".join(t["quote"].split()[:6]), t["lead"], t["deadline"]) for t in found] == [
        ("yêu cầu Sở Tư pháp khẩn", ["Sở Tư pháp"], specs("trước ngày 15/7/2026")),
    ]


UNDER_A_BODY = """III. TỔ CHỨC THỰC HIỆN

1. Văn phòng Đảng ủy

a) Rà soát, cập nhật danh mục hồ sơ lưu trữ số của cơ quan. Thời gian hoàn thành: Quý II/2026.

b) Hướng dẫn các chi bộ lập hồ sơ điện tử.
"""


def test_an_item_without_a_doer_takes_its_headings_body(tmp_path: Path) -> None:
    """A lettered item with its own time line that names no doer, under a heading that is a body's name: the
    body leads it, as it leads the duties under it that close with their time."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, UNDER_A_BODY))]
    assert [(" ".join(t["quote"].split()[:3]), t["lead"], t["deadline"]) for t in found] == [
        ("Rà soát, cập", ["Văn phòng Đảng ủy"], specs("Quý II/2026")),
    ]


def test_a_body_the_assigned_one_is_told_to_direct_leads_too(tmp_path: Path) -> None:
    """"Giao UBND xã chỉ đạo các cơ quan chuyên môn rà soát …, trước ngày …": both the assigned body and the
    one it directs lead the work (gold/README: a body another is told to direct is lead of that work)."""
    body = (
        "I. NHIỆM VỤ\n\n"
        "- Giao UBND xã chỉ đạo các cơ quan chuyên môn rà soát hồ sơ đất đai tồn đọng, báo cáo Thường trực "
        "Đảng ủy trước ngày 20/10/2026.\n"
    )
    found = [dumped(t) for t in tasks_of(plan(tmp_path, body))]
    assert [t["lead"] for t in found] == [["Ủy ban nhân dân xã", "Các cơ quan chuyên môn"]]
