"""Legacy Vietnamese 8-bit encodings still found in offices: TCVN3 (ABC), VNI, Windows-1258.

A document typed with a TCVN3 font (".VnTime", ".VnArial"…) stores each Vietnamese letter as one
Latin-1 character ("B¸o c¸o" for "Báo cáo"; "ư" is U+00AD, the soft hyphen). Fonts whose name ends
in "H" (".VnTimeH") draw the lower-case codes as capitals. VNI fonts ("VNI-Times"…) store a base
letter followed by a mark character ("chaøo" for "chào"). Both directions are here: decoding for
reading, encoding for building test fixtures.
"""

from __future__ import annotations

import re
import unicodedata

from extractors.syllables import join_split_words
from pipeline.core.model import Document
from pipeline.core.textnorm import nfc

# --- TCVN3 (TCVN 5712:1993, VN3 / "ABC") -------------------------------------------------------

_TCVN3_PAIRS = (
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \u00adư ®đ "
    "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ "
    "Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị "
    "ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ "
    "ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ"
)
TCVN3_TO_UNICODE: dict[str, str] = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split(" ")}
UNICODE_TO_TCVN3: dict[str, str] = {u: t for t, u in TCVN3_TO_UNICODE.items()}

# --- VNI (VNI-Windows) ----------------------------------------------------------------------------

_TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # none, sắc, huyền, hỏi, ngã, nặng
_PLAIN_MARKS = ["", "ù", "ø", "û", "õ", "ï"]
_CIRCUMFLEX_MARKS = ["â", "á", "à", "å", "ã", "ä"]
_BREVE_MARKS = ["ê", "é", "è", "ú", "ü", "ë"]
_I_FORMS = ["i", "í", "ì", "æ", "ó", "ò"]


def _vni_table() -> dict[str, str]:
    """Unicode letter (NFC) → VNI byte sequence, lower and upper case."""
    table: dict[str, str] = {}

    def add(base: str, modifier: str, marks: list[str], first: str) -> None:
        for tone, mark in zip(_TONES, marks, strict=True):
            letter = unicodedata.normalize("NFC", base + modifier + tone)
            table[letter] = first + mark
            table[letter.upper()] = first.upper() + mark.upper()

    for vowel in "aeouy":
        add(vowel, "", _PLAIN_MARKS, vowel)
    for vowel in "aeo":
        add(vowel, "\u0302", _CIRCUMFLEX_MARKS, vowel)
    add("a", "\u0306", _BREVE_MARKS, "a")
    add("o", "\u031b", _PLAIN_MARKS, "ô")  # ơ
    add("u", "\u031b", _PLAIN_MARKS, "ö")  # ư
    for tone, form in zip(_TONES, _I_FORMS, strict=True):
        letter = unicodedata.normalize("NFC", "i" + tone)
        table[letter], table[letter.upper()] = form, form.upper()
    table["ỵ"], table["Ỵ"] = "î", "Î"
    table["đ"], table["Đ"] = "ñ", "Ñ"
    for plain in "aeouyAEOUY":  # a plain letter is itself
        table.pop(plain, None)
    return table


UNICODE_TO_VNI: dict[str, str] = _vni_table()
VNI_TO_UNICODE: dict[str, str] = {v: u for u, v in UNICODE_TO_VNI.items()}
_VNI_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(VNI_TO_UNICODE, key=len, reverse=True)))


def tcvn3_to_unicode(text: str, upper: bool = False) -> str:
    converted = "".join(TCVN3_TO_UNICODE.get(ch, ch) for ch in text)
    return converted.upper() if upper else converted


def vni_to_unicode(text: str) -> str:
    return _VNI_PATTERN.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text)


