"""Build the draft templates (docxtpl .docx files) in this folder.

    .venv/bin/python pipeline/drafts/template_builder.py

The .docx files are committed: officers may reword them in Word (keep the {{ … }} and {%p … %}
tags). This script is how they were made and how to remake them after a layout change; it
overwrites the files, so carry over any rewording made in Word first.

Tags: {{ x }} prints a value, {%p for … %}/{%p endfor %} repeat a paragraph, {%tr … %} repeat
a table row. Every name a template uses must be in the context the pipeline builds (the
document's own module: pipeline/drafts/summary.py, nominations.py, proposal_letter.py, minutes.py,
pledge.py); rendering fails loudly on a name it does not provide.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

from pipeline.drafts.docx_format import (
    borderless,
    fixed_widths,
    keep_rows_together,
    landscape,
    repeat_header_row,
    rule_below,
    setup_document,
)
from pipeline.drafts.regions import BLANK, mark_region  # blank vote cells: finalize keeps what is written there
from templates import TEMPLATES_DIR

HERE = TEMPLATES_DIR  # the templates ship in templates/, beside the default rubric and rules
TEXT_WIDTH_MM = 165


def header_table(doc: WordDocument, dated: bool = True) -> None:
    """Parent and issuing body, number line | national title, motto, place and date (minutes,
    form 1.9, have no place-date line)."""
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
    if dated:
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


class region:
    """``with region(doc, "bieu_quyet"):`` bookmarks the blocks added inside (pipeline/drafts/regions.py):
    the parts ``tdkt finalize`` rewrites from the reviewers' nomination list."""

    _next_id = 100

    def __init__(self, doc: WordDocument, name: str) -> None:
        self.doc, self.name = doc, name

    def _blocks(self) -> list:
        return [el for el in self.doc.element.body if el.tag.endswith(("}p", "}tbl"))]

    def __enter__(self) -> None:
        self.before = len(self._blocks())

    def __exit__(self, *exc: object) -> None:
        added = self._blocks()[self.before:]
        for end in (added[0], added[-1]):  # docxtpl drops {%p %} paragraphs, and their bookmarks with them
            text = "".join(t.text or "" for t in end.iter() if t.tag.endswith("}t"))
            assert end.tag.endswith("}p") and "{%" not in text, f"region {self.name}: starts or ends with {text!r}"
        region._next_id += 1
        mark_region(added[0], added[-1], self.name, region._next_id)


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


def recipients(doc: WordDocument) -> None:
    """'Nơi nhận' on its own, for documents whose signature block is not the usual one."""
    para(doc, "Nơi nhận:", style="TDKT Nơi nhận cuối văn bản")
    para(doc, "{%p for r in recipients %}", style="TDKT Danh sách nơi nhận")
    para(doc, "- {{ r }};", style="TDKT Danh sách nơi nhận")
    para(doc, "{%p endfor %}", style="TDKT Danh sách nơi nhận")
    para(doc, "- Lưu: {{ archive }}.", style="TDKT Danh sách nơi nhận")


def bases(doc: WordDocument) -> None:
    """'Căn cứ …;' lines, the last one ending with a comma (the sentence goes on)."""
    para(doc, "{%p for b in bases %}")
    para(doc, "{{ b }}{{ ';' if not loop.last else ',' }}", style="TDKT Căn cứ văn bản")
    para(doc, "{%p endfor %}")


