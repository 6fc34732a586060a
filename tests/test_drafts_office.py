"""The drafts open in a real office suite: LibreOffice converts them, and the PDF says the right things."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from pipeline.drafts.render import render_drafts


@pytest.fixture(scope="module")
def pdfs(sample_result, to_pdf, tmp_path_factory) -> dict[str, list[str]]:
    out = tmp_path_factory.mktemp("office")
    drafts = render_drafts(sample_result, out)
    converted = to_pdf(list(drafts.values()), out / "pdf")
    return {path.stem: _pages(path) for path in converted}


# The nomination list's wide table is laid out across the page (A4 ngang, as Decree 30 allows for
# a document made of a table); every other document is A4 portrait.
LANDSCAPE = {"danh-sach-de-nghi-khen-thuong-2023", "nominations"}


def _page_mm(path: Path, name: str) -> tuple[int, int]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        size = tuple(round(v / 72 * 25.4) for v in pdf[0].get_size())
    finally:
        pdf.close()
    assert size == ((297, 210) if name in LANDSCAPE else (210, 297)), (name, size)
    return size


def _pages(path: Path) -> list[str]:
    _page_mm(path, path.stem)
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    finally:
        pdf.close()


def test_summary_report_reads_right_in_pdf(pdfs):
    pages = pdfs["bao-cao-tong-ket-2023"]
    first = pages[0]
    for line in ("UBND THÀNH PHỐ HÀ NỘI", "CỤM THI ĐUA SỐ 18", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số: …/BC-CTĐ18", "Hà Nội, ngày 28 tháng 12 năm 2023", "BÁO CÁO",
                 "Tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng, nhiệm vụ năm 2024"):
        assert line in first, line
    text = " ".join(pages)
    for unit in ("Trường Đại học Văn hóa Nghệ thuật Thủ đô", "Trường Cao đẳng Y tế Thủ đô",
                 "Trường Cao đẳng Sư phạm Mầm non Hoàng Mai"):
        assert unit in text
    assert "Đề nghị tặng danh hiệu “Cờ thi đua của Chính phủ” cho Trường Đại học Văn hóa Nghệ thuật Thủ đô" in text
    assert "TM. CỤM THI ĐUA SỐ 18 CỤM TRƯỞNG" in text
    assert "Nơi nhận:" in text


def test_page_numbers_start_on_page_two(pdfs):
    pages = pdfs["bao-cao-tong-ket-2023"]
    assert len(pages) >= 3
    assert pages[1].startswith("2 ") and pages[2].startswith("3 ")
    assert not pages[0].startswith("1 ")


def test_nomination_list_in_pdf(pdfs):
    text = " ".join(pdfs["danh-sach-de-nghi-khen-thuong-2023"])
    assert "DANH SÁCH" in text and "Số: …/DS-CTĐ18" in text
    assert "Hình thức, danh hiệu đề nghị" in text
    assert "101,5" in text and "92,5" in text
    assert ("Tổng số đề nghị: 01 Cờ thi đua của Chính phủ; 01 Cờ thi đua của Ủy ban nhân dân Thành phố; "
            "04 Bằng khen") in text


def _boxes_mm(path: Path) -> list[tuple[float, float, float, float]]:
    """Every character's box on every page, in mm from the page's left and top edges."""
    pdf = pdfium.PdfDocument(str(path))
    boxes = []
    try:
        for page in pdf:
            height = page.get_height()
            text = page.get_textpage()
            for i in range(text.count_chars()):
                left, bottom, right, top = text.get_charbox(i)
                if right > left:
                    boxes.append(tuple(v / 72 * 25.4 for v in (left, height - top, right, height - bottom)))
    finally:
        pdf.close()
    return boxes


@pytest.fixture(scope="module")
def pdf_files(sample_result, to_pdf, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("office-margins")
    drafts = render_drafts(sample_result, out)
    return dict(zip(drafts, to_pdf(list(drafts.values()), out / "pdf"), strict=True))


@pytest.mark.parametrize("kind", ["summary", "nominations", "proposal", "minutes", "pledge"])
def test_text_stays_inside_the_decree_30_margins(pdf_files, kind):
    width, height = _page_mm(pdf_files[kind], kind)
    boxes = _boxes_mm(pdf_files[kind])
    assert boxes
    # Left 30 mm, right 15 mm, bottom 20 mm; the page number sits in the top margin (header at 10 mm).
    assert min(b[0] for b in boxes) >= 29.5
    assert max(b[2] for b in boxes) <= width - 14.5
    assert max(b[3] for b in boxes) <= height - 19.5
    body_top = min(b[1] for b in boxes if b[1] > 15)
    assert 19.5 <= body_top <= 26


def test_proposal_letter_in_pdf(pdfs):
    pages = pdfs["to-trinh-de-nghi-khen-thuong-2023"]
    first = pages[0]
    for line in ("UBND THÀNH PHỐ HÀ NỘI", "CỤM THI ĐUA SỐ 18", "Số: …/TTr-CTĐ18", "Hà Nội, ngày 28 tháng 12 năm 2023",
                 "TỜ TRÌNH", "Về việc đề nghị khen thưởng thành tích trong phong trào thi đua năm 2023",
                 "Kính gửi: Hội đồng Thi đua - Khen thưởng Thành phố Hà Nội."):
        assert line in first, line
    text = " ".join(pages)
    assert "a) Danh hiệu “Cờ thi đua của Chính phủ” (01 tập thể): - Trường Đại học Văn hóa Nghệ thuật Thủ đô." in text
    assert ("c) Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố (04 tập thể): - Trường Cao đẳng Sư phạm Tây Hồ; "
            "- Trường Cao đẳng Nghệ thuật Thăng Long;") in text
    assert "Trường Cao đẳng Sư phạm Mầm non Hoàng Mai xếp thứ 6 (92,5 điểm)" in text
    assert "(Có danh sách kèm theo)" in text
    assert "TM. CỤM THI ĐUA SỐ 18 CỤM TRƯỞNG" in text and "Phạm Thị Thu Hà" in text and "Nơi nhận:" in text


def test_minutes_in_pdf(pdfs):
    pages = pdfs["bien-ban-hoi-nghi-tong-ket-2023"]
    first = pages[0]
    assert "Số: …/BB-CTĐ18" in first and "BIÊN BẢN" in first
    assert "Hà Nội, ngày" not in first  # form 1.9: no place-date line
    text = " ".join(pages)
    assert "Tổng số thành viên Cụm: 06 đơn vị; có mặt: …… đơn vị" in text
    assert ("Chủ trì: đồng chí Phạm Thị Thu Hà, Hiệu trưởng Trường Đại học Văn hóa Nghệ thuật Thủ đô, "
            "Cụm trưởng.") in text
    assert "phải được từ 80% trở lên tổng số thành viên Cụm đồng ý, tức từ 05/06 phiếu" in text
    assert "Từ 80% (từ 05/06 phiếu)" in text and "Trên 50% (từ 04/06 phiếu)" in text
    assert "Cụm trưởng năm 2024: Trường Cao đẳng Y tế Thủ đô" in text
    assert "THƯ KÝ …… CHỦ TỌA Phạm Thị Thu Hà" in text  # secretary left, chair right


def test_pledge_in_pdf(pdfs):
    pages = pdfs["giao-uoc-thi-dua-nam-2024"]
    assert "BẢN GIAO ƯỚC THI ĐUA" in pages[0] and "Năm 2024" in pages[0] and "Số: …/GƯTĐ-CTĐ18" in pages[0]
    text = " ".join(pages)
    assert "I.3 Tỷ lệ người học có việc làm sau tốt nghiệp 10" in text
    assert "Tổng điểm chuẩn: 100 điểm; điểm thưởng tối đa 5 điểm; điểm trừ tối đa 10 điểm." in text
    for head in ("Phạm Thị Thu Hà", "Nguyễn Văn Khánh", "Lê Minh Tuấn", "Trần Quốc Bảo", "Đỗ Thị Lan Anh",
                 "Vũ Thị Ngọc Mai"):
        assert head in text
    assert text.count("HIỆU TRƯỞNG") == 6
