import pytest

from pipeline.core.textnorm import fold, format_number, nfc, parse_number, roman_to_int


@pytest.mark.parametrize(
    "a, b",
    [("Hòa", "hoà"), ("CỘNG HOÀ", "cộng hòa"), ("thủy", "thuỷ"), ("Ủy ban", "uỷ ban"), ("khỏe", "khoẻ"),
     ("Văn hoá", "văn hóa"), ("quý", "quý")],
)
def test_fold_treats_old_and_new_tone_placement_alike(a, b):
    assert fold(a) == fold(b)


def test_fold_keeps_length_so_offsets_map_back():
    text = "Trường Cao đẳng Y tế Thủ đô hoà nhập"
    assert len(fold(text)) == len(nfc(text))


def test_fold_keeps_different_words_apart():
    assert fold("hoa") != fold("hòa")
    assert fold("Y tế") != fold("Y tê")


def test_nfc_composes_decomposed_text():
    decomposed = "Ba\u0301o ca\u0301o"
    assert nfc(decomposed) == "Báo cáo"


@pytest.mark.parametrize(
    "written, value",
    [("9,5", 9.5), ("9.5", 9.5), ("9,50 điểm", 9.5), ("1.250", 1250), ("1.250.000", 1250000), ("-1", -1),
     ("(1)", -1), ("95,2%", 95.2), ("10", 10), ("", None), ("x", None), ("0,5", 0.5)],
)
def test_parse_number_reads_vietnamese_numbers(written, value):
    assert parse_number(written) == value


def test_format_number_writes_vietnamese_numbers():
    assert [format_number(v) for v in (96.5, 100.0, 1250, 97.25)] == ["96,5", "100", "1.250", "97,25"]


def test_roman_numerals():
    assert [roman_to_int(t) for t in ("I", "IV", "II.", "X", "Điểm")] == [1, 4, 2, 10, None]