def new_document(dated: bool = True) -> WordDocument:
    doc = docx.Document()
    setup_document(doc)
    header_table(doc, dated)
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
    # The figures of these two parts depend on the scores the conference settles: `tdkt finalize`
    # writes each again from the reviewers' list (separately, so rewording one keeps the other current).
    with region(doc, "tong_hop"):
        para(doc, "Kết quả chấm điểm theo từng nhóm tiêu chí như sau:")
        doc.paragraphs[-1].paragraph_format.keep_with_next = True  # the lead-in stays with its table
        data_table(doc, ["Nhóm tiêu chí", "Điểm chuẩn", "Bình quân", "Cao nhất", "Thấp nhất"],
                   ["{{ row.title }}", "{{ row.max }}", "{{ row.mean }}", "{{ row.high }}", "{{ row.low }}"],
                   [81, 21, 21, 21, 21], "group_rows", centered={1, 2, 3, 4})
        para(doc, "{{ groups_summary }}")
    heading(doc, "2. Kết quả nổi bật của các đơn vị", 3)
    with region(doc, "ket_qua_don_vi"):
        para(doc, "Kết quả cụ thể của từng đơn vị như sau:")
        para(doc, "{%p for u in unit_results %}")
        paragraph = doc.add_paragraph()
        paragraph.add_run("{{ u.name }}", style="TDKT Tên đơn vị")
        paragraph.add_run(": {{ u.text }}")
        para(doc, "{%p endfor %}")
        para(doc, "Điểm từng tiêu chí và minh chứng của từng đơn vị tại Phụ lục kèm theo Báo cáo này.")
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
    with region(doc, "bang_diem"):
        para(doc, "{{ scoring_summary }}")
        data_table(doc, ["STT", "Đơn vị", "Điểm tự chấm", "Điểm Cụm chấm", "Xếp hạng", "Ghi chú"],
                   ["{{ row.stt }}", "{{ row.name }}", "{{ row.self_total }}", "{{ row.total }}", "{{ row.rank }}",
                    "{{ row.note }}"],
                   [13, 56, 20, 20, 16, 40], "score_rows", centered={0, 2, 3, 4})
        para(doc, "{{ scoring_conclusion }}")
    heading(doc, "II. ĐỀ NGHỊ KHEN THƯỞNG", 2)
    with region(doc, "de_nghi"):
        para(doc, "{{ proposals_intro }}")
        bullets(doc, "award_proposals")
        para(doc, "{{ proposals_total }}")
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
    with region(doc, "phu_luc"):  # totals and ranks as the conference settles them (tdkt finalize)
        para(doc, "{{ appendix_intro }}")
        appendix_units(doc)
        para(doc, "Điểm đề xuất là điểm Cụm chấm theo bảng tiêu chí và minh chứng; tổng điểm, xếp hạng do Hội nghị "
                  "Cụm thống nhất ghi tại Danh sách đề nghị khen thưởng.")


def appendix_units(doc: WordDocument) -> None:
    """One section per unit: its totals, notes, and the criteria table."""
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
    # How the criteria document says to score it, under the title, for members to check the score against.
    for line, style in (("{%p if c.guidance %}", "TDKT Bảng"), ("Cách chấm: {{ c.guidance }}", "TDKT Bảng trích dẫn"),
                        ("{%p endif %}", "TDKT Bảng")):
        table.cell(2, 1).add_paragraph(line, style=style)
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
    """The list attached to the Tờ trình: an appendix, on landscape pages so that its seven columns
    (reasons and notes above all) keep to a few lines a row."""
    doc = new_document()
    landscape(doc)
    title(doc, "DANH SÁCH", "Đề nghị khen thưởng thành tích trong phong trào thi đua năm {{ year }}",
          note="(Kèm theo Tờ trình số {{ proposal_number }} ngày …… của {{ cluster_name }})")
    para(doc, "{%p if officer_rows %}")  # the parts are numbered only when there are two
    heading(doc, "I. TẬP THỂ", 2)
    para(doc, "{%p endif %}")
    data_table(doc, ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Hình thức, danh hiệu đề nghị", "Lý do", "Ghi chú"],
               ["{{ row.stt }}", "{{ row.name }}", "{{ row.total }}", "{{ row.rank }}", "{{ row.award }}",
                "{{ row.reason }}", "{{ row.note }}"],
               [12, 50, 17, 16, 50, 50, 57], "rows", centered={0, 2, 3})
    para(doc, "{{ totals }}")
    para(doc, "{%p if officer_rows %}")
    heading(doc, "II. CÁ NHÂN", 2)
    data_table(doc, ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Hình thức đề nghị", "Ghi chú"],
               ["{{ row.stt }}", "{{ row.name }}", "{{ row.position }}", "{{ row.award }}", "{{ row.note }}"],
               [12, 45, 85, 55, 55], "officer_rows", centered={0})
    para(doc, "{{ officer_totals }}")
    para(doc, "{%p endif %}")
    signature(doc)
    return doc


