"""The drafts: real Word tables and styles, the administrative format, Times New Roman everywhere."""

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from pipeline.core.errors import TemplateError
from pipeline.drafts.nominations import nomination_context
from pipeline.drafts.render import DOCUMENTS, NOMINATION_TEMPLATE, render_drafts, render_template
from templates import TEMPLATES_DIR


@pytest.fixture(scope="module")
def drafts(sample_result, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("drafts")
    return render_drafts(sample_result, out)


def _table_text(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_nomination_table_read_back(drafts):
    doc = docx.Document(str(drafts["nominations"]))
    rows = _table_text(doc.tables[1])  # tables[0] is the administrative header
    assert rows[0] == ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Hình thức, danh hiệu đề nghị", "Lý do", "Ghi chú"]
    assert [r[:5] for r in rows[1:]] == [
        ["1", "Trường Đại học Văn hóa Nghệ thuật Thủ đô", "101,5", "1", "Cờ thi đua của Chính phủ"],
        ["2", "Trường Cao đẳng Y tế Thủ đô", "98", "2", "Cờ thi đua của Ủy ban nhân dân Thành phố"],
        ["3", "Trường Cao đẳng Sư phạm Tây Hồ", "97,5", "3", "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"],
        ["4", "Trường Cao đẳng Nghệ thuật Thăng Long", "96", "4", "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"],
        ["5", "Trường Cao đẳng Điều dưỡng Hà Đông", "96", "4", "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"],
        ["6", "Trường Cao đẳng Sư phạm Mầm non Hoàng Mai", "92,5", "6",
         "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"],
    ]
    assert rows[1][5] == "Dẫn đầu Cụm thi đua năm 2023 với 101,5 điểm"
    assert rows[4][6] == "Đồng điểm với Trường Cao đẳng Điều dưỡng Hà Đông"


def test_emulation_officers_listed_for_the_cluster_commendation(drafts):
    doc = docx.Document(str(drafts["nominations"]))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["I. TẬP THỂ", "II. CÁ NHÂN"]
    rows = _table_text(doc.tables[2])
    assert rows[0] == ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Hình thức đề nghị", "Ghi chú"]
    assert len(rows) == 7  # one named officer per unit, in ranking order
    assert rows[2][:4] == ["2", "Nguyễn Thị Hồng Nhung",
                           "Chuyên viên Phòng Tổ chức - Hành chính, Trường Cao đẳng Y tế Thủ đô",
                           "Giấy khen của Cụm trưởng Cụm thi đua"]
    assert rows[2][4] == "Nguồn: Báo cáo số 125/BC-CĐYT ngày 12/12/2023"
    assert rows[6][1] == "Ngô Thị Thuỳ Linh"  # as the report writes it
    texts = [p.text for p in doc.paragraphs]
    assert "Tổng số: 06 cá nhân đề nghị tặng Giấy khen của Cụm trưởng Cụm thi đua." in texts
    summary = "\n".join(p.text for p in docx.Document(str(drafts["summary"])).paragraphs)
    assert "Đề nghị tặng Giấy khen của Cụm trưởng Cụm thi đua cho 06 cá nhân" in summary


def test_no_officer_award_no_individual_part(sample_result, tmp_path):
    result = sample_result.model_copy(deep=True)
    result.nominations.officers = []
    nominations = render_drafts(result, tmp_path)["nominations"]
    doc = docx.Document(str(nominations))
    assert not [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert len(doc.tables) == 3  # header, units, signature
    assert not any("cá nhân" in p.text for p in doc.paragraphs)


def test_administrative_header_and_signature(drafts):
    doc = docx.Document(str(drafts["summary"]))
    header = _table_text(doc.tables[0])
    assert header[0][0].split("\n") == ["UBND THÀNH PHỐ HÀ NỘI", "CỤM THI ĐUA SỐ 18", ""]
    assert header[0][1].split("\n")[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert header[1] == ["Số: …/BC-CTĐ18", "Hà Nội, ngày 28 tháng 12 năm 2023"]
    texts = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in texts
    assert "Tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng, nhiệm vụ năm 2024" in texts
    signature = next(t for t in map(_table_text, doc.tables) if t[0][0].startswith("Nơi nhận"))[0]
    assert signature[0].startswith("Nơi nhận:\n- Ban Thi đua - Khen thưởng Thành phố;")
    assert signature[0].endswith("- Lưu: VT, CTĐ18.")
    assert signature[1].split("\n") == ["TM. CỤM THI ĐUA SỐ 18", "CỤM TRƯỞNG", "Phạm Thị Thu Hà"]


def test_summary_has_the_report_sections_and_data(drafts):
    doc = docx.Document(str(drafts["summary"]))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for heading in ("Phần I\nKẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2023", "V. ĐÁNH GIÁ CHUNG", "1. Ưu điểm",
                    "2. Hạn chế", "Phần II\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", "Phần III\nĐỀ XUẤT, KIẾN NGHỊ",
                    "III. CỤM TRƯỞNG, CỤM PHÓ NĂM 2024"):
        assert heading in headings
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 92,5%" in text.lower()
    assert "phấn đấu" not in text  # targets for next year are not quoted as results
    assert "(nguồn: Báo cáo số 218/BC-ĐHVHNT ngày 15/12/2023)" in text
    assert "Đề nghị tặng danh hiệu “Cờ thi đua của Chính phủ” cho Trường Đại học Văn hóa Nghệ thuật Thủ đô." in text
    assert "Cụm trưởng: Trường Cao đẳng Y tế Thủ đô." in text
    assert "Cụm phó: Trường Cao đẳng Sư phạm Tây Hồ." in text
    scores = _table_text(doc.tables[3])
    assert scores[0] == ["STT", "Đơn vị", "Điểm tự chấm", "Điểm Cụm chấm", "Xếp hạng", "Ghi chú"]
    assert scores[4][:5] == ["4", "Trường Cao đẳng Nghệ thuật Thăng Long", "96,5", "96", "4"]
    assert "Tiêu chí I.4: tự chấm 10,5, tối đa 10" in scores[4][5]
    awards = _table_text(doc.tables[2])
    assert ["1", "Huân chương Lao động hạng Ba", "01", "-"] in awards


ALL_KINDS = ["summary", "nominations", "proposal", "minutes", "pledge"]


@pytest.mark.parametrize("name", ALL_KINDS)
def test_times_new_roman_in_every_font_slot(drafts, name):
    doc = docx.Document(str(drafts[name]))
    elements = [doc.element, doc.styles.element] + [s.header._element for s in doc.sections]
    fonts = [f for el in elements for f in el.iter(qn("w:rFonts"))]
    assert fonts
    for f in fonts:
        assert {f.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
        assert f.get(qn("w:asciiTheme")) is None


@pytest.mark.parametrize("name", ALL_KINDS)
def test_page_setup_and_styles(drafts, name):
    doc = docx.Document(str(drafts[name]))
    section = doc.sections[0]
    mm = [round(v.mm) for v in (section.page_width, section.page_height, section.left_margin,
                                section.right_margin, section.top_margin, section.bottom_margin)]
    # The list attached to the Tờ trình is an appendix of wide tables: landscape (Decree 30 allows it).
    assert mm == ([297, 210] if name == "nominations" else [210, 297]) + [30, 15, 20, 20]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert doc.styles["Normal"].font.name == "Times New Roman"
    # Formatting comes from named styles: no run carries its own font, size or bold.
    for paragraph in doc.paragraphs:
        for run in paragraph.runs:
            assert run.font.size is None and run.font.bold is None and run.font.name is None, paragraph.text
    header = doc.tables[0]
    assert header.cell(0, 0).paragraphs[0].style.name == "TDKT Cơ quan chủ quản"
    assert header.cell(0, 1).paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_body_paragraphs_use_the_normal_style(drafts):
    doc = docx.Document(str(drafts["summary"]))
    body = [p for p in doc.paragraphs if p.text.startswith("Tổng số đề nghị") or p.text.startswith("Thực hiện")]
    assert body and all(p.style.name == "Normal" for p in body)


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_template_renders_from_the_sample_context(sample_result, tmp_path, kind):
    document = DOCUMENTS[kind]
    out = render_template(TEMPLATES_DIR / document.template, document.context(sample_result), tmp_path / "x.docx")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "{{" not in text and "{%" not in text and "Undefined" not in text


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_a_template_naming_missing_data_fails(sample_result, tmp_path, kind):
    document = DOCUMENTS[kind]
    doc = docx.Document(str(TEMPLATES_DIR / document.template))
    doc.add_paragraph("{{ chu_ky_so }}")
    broken = tmp_path / "broken.docx"
    doc.save(broken)
    with pytest.raises(TemplateError) as err:
        render_template(broken, document.context(sample_result), tmp_path / "out.docx")
    assert "chu_ky_so" in str(err.value)
    assert not (tmp_path / "out.docx").exists()


def test_values_are_escaped(sample_result, tmp_path):
    result = sample_result.model_copy(deep=True)
    result.cluster.name = "Cụm <A> & B"
    out = render_template(TEMPLATES_DIR / NOMINATION_TEMPLATE, nomination_context(result), tmp_path / "x.docx")
    assert "CỤM <A> & B" in docx.Document(str(out)).tables[0].cell(0, 0).text


def test_an_existing_draft_is_never_overwritten(sample_result, tmp_path):
    first = render_drafts(sample_result, tmp_path)["nominations"]
    edited = docx.Document(str(first))
    edited.add_paragraph("Ý kiến của người rà soát")
    edited.save(first)
    before = first.read_bytes()
    second = render_drafts(sample_result, tmp_path)["nominations"]
    assert first.read_bytes() == before
    assert second.name == "danh-sach-de-nghi-khen-thuong-2023 (bản 2).docx"
