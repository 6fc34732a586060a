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
from pipeline.rubric import GroupKind, Rubric, load_rubric


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
