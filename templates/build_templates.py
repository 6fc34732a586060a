"""Build the draft templates (docxtpl .docx files) in this folder.

    .venv/bin/python templates/build_templates.py

The .docx files are committed: officers may reword them in Word (keep the {{ … }} and {%p … %}
tags). This script is how they were made and how to remake them after a layout change; it
overwrites the files, so carry over any rewording made in Word first.

Tags: {{ x }} prints a value, {%p for … %}/{%p endfor %} repeat a paragraph, {%tr … %} repeat
a table row. Every name a template uses must be in the context the pipeline builds
(pipeline/drafts/context.py); rendering fails loudly on a name it does not provide.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.drafts.docx_format import (
    borderless,
    fixed_widths,
    keep_rows_together,
    repeat_header_row,
    rule_below,
    setup_document,
)

HERE = Path(__file__).parent
TEXT_WIDTH_MM = 165


def header_table(doc: WordDocument) -> None:
    """Parent and issuing body, number line | national title, motto, place and date."""
    table = doc.add_table(rows=2, cols=2)
    borderless(table)
    fixed_widths(table, [70, 95])
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.paragraphs[0].text = "{{ parent_body }}"
    left.paragraphs[0].style = doc.styles["TDKT Cơ quan chủ quản"]
    left.add_paragraph("{{ issuer }}", style="TDKT Cơ quan ban hành")
    rule(left.add_paragraph(style="TDKT Đường kẻ"), 70, 25)
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.paragraphs[0].style = doc.styles["TDKT Quốc hiệu"]
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc", style="TDKT Tiêu ngữ")
    rule(right.add_paragraph(style="TDKT Đường kẻ"), 95, 62)
    number = table.cell(1, 0).paragraphs[0]
    number.text, number.style = "Số: {{ number }}", doc.styles["TDKT Số ký hiệu"]
    date = table.cell(1, 1).paragraphs[0]
    date.text, date.style = "{{ place_date }}", doc.styles["TDKT Địa danh ngày tháng"]


def title(doc: WordDocument, kind: str, summary: str, note: str | None = None) -> None:
    doc.add_paragraph(kind, style="TDKT Tên loại")
    doc.add_paragraph(summary, style="TDKT Trích yếu")
    if note:
        doc.add_paragraph(note, style="TDKT Căn cứ")
    line = doc.add_paragraph(style="TDKT Đường kẻ")
    line.paragraph_format.space_after = Pt(12)
    rule(line, TEXT_WIDTH_MM, 40)


def rule(paragraph: object, width_mm: float, length_mm: float) -> None:
    """A centred rule ``length_mm`` long in a column ``width_mm`` wide (an empty bordered paragraph)."""
    side = (width_mm - length_mm) / 2
    rule_below(paragraph, side, side)


def heading(doc: WordDocument, text: str, level: int) -> None:
    """A heading; 'Phần I|TITLE' puts the title on a second line of the same heading."""
    paragraph = doc.add_paragraph(style=f"Heading {level}")
    for i, line in enumerate(text.split("|")):
        run = paragraph.add_run(line)
        if i < len(text.split("|")) - 1:
            run.add_break()


def para(doc: WordDocument, text: str, style: str = "Normal") -> None:
    doc.add_paragraph(text, style=style)


def bullets(doc: WordDocument, items: str, prefix: str = "- ") -> None:
    para(doc, f"{{%p for item in {items} %}}")
    para(doc, prefix + "{{ item }}")
    para(doc, "{%p endfor %}")


def data_table(doc: WordDocument, headers: list[str], cells: list[str], widths: list[float], rows: str,
               centered: set[int]) -> None:
    """A bordered table: a header row, then one row per item of ``rows`` (docxtpl {%tr %})."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    for c, text in enumerate(headers):
        table.cell(0, c).paragraphs[0].text = text
        table.cell(0, c).paragraphs[0].style = doc.styles["TDKT Bảng tiêu đề"]
    table.cell(1, 0).paragraphs[0].text = f"{{%tr for row in {rows} %}}"
    for c, text in enumerate(cells):
        p = table.cell(2, c).paragraphs[0]
        p.text = text
        p.style = doc.styles["TDKT Bảng giữa" if c in centered else "TDKT Bảng"]
    table.cell(3, 0).paragraphs[0].text = "{%tr endfor %}"
    fixed_widths(table, widths)
    repeat_header_row(table)
    keep_rows_together(table)