def proposal_letter() -> WordDocument:
    """Tờ trình: the letter the nomination list is attached to."""
    doc = new_document()
    title(doc, "TỜ TRÌNH", "{{ title_note }}")
    para(doc, "Kính gửi: {{ addressee }}.", style="TDKT Kính gửi")
    bases(doc)
    para(doc, "{{ cluster_name }} báo cáo kết quả bình xét thi đua năm {{ year }} và đề nghị khen thưởng như sau:")
    heading(doc, "1. Kết quả chấm điểm, bình xét thi đua", 3)
    para(doc, "{{ results }}")
    with region(doc, "xep_hang"):
        para(doc, "{{ ranking }}")
    heading(doc, "2. Đề nghị khen thưởng", 3)
    with region(doc, "de_nghi"):
        para(doc, "{{ request }}")
        para(doc, "{%p for g in proposal_groups %}")
        para(doc, "{{ g.label }}) {{ g.heading }}:")
        doc.paragraphs[-1].paragraph_format.keep_with_next = True  # never alone at the foot of a page
        para(doc, "{%p for u in g.units %}")
        para(doc, "- {{ u }}{{ ';' if not loop.last else '.' }}")
        para(doc, "{%p endfor %}")
        para(doc, "{%p endfor %}")
        para(doc, "{%p if officers_line %}")
        para(doc, "{{ officers_label }}) {{ officers_line }}")
        para(doc, "{%p endif %}")
        para(doc, "{%p for t in pending %}")
        para(doc, "Lưu ý: {{ t }}", style="TDKT Ghi chú rà soát")
        para(doc, "{%p endfor %}")
        para(doc, "(Có danh sách kèm theo)", style="TDKT Căn cứ")
    para(doc, "{{ closing }}")
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    signature(doc)
    return doc


def minutes() -> WordDocument:
    """Biên bản (Decree 30, form 1.9): no place-date line; blanks for what only the meeting knows."""
    doc = new_document(dated=False)
    title(doc, "BIÊN BẢN", "{{ meeting }}")
    para(doc, "Thời gian: Vào hồi …… giờ …… phút, ngày …… tháng …… năm ……")
    para(doc, "Địa điểm: ……")
    heading(doc, "I. THÀNH PHẦN THAM DỰ", 2)
    para(doc, "{{ members_count }}")
    data_table(doc, ["STT", "Đơn vị", "Đại biểu dự họp (họ tên, chức vụ)"],
               ["{{ row.stt }}", "{{ row.name }}", "……"], [13, 72, 80], "attendees", centered={0})
    para(doc, "Chủ trì: {{ chair }}.")
    para(doc, "Thư ký: ……")
    heading(doc, "II. NỘI DUNG", 2)
    heading(doc, "1. Thông qua báo cáo tổng kết", 3)
    para(doc, "Hội nghị đã nghe đại diện đơn vị Cụm trưởng trình bày dự thảo Báo cáo tổng kết công tác thi đua, khen "
              "thưởng năm {{ year }} và phương hướng, nhiệm vụ năm {{ next_year }} của Cụm.")
    para(doc, "Ý kiến thảo luận: ……")
    heading(doc, "2. Kết quả chấm điểm, xếp hạng", 3)
    with region(doc, "bang_diem"):
        para(doc, "{{ score_intro }}")
        data_table(doc, ["STT", "Đơn vị", "Điểm tự chấm", "Điểm Cụm chấm", "Xếp hạng"],
                   ["{{ row.stt }}", "{{ row.name }}", "{{ row.self_total }}", "{{ row.total }}", "{{ row.rank }}"],
                   [13, 80, 24, 24, 24], "score_lines", centered={0, 2, 3, 4})
        para(doc, "{%p for t in score_checks %}")
        para(doc, "Lưu ý: {{ t }}", style="TDKT Ghi chú rà soát")
        para(doc, "{%p endfor %}")
        para(doc, "Hội nghị nhất trí với kết quả chấm điểm, xếp hạng nêu trên.")
    heading(doc, "3. Biểu quyết đề nghị khen thưởng", 3)
    with region(doc, "bieu_quyet"):
        para(doc, "{{ ballot_intro }}")
        bullets(doc, "vote_rules")
        data_table(doc, ["STT", "Đơn vị", "Hình thức, danh hiệu đề nghị", "Số thành viên", "Số phiếu đồng ý",
                         "Tỷ lệ (%)", "Yêu cầu"],
                   ["{{ row.stt }}", "{{ row.name }}", "{{ row.award }}", "{{ row.members }}", BLANK, BLANK,
                    "{{ row.needed }}"],
                   [13, 36, 36, 18, 18, 15, 29], "ballot_rows", centered={0, 3, 4, 5})
        para(doc, "{%p if officers_line %}")
        para(doc, "{{ officers_line }}")
        para(doc, "{%p endif %}")
        para(doc, "Các đề nghị đạt tỷ lệ phiếu đồng ý theo quy định được đưa vào danh sách đề nghị khen thưởng "
                  "của Cụm.")
    heading(doc, "4. Bầu Cụm trưởng, Cụm phó năm {{ next_year }}", 3)
    para(doc, "{{ leader_line }}")
    para(doc, "{{ deputy_line }}")
    heading(doc, "5. Ý kiến khác", 3)
    para(doc, "……")
    para(doc, "Hội nghị kết thúc vào hồi …… giờ …… phút cùng ngày. Biên bản đã được đọc lại để các thành viên dự "
              "Hội nghị cùng nghe và nhất trí thông qua./.")
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=2)
    borderless(table)
    fixed_widths(table, [82, 83])
    keep_rows_together(table)
    for cell, role, name in ((table.cell(0, 0), "THƯ KÝ", "……"), (table.cell(0, 1), "CHỦ TỌA", "{{ chair_name }}")):
        cell.paragraphs[0].text = role
        cell.paragraphs[0].style = doc.styles["TDKT Chức vụ ký"]
        cell.add_paragraph(name, style="TDKT Họ tên ký")
    recipients(doc)
    return doc


