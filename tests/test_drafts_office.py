"""The drafts open in a real office suite: LibreOffice converts them, and the PDF says the right things."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from pipeline.drafts.render import render_drafts


@pytest.fixture(scope="module")
def pdfs(sample_result, to_pdf, tmp_path_factory) -> dict[str, list[str]]:
    out = tmp_path_factory.mktemp("office")
    drafts = render_drafts(sample_result, out)
    converted = to_pdf(drafts, out / "pdf")
    return {path.stem: _pages(path) for path in converted}


def _pages(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        size = pdf[0].get_size()
        assert (round(size[0] / 72 * 25.4), round(size[1] / 72 * 25.4)) == (210, 297)  # A4 portrait
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
