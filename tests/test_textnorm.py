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


@pytest.mark.parametrize("text", [
    "", " ", "Báo cáo", "  Báo  cáo  ", "Ba\u0301o ca\u0301o", "a\tb", "a\u00a0b", "a\u2009b\u3000", "Tr\u00adường",
    "e\u00ad\u0301", " \u00ad ", "a \u00a0 b", "Tổng cộng:\n 95 điểm", "\u202f", "x\u200by",
])
def test_nfc_without_its_space_regex_gives_what_the_regex_gives(text):
    """nfc() skips its space substitution when a text's spaces are all plain and single."""
    import unicodedata

    from pipeline.core.textnorm import _SPACES

    assert nfc(text) == _SPACES.sub(" ", unicodedata.normalize("NFC", text).replace("\u00ad", "")).strip()


def test_the_shortcut_of_nfc_knows_every_space_nfc_folds():
    from pipeline.core.textnorm import _ODD_SPACE, _SPACES

    folded = {chr(c) for c in range(0x110000) if _SPACES.fullmatch(chr(c))}
    odd = {chr(c) for c in range(0x110000) if _ODD_SPACE.fullmatch(chr(c))}
    assert folded == odd | {" "} and " " not in odd