def pledge() -> WordDocument:
    """Bản giao ước thi đua năm X+1: members, criteria, a signature block for every unit."""
    doc = new_document()
    title(doc, "BẢN GIAO ƯỚC THI ĐUA", "Năm {{ next_year }}")
    bases(doc)
    para(doc, "{{ members_intro }}")
    para(doc, "{%p for m in member_names %}")
    para(doc, "{{ loop.index }}. {{ m }}{{ ';' if not loop.last else '.' }}")
    para(doc, "{%p endfor %}")
    heading(doc, "I. MỤC TIÊU", 2)
    bullets(doc, "goals")
    heading(doc, "II. NỘI DUNG, TIÊU CHÍ THI ĐUA", 2)
    para(doc, "Các đơn vị thống nhất thi đua và chấm điểm theo Bảng tiêu chí sau:")
    table = doc.add_table(rows=4, cols=3)
    table.style = doc.styles["Table Grid"]
    for c, text in enumerate(["Mã", "Nội dung tiêu chí", "Điểm chuẩn"]):
        table.cell(0, c).paragraphs[0].text = text
        table.cell(0, c).paragraphs[0].style = doc.styles["TDKT Bảng tiêu đề"]
    table.cell(1, 0).paragraphs[0].text = "{%tr for c in criteria %}"
    for col, text in enumerate(["{{ c.code }}", "{{ c.title }}", "{{ c.max }}"]):
        cell = table.cell(2, col)
        plain = "TDKT Bảng" if col == 1 else "TDKT Bảng giữa"
        # Group rows in bold through a style, so a reviewer can restyle them in one place.
        cell.paragraphs[0].text = "{%p if c.group %}"
        cell.paragraphs[0].style = doc.styles[plain]
        cell.add_paragraph(text, style="TDKT Bảng nhóm" if col == 1 else "TDKT Bảng nhóm giữa")
        cell.add_paragraph("{%p else %}", style=plain)
        cell.add_paragraph(text, style=plain)
        cell.add_paragraph("{%p endif %}", style=plain)
    table.cell(3, 0).paragraphs[0].text = "{%tr endfor %}"
    fixed_widths(table, [18, 122, 25])
    repeat_header_row(table)
    keep_rows_together(table)
    para(doc, "{{ points_note }}")
    heading(doc, "III. TỔ CHỨC THỰC HIỆN", 2)
    bullets(doc, "organisation")
    para(doc, "ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC", style="TDKT Tên loại")
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    grid = doc.add_table(rows=3, cols=2)
    borderless(grid)
    grid.cell(0, 0).paragraphs[0].text = "{%tr for p in signer_pairs %}"
    for col, side in enumerate(("p.left", "p.right")):
        cell = grid.cell(1, col)
        guard = "" if side == "p.left" else " if p.right else ''"
        cell.paragraphs[0].text = f"{{{{ {side}.unit{guard} }}}}"
        cell.paragraphs[0].style = doc.styles["TDKT Đơn vị ký"]
        cell.add_paragraph(f"{{{{ {side}.title{guard} }}}}", style="TDKT Chức vụ ký")
        cell.add_paragraph(f"{{{{ {side}.name{guard} }}}}", style="TDKT Họ tên ký")
    grid.cell(2, 0).paragraphs[0].text = "{%tr endfor %}"
    fixed_widths(grid, [82, 83])
    keep_rows_together(grid)
    recipients(doc)
    return doc


def main() -> None:
    builders = (("bao-cao-tong-ket.docx", summary_report), ("danh-sach-de-nghi-khen-thuong.docx", nomination_list),
                ("to-trinh-de-nghi-khen-thuong.docx", proposal_letter), ("bien-ban-hoi-nghi.docx", minutes),
                ("giao-uoc-thi-dua.docx", pledge))
    for name, build in builders:
        doc = build()
        doc.core_properties.author = "tdkt"
        doc.core_properties.title = name.removesuffix(".docx")
        doc.save(HERE / name)
        print(f"wrote {HERE / name}")


if __name__ == "__main__":
    main()
