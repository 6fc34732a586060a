"""Criteria documents (bảng tiêu chí) as clusters write them, generated in code for the import tests.

Every layout holds the same criteria: the sample cluster's rubric (examples/cluster18-2023).
  merged     group rows whose code and title, or title and points, are one merged cell; a
             two-row header ("Điểm" over "Chuẩn | Tự chấm | Cụm chấm"); criteria "1", "2" …
             restarting in each group; deductions written "-2"
  numbered   the STT column numbered by Word (restarting in each group); bonus and deduction
             sections written without a code; points written "10 điểm", "Trừ 2 điểm"
  dotted     codes "I.1", "II.3" in their own column, titles and codes in one cell for groups
The nested variant is another rubric: 1000 points, codes A / A.1 / A.1.a three deep.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from examples import SAMPLE_CLUSTER_DIR
from pipeline.config.rubric import GroupKind, Rubric, load_rubric


def sample_rubric() -> Rubric:
    return load_rubric(SAMPLE_CLUSTER_DIR / "rubric.yaml")


def _vn(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _title(doc: docx.document.Document, year: int = 2023) -> None:
    doc.add_paragraph("CỤM THI ĐUA SỐ 18")
    doc.add_paragraph(f"BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM {year}")
    doc.add_paragraph(f"(Kèm theo Giao ước thi đua năm {year} của Cụm thi đua số 18)")


def _caps_ok(title: str) -> bool:
    """Group titles without proper nouns may be written in capitals, as clusters often do."""
    return not any(w[:1].isupper() for w in title.split()[1:])


def _set(cell, text: str, bold: bool = False) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold


def merged_docx(path: Path) -> Path:
    rubric = sample_rubric()
    doc = docx.Document()
    _title(doc)
    table = doc.add_table(rows=2, cols=5)
    table.style = doc.styles["Table Grid"]
    _set(table.cell(0, 0).merge(table.cell(1, 0)), "STT", True)
    _set(table.cell(0, 1).merge(table.cell(1, 1)), "Nội dung tiêu chí", True)
    _set(table.cell(0, 2).merge(table.cell(0, 4)), "Điểm", True)
    for c, text in ((2, "Chuẩn"), (3, "Tự chấm"), (4, "Cụm chấm")):
        _set(table.cell(1, c), text, True)
    for group in rubric.groups:
        cells = table.add_row().cells
        title = group.title.upper() if _caps_ok(group.title) else group.title
        if group.kind is GroupKind.STANDARD:
            # Code and title in one merged cell, the points in their column.
            _set(cells[0].merge(cells[1]), f"{group.code}. {title}", True)
            _set(cells[2], _vn(group.max), True)
        else:
            # Title and points in one merged cell across the points columns.
            _set(cells[0], group.code, True)
            limit = f"(tối đa {_vn(group.max)} điểm)"
            _set(cells[1].merge(cells[4]), f"{title} {limit}", True)
        for criterion in group.criteria:
            cells = table.add_row().cells
            _set(cells[0], criterion.code.split(".")[-1])
            _set(cells[1], criterion.title)
            sign = "-" if group.kind is GroupKind.DEDUCTION else ""
            _set(cells[2], sign + _vn(criterion.max))
    cells = table.add_row().cells
    _set(cells[0].merge(cells[1]), "TỔNG CỘNG", True)
    _set(cells[2], _vn(rubric.scale), True)
    doc.add_paragraph("Ghi chú: điểm thưởng, điểm trừ không quá mức tối đa của mục.")
    doc.save(str(path))
    return path


def _restarting_number(doc: docx.document.Document) -> str:
    """A new numbering instance "1.", "2." … restarting at 1 (Word's 'Restart numbering')."""
    numbering = doc.part.numbering_part.element
    abstract_id = str(900 + len(numbering.findall(qn("w:abstractNum"))))
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), abstract_id)
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "%1.")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        lvl.append(el)
    abstract.append(lvl)
    numbering.insert(0, abstract)  # abstractNum elements come before num elements
    num_id = str(900 + len(numbering.findall(qn("w:num"))))
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), num_id)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), abstract_id)
    num.append(ref)
    numbering.append(num)
    return num_id


