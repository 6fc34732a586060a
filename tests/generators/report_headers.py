"""Seeded generator of reports' administrative headers with their truth: the issuing unit's name
(as its body writes it), its parent bodies and the place of the place-date line.

``generate(seed)`` draws a header and ``write_docx(header, path)`` writes a short report with it:

  unit       kind words ("Trường Cao đẳng", "Bệnh viện", "Trung tâm Y tế" …), a field ("Du lịch và
             Dịch vụ", "Điện tử Viễn thông", "Kinh tế - Kỹ thuật"), a place ("Tây Hồ", "huyện An Lão")
  parents    none, one ("SỞ Y TẾ HẢI PHÒNG"), one wrapped on two lines ("ỦY BAN NHÂN DÂN" / "THÀNH
             PHỐ HÀ NỘI"), or two bodies ("UBND THÀNH PHỐ HẢI PHÒNG" / "SỞ Y TẾ")
  split      the unit's name on one line, two lines after its kind words ("TRƯỜNG CAO ĐẲNG" / "Y DƯỢC
             THANH TRÌ"), or two lines at any word
  layout     a two-column header table in one row or two, tab-separated paragraphs, paragraphs with
             the motto glued to the unit's lines (as OCR and some PDFs give them), or the motto
             stacked on top
  extras     a separator rule under the unit's name, the number line, a place-date line whose
             place is written as the place's name, in capitals, or "TP. …"
  body       the first paragraph names the unit in its own casing, or only as "Nhà trường"
  font       Times New Roman or Arial, 12–14 pt

Formats: the .docx, and for some seeds its PDF (LibreOffice) or a scan of that PDF (tests and
bench/report_headers.py choose).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from docx.shared import Pt

from .criteria_tables import _save, new_page_document

OPTIONS: dict[str, tuple] = {
    "parents": ("none", "one", "wrapped", "two"),
    "split": ("one", "after_kind", "anywhere"),
    "layout": ("table", "table_rows", "tabs", "glued", "stacked"),
    "rule": (False, True),
    "place_style": ("name", "upper", "tp"),
    "body_names": (True, False),
}

# (kind words, field phrases that suit it); cased as official names write them.
_KINDS: list[tuple[str, list[str]]] = [
    ("Trường Cao đẳng", ["Du lịch và Dịch vụ", "Điện tử Viễn thông", "Kinh tế - Kỹ thuật", "Y dược",
                         "Công nghệ và Thương mại", "Cơ điện và Xây dựng", "Nghệ thuật", "Y tế",
                         "Sư phạm", "Thủy lợi", "Kinh tế Công nghiệp", "Giao thông Vận tải"]),
    ("Trường Trung cấp", ["Kinh tế - Kỹ thuật", "Y tế", "Nông nghiệp", "Kỹ thuật Tin học", "Văn hóa Nghệ thuật"]),
    ("Trường Đại học", ["Sư phạm", "Y dược", "Kinh tế", "Kiến trúc"]),
    ("Bệnh viện", ["Đa khoa", "Phụ sản", "Nhi", "Tâm thần", "Y học cổ truyền", "Mắt"]),
    ("Trung tâm Y tế", [""]),
    ("Trung tâm Kiểm soát bệnh tật", [""]),
    ("Ban Quản lý dự án", ["Đầu tư xây dựng", "Giao thông"]),
    ("Trung tâm", ["Dịch vụ việc làm", "Giáo dục nghề nghiệp", "Thông tin và Truyền thông"]),
    ("Thư viện", [""]),
    ("Nhà hát", ["Múa rối", "Chèo", "Kịch"]),
]
_PLACES = ["Tây Hồ", "Mê Linh", "Thanh Trì", "Hà Đông", "Sơn Tây", "Lê Chân", "Kiến An", "Thủ Đức",
           "Đức Giang", "Xanh Pôn", "Bắc Ninh", "Nam Định", "Thái Bình", "Đông Anh"]
_DISTRICTS = ["huyện An Lão", "quận Lê Chân", "huyện Gia Lâm", "quận Hải Châu", "thị xã Sơn Tây"]
# (city as a place, parents as written: one body, the same wrapped, two bodies)
_CITIES = [
    ("Hà Nội", "UBND THÀNH PHỐ HÀ NỘI", ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"), ("UBND THÀNH PHỐ HÀ NỘI", "SỞ Y TẾ")),
    ("Hải Phòng", "SỞ Y TẾ HẢI PHÒNG", ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"),
     ("UBND THÀNH PHỐ HẢI PHÒNG", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")),
    ("Nam Định", "UBND TỈNH NAM ĐỊNH", ("ỦY BAN NHÂN DÂN", "TỈNH NAM ĐỊNH"),
     ("UBND TỈNH NAM ĐỊNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")),
    ("Đà Nẵng", "SỞ VĂN HÓA VÀ THỂ THAO ĐÀ NẴNG", ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG"),
     ("UBND THÀNH PHỐ ĐÀ NẴNG", "SỞ NỘI VỤ")),
    ("Hồ Chí Minh", "UBND THÀNH PHỐ HỒ CHÍ MINH", ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"),
     ("UBND THÀNH PHỐ HỒ CHÍ MINH", "SỞ Y TẾ")),
]
_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
_CODES = ["CĐDL", "CĐYT", "BV", "TTYT", "TC", "ĐH", "BQL", "TV"]


@dataclass
class GeneratedHeader:
    seed: int
    name: str  # the unit's name as its body writes it
    parents: list[str]  # parent lines as written, the highest first (a wrapped body is one line)
    parent_lines: list[str]  # as laid out
    unit_lines: list[str]  # the unit's name in capitals, as laid out
    place: str  # the place as tdkt should read it ("Hải Phòng", "TP. Hồ Chí Minh")
    place_written: str
    number: str
    options: dict[str, object] = field(default_factory=dict)
    font: str = "Times New Roman"
    size: float = 13.0

    @property
    def stem(self) -> str:
        return f"dau-van-ban-{self.seed:05d}"


def generate(seed: int) -> GeneratedHeader:
    rng = random.Random(f"report-header-{seed}")
    options = {key: rng.choice(values) for key, values in OPTIONS.items()}
    kind, fields = rng.choice(_KINDS)
    name_field = rng.choice(fields)
    place_word = rng.choice(_DISTRICTS) if kind.startswith("Trung tâm Y tế") else rng.choice(_PLACES)
    name = " ".join(w for w in (kind, name_field, place_word) if w)
    city, one, wrapped, two = rng.choice(_CITIES)
    parents, parent_lines = {
        "none": ([], []),
        "one": ([one], [one]),
        "wrapped": ([" ".join(wrapped)], list(wrapped)),
        "two": (list(two), list(two)),
    }[options["parents"]]
    upper = name.upper()
    words = upper.split()
    if options["split"] == "after_kind":
        cut = len(kind.split())
        unit_lines = [" ".join(words[:cut]), " ".join(words[cut:])]
    elif options["split"] == "anywhere" and len(words) > 2:
        cut = rng.randint(2, len(words) - 1)
        unit_lines = [" ".join(words[:cut]), " ".join(words[cut:])]
    else:
        unit_lines = [upper]
    place_written = {"name": city, "upper": city.upper(), "tp": f"TP. {city}"}[options["place_style"]]
    place = {"name": city, "upper": city, "tp": f"TP. {city}"}[options["place_style"]]
    number = f"{rng.randint(1, 250)}/BC-{rng.choice(_CODES)}"
    return GeneratedHeader(seed=seed, name=name, parents=parents, parent_lines=parent_lines,
                           unit_lines=[ln for ln in unit_lines if ln], place=place, place_written=place_written,
                           number=number, options=options, font=rng.choice(["Times New Roman", "Arial"]),
                           size=rng.choice([12.0, 13.0, 14.0]))


def write_docx(header: GeneratedHeader, path: Path) -> Path:
    doc = new_page_document(False, header.size, header.font)
    left = [*header.parent_lines, *header.unit_lines] + (["-------"] if header.options["rule"] else [])
    date = f"{header.place_written}, ngày 12 tháng 12 năm 2023"
    layout = header.options["layout"]
    if layout in ("table", "table_rows"):
        rows = 1 if layout == "table" else 2
        table = doc.add_table(rows=rows, cols=2)
        number = f"Số: {header.number}"
        table.cell(0, 0).text = "\n".join(left + ([number] if rows == 1 else []))
        table.cell(0, 1).text = "\n".join([*_MOTTO] + (["", date] if rows == 1 else []))
        if rows == 2:
            table.cell(1, 0).text = number
            table.cell(1, 1).text = date
    elif layout in ("tabs", "glued"):
        joiner = "\t" if layout == "tabs" else " "
        right = [*_MOTTO]
        for i in range(max(len(left), len(right))):
            a = left[i] if i < len(left) else ""
            b = right[i] if i < len(right) else ""
            doc.add_paragraph(f"{a}{joiner}{b}".strip())
        doc.add_paragraph(f"Số: {header.number}\t\t{date}")
    else:  # stacked: the motto on top, then the left column, then number and date
        for line in (*_MOTTO, *left, f"Số: {header.number}", date):
            doc.add_paragraph(line)
    doc.add_paragraph("BÁO CÁO")
    doc.add_paragraph("Tổng kết công tác thi đua, khen thưởng năm 2023")
    subject = header.name if header.options["body_names"] else "Nhà trường"
    doc.add_paragraph(f"Thực hiện Kế hoạch của Cụm thi đua, {subject} báo cáo kết quả công tác thi đua, "
                      "khen thưởng năm 2023 như sau:")
    doc.add_paragraph("Năm 2023, đơn vị đã hoàn thành tốt nhiệm vụ được giao; tập thể cán bộ, viên chức "
                      "đoàn kết, thực hiện nghiêm các chủ trương, chính sách của Đảng và pháp luật của Nhà nước.")
    for paragraph in doc.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(header.size)
    _save(doc, path)
    return path