def unicode_to_tcvn3(text: str) -> str:
    """For fixtures. Capitals with diacritics other than Ă Â Ê Ô Ơ Ư Đ have no TCVN3 code: they
    are written in lower case, as users of ".VnTime" do (".VnTimeH" then draws them as capitals)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in UNICODE_TO_TCVN3:
            out.append(UNICODE_TO_TCVN3[ch])
        elif ch.lower() in UNICODE_TO_TCVN3 and ch.lower() != ch:
            out.append(UNICODE_TO_TCVN3[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def unicode_to_vni(text: str) -> str:
    return "".join(UNICODE_TO_VNI.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


# --- which encoding is a run or a text in -------------------------------------------------------

TCVN3, VNI = "tcvn3", "vni"


def encoding_of_font(font: str | None) -> tuple[str | None, bool]:
    """(legacy encoding, draws capitals) from a font name: '.VnTimeH' → ('tcvn3', True)."""
    if not font:
        return None, False
    name = font.strip()
    if name.startswith(".Vn") or name.lower().startswith("vn3"):
        return TCVN3, name.rstrip().endswith("H")
    if name.upper().startswith("VNI-") or name.upper().startswith("VNI "):
        return VNI, name.upper().endswith("H")
    return None, False


_VIETNAMESE_UNICODE = re.compile("[\u1ea0-\u1ef9\u0103\u0102\u01a1\u01a0\u01b0\u01af\u0111\u0110]")
_TCVN3_ONLY = re.compile("[\u00a1-\u00a7\u00a8-\u00ae\u00b5-\u00b9\u00bb-\u00be]")
# Only marks that are not Vietnamese letters themselves: "uyê", "iê", "uâ", "oà" are plain
# Unicode Vietnamese ("Chuyên môn", "Quân sự") and must not read as VNI.
_VNI_SEQUENCE = re.compile("[aeiouyAEIOUY][øûïåäëüØÛÏÅÄËÜ]|[ñÑöÖ]")
# A character either pattern needs: a text without one is neither, whatever the counts below.
_LEGACY_SIGN = re.compile("[\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00beøûïåäëüØÛÏÅÄËÜñÑöÖ]")


def guess_encoding(text: str) -> str | None:
    """TCVN3 or VNI when a text reads like one (where no font name tells), else None.

    Unicode Vietnamese uses letters TCVN3 and VNI never produce (U+1EA0…, ơ ư đ); TCVN3 text is
    dense in Latin-1 symbols (¸ µ ¶ ¨ ©…) that real text rarely has; VNI text pairs plain vowels
    with mark characters ("aø", "eá").
    """
    if text.isascii() or not _LEGACY_SIGN.search(text):
        return None  # both write their letters with Latin-1 characters, and each needs some of these
    vietnamese = len(_VIETNAMESE_UNICODE.findall(text))
    if vietnamese > len(text) * 0.02:
        return None  # Unicode Vietnamese even counting every character as a letter (no need to count them)
    letters = sum(map(str.isalpha, text))
    if letters < 8 or vietnamese > letters * 0.02:
        return None
    if len(_TCVN3_ONLY.findall(text)) > letters * 0.03:
        return TCVN3
    if len(_VNI_SEQUENCE.findall(text)) > letters * 0.03:
        return VNI
    return None


# PDF text layers put a gap before a VNI mark drawn as its own glyph ("chua ån" for "chuaån").
_VNI_MARK_GAP = re.compile(r"(?<=[aeiouyAEIOUY]) (?=[ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË])")


def decode(text: str, encoding: str | None, upper: bool = False) -> str:
    if encoding == TCVN3:
        return tcvn3_to_unicode(text, upper)
    if encoding == VNI:
        converted = vni_to_unicode(_VNI_MARK_GAP.sub("", text))
        return converted.upper() if upper else converted
    return text


def decode_document(doc: Document) -> Document:
    """Convert a whole document read without font names (PDF text, plain text) when its text as a
    whole reads as TCVN3 or VNI. Raw text stays as it was; blocks and cells get Unicode text."""
    sample = "\n".join(b.raw for b in doc.blocks)
    encoding = guess_encoding(sample)
    if encoding is None:
        return doc
    def convert(raw: str) -> str:
        # Splits around accented letters in the text layer are only recognizable once decoded.
        return join_split_words(nfc(decode(raw, encoding)))

    blocks = []
    for block in doc.blocks:
        rows = [[c.model_copy(update={"text": convert(c.raw)}) for c in row] for row in block.rows]
        blocks.append(block.model_copy(update={"text": convert(block.raw), "rows": rows}))
    return doc.model_copy(update={"blocks": blocks, "legacy_encoding": encoding})