def signature(doc: WordDocument) -> None:
    table = doc.add_table(rows=1, cols=2)
    borderless(table)
    fixed_widths(table, [75, 90])
    keep_rows_together(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.paragraphs[0].text = "Nơi nhận:"
    left.paragraphs[0].style = doc.styles["TDKT Nơi nhận"]
    left.add_paragraph("{%p for r in recipients %}", style="TDKT Danh sách nơi nhận")
    left.add_paragraph("- {{ r }};", style="TDKT Danh sách nơi nhận")
    left.add_paragraph("{%p endfor %}", style="TDKT Danh sách nơi nhận")
    left.add_paragraph("- Lưu: {{ archive }}.", style="TDKT Danh sách nơi nhận")
    right.paragraphs[0].text = "{{ signer.authority }}"
    right.paragraphs[0].style = doc.styles["TDKT Chức vụ ký"]
    right.add_paragraph("{{ signer.position }}", style="TDKT Chức vụ ký")
    right.add_paragraph("{{ signer.name }}", style="TDKT Họ tên ký")


def new_document() -> WordDocument:
    doc = docx.Document()
    setup_document(doc)
    header_table(doc)
    return doc


def summary_report() -> WordDocument:
    doc = new_document()
    title(doc, "BÁO CÁO",
          "Tổng kết công tác thi đua, khen thưởng năm {{ year }} và phương hướng, nhiệm vụ năm {{ next_year }}")
    para(doc, "{{ intro }}")
    heading(doc, "Phần I|KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {{ year }}", 1)
    heading(doc, "I. ĐẶC ĐIỂM TÌNH HÌNH", 2)
    bullets(doc, "characteristics", prefix="")
    heading(doc, "II. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC CÁC PHONG TRÀO THI ĐUA", 2)
    para(doc, "Ngay từ đầu năm, Cụm đã tổ chức ký kết giao ước thi đua, thống nhất bảng tiêu chí và thang điểm "
              "chấm thi đua; các đơn vị thành viên xây dựng kế hoạch, phát động phong trào thi đua thường xuyên "
              "và các đợt thi đua theo chuyên đề, gắn với nhiệm vụ chính trị của từng đơn vị.")
    para(doc, "Cụm duy trì sinh hoạt định kỳ, trao đổi kinh nghiệm giữa các đơn vị; cuối năm tổ chức tổng hợp "
              "báo cáo, bảng tự chấm điểm của các đơn vị và chấm điểm thi đua theo bảng tiêu chí đã thống nhất.")
    heading(doc, "III. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ THI ĐUA", 2)
    heading(doc, "1. Kết quả theo nhóm tiêu chí", 3)
    para(doc, "{{ groups_summary }}")
    data_table(doc, ["Nhóm tiêu chí", "Điểm chuẩn", "Bình quân", "Cao nhất", "Thấp nhất"],
               ["{{ row.title }}", "{{ row.max }}", "{{ row.mean }}", "{{ row.high }}", "{{ row.low }}"],
               [81, 21, 21, 21, 21], "group_rows", centered={1, 2, 3, 4})
    heading(doc, "2. Kết quả nổi bật của các đơn vị", 3)
    para(doc, "{%p for u in unit_results %}")
    paragraph = doc.add_paragraph()
    paragraph.add_run("{{ u.name }}", style="TDKT Tên đơn vị")
    paragraph.add_run(": {{ u.text }}")
    para(doc, "{%p endfor %}")
    heading(doc, "IV. KẾT QUẢ CÔNG TÁC KHEN THƯỞNG", 2)
    para(doc, "{{ awards_summary }}")
    data_table(doc, ["STT", "Hình thức, danh hiệu", "Tập thể", "Cá nhân"],
               ["{{ row.stt }}", "{{ row.award }}", "{{ row.collective }}", "{{ row.individual }}"],
               [13, 102, 25, 25], "award_rows", centered={0, 2, 3})
    para(doc, "{%p if awards_by_unit %}")
    para(doc, "Theo từng đơn vị:")
    bullets(doc, "awards_by_unit")
    para(doc, "{%p endif %}")
    heading(doc, "V. ĐÁNH GIÁ CHUNG", 2)
    heading(doc, "1. Ưu điểm", 3)
    bullets(doc, "strengths")
    heading(doc, "2. Hạn chế", 3)
    bullets(doc, "limitations")
    heading(doc, "3. Nguyên nhân", 3)
    bullets(doc, "causes")
    heading(doc, "4. Bài học kinh nghiệm", 3)
    for lesson in (
        "Sự quan tâm, chỉ đạo sát sao của cấp ủy, lãnh đạo các đơn vị là yếu tố quyết định kết quả phong trào thi đua.",
        "Nội dung thi đua phải gắn với nhiệm vụ chính trị của từng đơn vị, tiêu chí cụ thể, lượng hóa được.",
        "Việc chấm điểm, bình xét phải công khai, dân chủ, dựa trên minh chứng cụ thể.",
        "Kịp thời phát hiện, biểu dương, nhân rộng các điển hình tiên tiến, mô hình hay, cách làm sáng tạo.",
    ):
        para(doc, "- " + lesson)
    heading(doc, "Phần II|PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {{ next_year }}", 1)
    for direction in (
        "Tiếp tục quán triệt, thực hiện nghiêm Luật Thi đua, khen thưởng và các văn bản hướng dẫn; đổi mới "
        "nội dung, hình thức tổ chức các phong trào thi đua, gắn với nhiệm vụ chính trị của từng đơn vị.",
        "Tổ chức ký kết giao ước thi đua năm {{ next_year }}; rà soát, hoàn thiện bảng tiêu chí chấm điểm "
        "cho phù hợp với thực tiễn.",
        "Phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến; thực hiện công tác khen thưởng kịp thời, "
        "chính xác, công khai, đúng quy định.",
    ):
        para(doc, "- " + direction)
    bullets(doc, "directions")
    heading(doc, "Phần III|ĐỀ XUẤT, KIẾN NGHỊ", 1)
    para(doc, "- Đề nghị Ban Thi đua - Khen thưởng Thành phố tiếp tục quan tâm hướng dẫn nghiệp vụ công tác "
              "thi đua, khen thưởng cho các đơn vị trong Cụm.")
    bullets(doc, "proposals")
    heading(doc, "KẾT QUẢ CHẤM ĐIỂM VÀ ĐỀ NGHỊ KHEN THƯỞNG", 1)
    heading(doc, "I. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG", 2)
    para(doc, "{{ scoring_summary }}")
    data_table(doc, ["STT", "Đơn vị", "Điểm tự chấm", "Điểm Cụm chấm", "Xếp hạng", "Ghi chú"],
               ["{{ row.stt }}", "{{ row.name }}", "{{ row.self_total }}", "{{ row.total }}", "{{ row.rank }}",
                "{{ row.note }}"],
               [13, 56, 20, 20, 16, 40], "score_rows", centered={0, 2, 3, 4})
    heading(doc, "II. ĐỀ NGHỊ KHEN THƯỞNG", 2)
    bullets(doc, "award_proposals")
    heading(doc, "III. CỤM TRƯỞNG, CỤM PHÓ NĂM {{ next_year }}", 2)
    bullets(doc, "leadership")
    para(doc, "{{ closing }}")
    doc.paragraphs[-1].paragraph_format.keep_with_next = True  # the closing line stays with the signature
    signature(doc)
    explanation_appendix(doc)
    return doc


def explanation_appendix(doc: WordDocument) -> None:
    """Per unit, criterion by criterion: the scores, the rule that gave the proposed one and the
    evidence quotes with their source, for members to check before they vote."""
    para(doc, "Phụ lục", style="TDKT Phụ lục")
    para(doc, "BẢNG ĐIỂM CHI TIẾT VÀ MINH CHỨNG", style="TDKT Trích yếu")
    para(doc, "(Kèm theo Báo cáo số {{ number }} ngày …… của {{ cluster_name }})", style="TDKT Căn cứ")
    para(doc, "{{ appendix_intro }}")
    para(doc, "{%p for u in appendix %}")
    heading(doc, "{{ loop.index }}. {{ u.name }}", 3)
    para(doc, "Đơn vị tự chấm {{ u.self_total }} điểm; Cụm chấm {{ u.total }} điểm; xếp thứ {{ u.rank }}. "
              "Minh chứng trích từ tệp {{ u.file }} (trừ khi ghi tệp khác).")
    para(doc, "{%p for note in u.notes %}")
    para(doc, "- {{ note }}")
    para(doc, "{%p endfor %}")
    table = doc.add_table(rows=4, cols=6)
    table.style = doc.styles["Table Grid"]
    for c, text in enumerate(["Mã", "Tiêu chí", "Điểm chuẩn", "Tự chấm", "Đề xuất", "Căn cứ đề xuất, minh chứng"]):
        table.cell(0, c).paragraphs[0].text = text
        table.cell(0, c).paragraphs[0].style = doc.styles["TDKT Bảng tiêu đề"]
    table.cell(1, 0).paragraphs[0].text = "{%tr for c in u.criteria %}"
    for c, text in enumerate(["{{ c.code }}", "{{ c.title }}", "{{ c.max }}", "{{ c.self_score }}",
                              "{{ c.proposed }}"]):
        table.cell(2, c).paragraphs[0].text = text
        table.cell(2, c).paragraphs[0].style = doc.styles["TDKT Bảng" if c == 1 else "TDKT Bảng giữa"]
    # The last cell always keeps its first paragraph (a cell without one is invalid in Word).
    cell = table.cell(2, 5)
    cell.paragraphs[0].text = "{{ c.reason }}"
    cell.paragraphs[0].style = doc.styles["TDKT Bảng"]
    for line, style in (("{%p for f in c.flags %}", "TDKT Bảng"), ("Cần rà soát: {{ f }}", "TDKT Bảng"),
                        ("{%p endfor %}", "TDKT Bảng"), ("{%p for e in c.evidence %}", "TDKT Bảng"),
                        ("“{{ e.quote }}” ({{ e.source }})", "TDKT Bảng trích dẫn"), ("{%p endfor %}", "TDKT Bảng"),
                        ("{%p if c.more_evidence %}", "TDKT Bảng"),
                        ("(và {{ c.more_evidence }} đoạn minh chứng khác)", "TDKT Bảng trích dẫn"),
                        ("{%p endif %}", "TDKT Bảng")):
        cell.add_paragraph(line, style=style)
    table.cell(3, 0).paragraphs[0].text = "{%tr endfor %}"
    fixed_widths(table, [12, 38, 16, 14, 14, 71])
    repeat_header_row(table)
    keep_rows_together(table)
    para(doc, "{%p endfor %}")


def nomination_list() -> WordDocument:
    doc = new_document()
    title(doc, "DANH SÁCH", "Đề nghị khen thưởng thành tích trong phong trào thi đua năm {{ year }}",
          note="(Kèm theo Tờ trình số {{ proposal_number }} ngày …… của {{ cluster_name }})")
    para(doc, "{%p if officer_rows %}")  # the parts are numbered only when there are two
    heading(doc, "I. TẬP THỂ", 2)
    para(doc, "{%p endif %}")
    data_table(doc, ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Hình thức, danh hiệu đề nghị", "Lý do", "Ghi chú"],
               ["{{ row.stt }}", "{{ row.name }}", "{{ row.total }}", "{{ row.rank }}", "{{ row.award }}",
                "{{ row.reason }}", "{{ row.note }}"],
               [13, 35, 16, 15, 35, 31, 20], "rows", centered={0, 2, 3})
    para(doc, "{{ totals }}")
    para(doc, "{%p if officer_rows %}")
    heading(doc, "II. CÁ NHÂN", 2)
    data_table(doc, ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Hình thức đề nghị", "Ghi chú"],
               ["{{ row.stt }}", "{{ row.name }}", "{{ row.position }}", "{{ row.award }}", "{{ row.note }}"],
               [12, 36, 54, 31, 32], "officer_rows", centered={0})
    para(doc, "{{ officer_totals }}")
    para(doc, "{%p endif %}")
    signature(doc)
    return doc


def main() -> None:
    builders = (("bao-cao-tong-ket.docx", summary_report), ("danh-sach-de-nghi-khen-thuong.docx", nomination_list))
    for name, build in builders:
        doc = build()
        doc.core_properties.author = "tdkt"
        doc.core_properties.title = name.removesuffix(".docx")
        doc.save(HERE / name)
        print(f"wrote {HERE / name}")


if __name__ == "__main__":
    main()