def _number(paragraph, num_id: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        num_pr.append(el)
    ppr.append(num_pr)


def numbered_docx(path: Path) -> Path:
    rubric = sample_rubric()
    doc = docx.Document()
    _title(doc)
    table = doc.add_table(rows=1, cols=4)
    table.style = doc.styles["Table Grid"]
    for c, text in enumerate(("TT", "Tiêu chí", "Điểm tối đa", "Ghi chú")):
        _set(table.cell(0, c), text, True)
    for group in rubric.groups:
        cells = table.add_row().cells
        if group.kind is GroupKind.STANDARD:
            _set(cells[0], group.code, True)
            _set(cells[1], group.title, True)
            _set(cells[2], f"{_vn(group.max)} điểm", True)
        else:
            _set(cells[1], group.title.upper(), True)  # "ĐIỂM THƯỞNG", no code
            _set(cells[2], f"Tối đa {_vn(group.max)} điểm", True)
        num_id = _restarting_number(doc)
        for criterion in group.criteria:
            cells = table.add_row().cells
            _number(cells[0].paragraphs[0], num_id)
            _set(cells[1], criterion.title)
            points = f"{_vn(criterion.max)} điểm"
            _set(cells[2], f"Trừ {points}" if group.kind is GroupKind.DEDUCTION else points)
            _set(cells[3], "Có minh chứng kèm theo" if group.kind is GroupKind.STANDARD else "")
    cells = table.add_row().cells
    _set(cells[1], "Tổng số điểm chuẩn", True)
    _set(cells[2], f"{_vn(rubric.scale)} điểm", True)
    doc.save(str(path))
    return path


def dotted_docx(path: Path) -> Path:
    rubric = sample_rubric()
    doc = docx.Document()
    _title(doc)
    table = doc.add_table(rows=1, cols=3)
    table.style = doc.styles["Table Grid"]
    for c, text in enumerate(("Mã", "Nội dung", "Điểm chuẩn")):
        _set(table.cell(0, c), text, True)
    for group in rubric.groups:
        cells = table.add_row().cells
        _set(cells[0], f"{group.code}.", True)
        title = group.title.upper() if _caps_ok(group.title) else group.title
        _set(cells[1], title, True)
        _set(cells[2], _vn(group.max), True)
        for criterion in group.criteria:
            cells = table.add_row().cells
            _set(cells[0], criterion.code)
            _set(cells[1], criterion.title)
            _set(cells[2], _vn(criterion.max))
    doc.save(str(path))
    return path


# The nested variant: 1000 points, three levels, letter groups.
NESTED = [
    ("A", "Thực hiện nhiệm vụ chuyên môn", GroupKind.STANDARD, 500, [
        ("A.1", "Công tác tuyển sinh", 200, [
            ("A.1.a", "Hoàn thành chỉ tiêu tuyển sinh", 120),
            ("A.1.b", "Đa dạng hóa phương thức tuyển sinh", 80),
        ]),
        ("A.2", "Chất lượng đào tạo", 300, [
            ("A.2.a", "Tỷ lệ người học tốt nghiệp", 150),
            ("A.2.b", "Tỷ lệ người học có việc làm", 150),
        ]),
    ]),
    ("B", "Công tác thi đua, khen thưởng", GroupKind.STANDARD, 300, [
        ("B.1", "Phát động phong trào thi đua", 100, []),
        ("B.2", "Khen thưởng kịp thời, đúng quy định", 200, []),
    ]),
    ("C", "Xây dựng tổ chức đảng, đoàn thể", GroupKind.STANDARD, 200, [
        ("C.1", "Tổ chức đảng trong sạch, vững mạnh", 120, []),
        ("C.2", "Công đoàn, Đoàn Thanh niên vững mạnh", 80, []),
    ]),
    ("D", "Điểm thưởng", GroupKind.BONUS, 50, [
        ("D.1", "Sáng kiến được công nhận cấp Thành phố", 30, []),
        ("D.2", "Đăng cai hoạt động chung của Cụm", 20, []),
    ]),
    ("E", "Điểm trừ", GroupKind.DEDUCTION, 100, [
        ("E.1", "Gửi báo cáo chậm so với thời hạn", 20, []),
        ("E.2", "Có cá nhân bị kỷ luật", 80, []),
    ]),
]


def nested_docx(path: Path) -> Path:
    doc = docx.Document()
    doc.add_paragraph("BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM 2024 (THANG ĐIỂM 1.000)")
    table = doc.add_table(rows=1, cols=3)
    table.style = doc.styles["Table Grid"]
    for c, text in enumerate(("Mã số", "Nội dung tiêu chí", "Điểm chuẩn")):
        _set(table.cell(0, c), text, True)
    for code, title, kind, points, criteria in NESTED:
        cells = table.add_row().cells
        _set(cells[0], code, True)
        _set(cells[1], title.upper() if _caps_ok(title) else title, True)
        _set(cells[2], f"{points:,}".replace(",", "."), True)
        for sub_code, sub_title, sub_points, leaves in criteria:
            cells = table.add_row().cells
            _set(cells[0], sub_code)
            _set(cells[1], sub_title)
            _set(cells[2], ("-" if kind is GroupKind.DEDUCTION else "") + str(sub_points))
            for leaf_code, leaf_title, leaf_points in leaves:
                cells = table.add_row().cells
                _set(cells[0], leaf_code)
                _set(cells[1], leaf_title)
                _set(cells[2], str(leaf_points))
    cells = table.add_row().cells
    _set(cells[0].merge(cells[1]), "Tổng cộng", True)
    _set(cells[2], "1.000", True)
    doc.save(str(path))
    return path


# --- layouts from other clusters' and a province's criteria documents (issue: any table) -----------

def _grid(doc: docx.document.Document, header: list[str], rows: list[tuple[str, ...]], repeat_header: bool = False):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        _set(cell, text, True)
    if repeat_header:
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        tr_pr.append(mark)
    for row in rows:
        _add_row(table, row)
    return table


def _add_row(table, row: tuple[str, ...]) -> None:
    """A row of cells; a line break in a text starts a new paragraph in its cell (guidance)."""
    for cell, text in zip(table.add_row().cells, row, strict=True):
        lines = text.split("\n")
        _set(cell, lines[0])
        for line in lines[1:]:
            cell.add_paragraph(line)


def dotted_with_deductions_docx(path: Path) -> Path:
    """Criteria coded "1.1 … 2.1" under groups "I, II" (kept as written), a bonus group, and a
    deduction group with no points of its own whose items are "-3/trường hợp"."""
    doc = docx.Document()
    _title(doc, 2024)
    _grid(doc, ["STT", "Nội dung tiêu chí", "Điểm chuẩn"], [
        ("I", "CÔNG TÁC CHUYÊN MÔN", "70"),
        ("1.1", "Hoàn thành chỉ tiêu tuyển sinh", "20"),
        ("1.2", "Chất lượng đào tạo", "20"),
        ("1.3", "Nghiên cứu khoa học", "15"),
        ("1.4", "Xây dựng đội ngũ", "15"),
        ("II", "CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "30"),
        ("2.1", "Phát động phong trào thi đua", "15"),
        ("2.2", "Khen thưởng kịp thời, đúng quy định", "15"),
        ("III", "ĐIỂM THƯỞNG (tối đa 5 điểm)", ""),
        ("3.1", "Sáng kiến được công nhận cấp Thành phố", "+2"),
        ("3.2", "Đăng cai hoạt động chung của Cụm", "+1"),
        ("IV", "ĐIỂM TRỪ", ""),
        ("4.1", "Có cán bộ, viên chức bị kỷ luật", "-3/trường hợp"),
        ("4.2", "Gửi báo cáo chậm so với thời hạn", "-1/lần"),
        ("", "TỔNG CỘNG", "100"),
    ])
    doc.save(str(path))
    return path


LETTERED = [  # code, title, points, children (three levels, some criteria without sub-criteria)
    ("A", "CÔNG TÁC CHUYÊN MÔN", "400", [
        ("A.1", "Công tác tuyển sinh", "150", [("A.1.a", "Hoàn thành chỉ tiêu tuyển sinh", "100"),
                                                ("A.1.b", "Đa dạng hóa phương thức tuyển sinh", "50")]),
        ("A.2", "Chất lượng đào tạo", "150", [("A.2.a", "Tỷ lệ người học tốt nghiệp", "80"),
                                               ("A.2.b", "Tỷ lệ người học có việc làm", "70")]),
        ("A.3", "Nghiên cứu khoa học, chuyển giao công nghệ", "100", []),
    ]),
    ("B", "CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "200", [
        ("B.1", "Ban hành kế hoạch, phát động phong trào thi đua", "100", []),
        ("B.2", "Phát hiện, nhân rộng điển hình tiên tiến", "100", [("B.2.a", "Xây dựng mô hình mới", "60"),
                                                                    ("B.2.b", "Tuyên truyền điển hình", "40")]),
    ]),
    ("C", "XÂY DỰNG TỔ CHỨC ĐẢNG, ĐOÀN THỂ", "200", [
        ("C.1", "Tổ chức đảng trong sạch, vững mạnh", "120", []),
        ("C.2", "Công đoàn, Đoàn Thanh niên vững mạnh", "80", []),
    ]),
    ("D", "CẢI CÁCH HÀNH CHÍNH, CHUYỂN ĐỔI SỐ", "200", [
        ("D.1", "Cải cách thủ tục hành chính", "100", []),
        ("D.2", "Ứng dụng công nghệ thông tin", "100", []),
    ]),
    ("Đ", "ĐIỂM THƯỞNG", "tối đa 50", [
        ("Đ.1", "Sáng kiến được công nhận cấp Thành phố", "+30", []),
        ("Đ.2", "Đăng cai hoạt động chung của Cụm", "+20", []),
    ]),
    ("E", "ĐIỂM TRỪ", "", [
        ("E.1", "Gửi báo cáo chậm so với thời hạn", "-20/lần", []),
        ("E.2", "Có cá nhân bị kỷ luật", "-50/trường hợp", []),
    ]),
]


def lettered_group_column_docx(path: Path) -> Path:
    """Groups A, B, C, D, Đ, E in a first column merged down each group (the group row itself is
    the merged cell), codes A.1 / A.1.a in the second, the header row repeated on every page, and
    long enough to run over pages once made a PDF."""
    doc = docx.Document()
    _title(doc, 2024)
    rows, spans = [], []
    for code, title, points, criteria in LETTERED:
        start = len(rows)
        rows.append((f"{code}. {title}", "", "", points))
        for sub_code, sub_title, sub_points, leaves in criteria:
            guidance = "Đạt 100% kế hoạch: đủ điểm; đạt từ 80% đến dưới 100%: 2/3 số điểm; dưới 80%: không có điểm"
            rows.append(("", sub_code, f"{sub_title}\n{guidance}" if not leaves else sub_title, sub_points))
            for leaf_code, leaf_title, leaf_points in leaves:
                rows.append(("", leaf_code, leaf_title, leaf_points))
        spans.append((start, len(rows) - 1))
    table = _grid(doc, ["Nhóm tiêu chí", "Mã", "Nội dung", "Điểm tối đa"], rows, repeat_header=True)
    for (first, last), (code, title, _, _) in zip(spans, LETTERED, strict=True):
        merged = table.cell(first + 1, 0).merge(table.cell(last + 1, 0))
        _set(merged, f"{code}. {title}", True)
        _set(table.cell(first + 1, 2), "")
    doc.save(str(path))
    return path


PROVINCIAL = [  # code, title (and guidance), Chuẩn, Thưởng, Trừ — a province's environment department
    ("a", "CÔNG TÁC CHUYÊN MÔN", "60", "", ""),
    ("a1", "Thực hiện kế hoạch công tác năm\nĐạt từ 100% chỉ tiêu trở lên: 10 điểm; từ 90% đến dưới 100%: 8 điểm; "
           "dưới 90%: 5 điểm", "10", "", ""),
    ("", "Hoàn thành vượt kế hoạch", "", "+1", ""),
    ("", "Mỗi nhiệm vụ chậm tiến độ", "", "", "-0,25/01 trường hợp"),
    ("", "Ghi chú: Tổng điểm trừ của mục a1 không quá 1,5 điểm (không liên quan đến điểm cộng)", "", "", ""),
    ("a1.1", "Báo cáo định kỳ", "", "", ""),
    ("a1.1.1", "Báo cáo tháng, quý đúng hạn", "5", "", ""),
    ("a1.1.2", "Báo cáo chuyên đề", "5", "cộng 0,1 điểm cho 01 báo cáo", ""),
    ("a4.2.1", "Quản lý tài nguyên nước, khoáng sản", "20", "", ""),
    ("a.7.1", "Thanh tra, kiểm tra, giải quyết khiếu nại", "30", "", ""),
    ("", "Để xảy ra khiếu nại vượt cấp", "", "", "- 0,5"),
    ("b", "CÔNG TÁC XÂY DỰNG ĐẢNG, ĐOÀN THỂ (Điểm cộng tối đa là 1 điểm)", "40", "", ""),
    ("b1.", "Xây dựng tổ chức đảng trong sạch, vững mạnh", "20", "", ""),
    ("b.1.1", "Chi bộ hoàn thành tốt nhiệm vụ", "20", "+ 0,5", ""),
    ("b2", "Công đoàn, Đoàn Thanh niên", "20", "", ""),
    ("", "Có đoàn viên được khen thưởng cấp tỉnh", "", "+1", ""),
]


def provincial_docx(path: Path) -> Path:
    """Three point columns under a merged "Điểm" header, codes in four mixed styles, rows without
    a code (bonus and deduction items inside criteria), caps as a note row and in a title, and
    scoring guidance under a criterion's title."""
    doc = docx.Document()
    doc.add_paragraph("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG")
    doc.add_paragraph("BẢNG TIÊU CHÍ ĐÁNH GIÁ, CHẤM ĐIỂM THI ĐUA NĂM 2024")
    table = doc.add_table(rows=2, cols=5)
    table.style = doc.styles["Table Grid"]
    _set(table.cell(0, 0).merge(table.cell(1, 0)), "Mã", True)
    _set(table.cell(0, 1).merge(table.cell(1, 1)), "Nội dung tiêu chí", True)
    _set(table.cell(0, 2).merge(table.cell(0, 4)), "Điểm", True)
    for c, text in ((2, "Chuẩn"), (3, "Thưởng"), (4, "Trừ")):
        _set(table.cell(1, c), text, True)
    for row in PROVINCIAL:
        _add_row(table, row)
    doc.add_paragraph("Tổng điểm thưởng của cả bảng không quá 3 điểm.")
    doc.save(str(path))
    return path
