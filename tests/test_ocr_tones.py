"""Tone marks OCR misread on capitals, settled by the document's own words and the phrase list."""

from __future__ import annotations

from extractors.ocr_tones import settle_tones
from pipeline.core.model import Block, BlockKind, Cell, Provenance

OCR = Provenance(file="quet.pdf", page=1, ocr_confidence=0.9)
TEXT = Provenance(file="van-ban.pdf", page=1)


def _paragraph(text: str, where: Provenance = OCR) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, raw=text, text=text, provenance=where)


def _table(*rows: list[str]) -> Block:
    grid = [[Cell(raw=t, text=t, confidence=0.9) for t in row] for row in rows]
    return Block(kind=BlockKind.TABLE, raw="", text="", rows=grid, provenance=OCR.model_copy(update={"table": 0}))


def test_capitals_take_the_tone_marks_the_document_writes_elsewhere():
    blocks = settle_tones([
        _table(["I", "CÔNG TÁC BÁO ĐÁM AN NINH, TRẬT TỰ"], ["I.1", "Thi đua bảo đảm an ninh cơ sở"]),
        _paragraph("Các đơn vị thực hiện tốt việc bảo đảm an ninh."),
    ])
    cell = blocks[0].rows[0][1]
    assert cell.text == "CÔNG TÁC BẢO ĐẢM AN NINH, TRẬT TỰ"
    assert cell.raw == "CÔNG TÁC BÁO ĐÁM AN NINH, TRẬT TỰ"  # as OCR read it, for the reviewer


def test_the_phrase_list_settles_a_phrase_the_document_writes_once():
    blocks = settle_tones([_table(["II", "NGHIÊN CỨU KHOA HỌC VÀ CHUYỂN GIAO CÔNG NGHẸ"], ["", "Tổng cộng"])])
    assert blocks[0].rows[0][1].text == "NGHIÊN CỨU KHOA HỌC VÀ CHUYỂN GIAO CÔNG NGHỆ"  # a lost circumflex too
    assert settle_tones([_paragraph("CỤM THỊ ĐUA SỐ 5")])[0].text == "CỤM THI ĐUA SỐ 5"


def test_a_document_that_writes_its_own_spelling_more_often_keeps_it():
    # "điểm thường" (ordinary points) four times: not the list's "điểm thưởng" (bonus points).
    text = "Điểm thường xuyên; điểm thường kỳ; điểm thường niên; điểm thường trực"
    assert settle_tones([_paragraph(text)])[0].text == text


def test_text_not_read_by_ocr_is_never_changed():
    block = _paragraph("CÔNG TÁC BÁO ĐÁM AN NINH", TEXT)
    assert settle_tones([block, _paragraph("bảo đảm an ninh, bảo đảm an ninh", TEXT)])[0].text == block.text


def test_only_marks_on_vowels_change_never_letters_or_words():
    # "tài sán" → "tài sản" (the document writes it twice); "báo về" (three times) and "bảo vệ"
    # (once, and in the phrase list) differ only in marks, and neither is written more than
    # twice as often as the other: both stay as written.
    blocks = settle_tones([
        _paragraph("Quản lý tài sán công. Tài sản công được kiểm kê; tài sản cố định."),
        _paragraph("Đơn vị báo về cụm; đơn vị báo về sở; báo về thành phố; bảo vệ"),
    ])
    assert blocks[0].text == "Quản lý tài sản công. Tài sản công được kiểm kê; tài sản cố định."
    assert blocks[1].text == "Đơn vị báo về cụm; đơn vị báo về sở; báo về thành phố; bảo vệ"
