"""Mutated inputs for fuzzing the readers and the configuration loaders, each drawn from a
``random.Random``: the property tests (tests/test_fuzz_readers.py) draw it through hypothesis, the
bench (bench/hostile.py) from seeds, so the same mutations serve both.

- ``docx_bytes``: the sample report with its XML parts mutated as trees (elements deleted,
  duplicated, renamed, attributes set to odd values, Word fragments inserted: spans, merges,
  numbering, fields, text boxes, legacy fonts) or as bytes (flipped, cut), or the file cut short.
- ``pdf_bytes``: a sample PDF cut short, with bytes flipped, numbers in its objects changed
  (page counts, boxes, lengths), or a range deleted.
- ``text_bytes``: random text (Vietnamese, legacy TCVN3 letters, tabs, control characters, long
  lines, a BOM, Windows-1258) or random bytes.
- ``yaml_text``: a sample configuration file (cluster, rubric, rules, tdkt.yaml) mutated as data
  (values replaced by random nested data) or as text (lines dropped, repeated, re-indented,
  characters flipped), or random YAML-looking text; ``CONFIG_LOADERS`` load each kind.

``is_vietnamese`` is what every message an officer reads must be.
"""

from __future__ import annotations

import copy
import io
import random
import re
import unicodedata
import zipfile
from functools import cache
from pathlib import Path

import yaml
from lxml import etree

from examples import SAMPLE_CLUSTER_DIR
from pipeline.config.award_rules import load_rules
from pipeline.config.cluster import load_cluster
from pipeline.config.rubric import load_rubric
from pipeline.core.configfile import load_model
from pipeline.runs.workspace import WorkspaceConfig

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE_DOCX = SAMPLE_CLUSTER_DIR / "inbox" / "BC TĐKT 2023 - ĐH VHNT Thủ đô.docx"
SAMPLE_PDFS = [SAMPLE_CLUSTER_DIR / "inbox" / "Bao cao tong ket thi dua 2023_CDYT.pdf",
               ROOT / "tests" / "data" / "corpus" / "pdf" / "A-cdyt.pdf"]
CONFIG_SAMPLES = {
    "cluster": SAMPLE_CLUSTER_DIR / "cluster.yaml",
    "rubric": SAMPLE_CLUSTER_DIR / "rubric.yaml",
    "rules": SAMPLE_CLUSTER_DIR / "rules.yaml",
    "workspace": None,  # tdkt.yaml: written below
}
_WORKSPACE_YAML = """schedule:
  interval_minutes: 10
  timezone: Asia/Ho_Chi_Minh
settle_seconds: 10
file_mode: "0664"
limits:
  max_memory_mb: 1024
  max_seconds: 600
"""

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ODD_VALUES = ["-1", "0", "1", "2", "9", "10", "63", "64", "65535", "4294967296", "999999999999", "", "abc", "٣",
               "1.5", "NaN", "continue", "restart", "bullet", "upperRoman", "lowerLetter", "decimalZero",
               "%1.%2.%3.%4.%5.%6.%7.%8.%9.", "true", "false", "Heading1", "-999999999999"]
_FRAGMENTS = [
    "<w:tbl/>", "<w:tr/>", "<w:tc/>", "<w:p/>", "<w:r/>",
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    '<w:tcPr><w:gridSpan w:val="3"/><w:vMerge/></w:tcPr>',
    '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>',
    '<w:trPr><w:gridBefore w:val="2"/></w:trPr>',
    '<w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr></w:pPr>',
    '<w:pPr><w:outlineLvl w:val="12"/><w:pStyle w:val="Heading1"/></w:pPr>',
    "<w:sdt><w:sdtContent><w:p><w:r><w:t>Nội dung</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
    '<w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE "file:///etc/passwd" \\d </w:instrText></w:r>',
    "<w:r><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></w:r>",
    '<w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t>B¸o c¸o tæng kÕt</w:t></w:r>',
    '<w:r><w:rPr><w:rFonts w:ascii="VNI-Times"/></w:rPr><w:t>Baùo caùo</w:t></w:r>',
    '<w:lvl w:ilvl="0"><w:start w:val="0"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1)"/></w:lvl>',
    '<w:num w:numId="1"><w:abstractNumId w:val="99"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/>'
    "</w:lvlOverride></w:num>",
    '<w:style w:type="paragraph" w:styleId="X"><w:basedOn w:val="X"/><w:pPr><w:numPr><w:numId w:val="1"/>'
    "</w:numPr></w:pPr></w:style>",
    "<w:r><w:t>Tổng cộng\t95,5 điểm</w:t></w:r>",
    "<w:r><w:br/><w:tab/><w:noBreakHyphen/><w:sym w:char=\"F020\"/></w:r>",
]
_TAGS = ["p", "r", "t", "tbl", "tr", "tc", "sdt", "sdtContent", "body", "numPr", "tcPr", "pPr", "rPr", "lvl", "num",
         "abstractNum", "style", "hyperlink", "txbxContent"]
_XML_PARTS = [("word/document.xml", 12), ("word/numbering.xml", 3), ("word/styles.xml", 2), ("word/header1.xml", 1),
              ("[Content_Types].xml", 1), ("word/_rels/document.xml.rels", 1), ("_rels/.rels", 1)]


@cache
def _docx_members() -> tuple[tuple[zipfile.ZipInfo, bytes], ...]:
    with zipfile.ZipFile(SAMPLE_DOCX) as source:
        return tuple((info, source.read(info)) for info in source.infolist())


def _flip(rng: random.Random, data: bytes, most: int = 8) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, most)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _mutate_tree(rng: random.Random, data: bytes) -> bytes:
    root = etree.fromstring(data)
    for _ in range(rng.randint(1, 4)):
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        target = rng.choice(elements)
        action = rng.choice(["delete", "attribute", "insert", "rename", "duplicate"])
        parent = target.getparent()
        if action == "delete" and parent is not None:
            parent.remove(target)
        elif action == "attribute":
            names = list(target.attrib) or [f"{{{W}}}val"]
            target.set(rng.choice(names), rng.choice(_ODD_VALUES))
        elif action == "insert":
            holder = etree.fromstring(f'<w:x xmlns:w="{W}">{rng.choice(_FRAGMENTS)}</w:x>')
            target.insert(rng.randint(0, len(target)), holder[0])
        elif action == "rename":
            target.tag = f"{{{W}}}{rng.choice(_TAGS)}"
        elif action == "duplicate" and parent is not None:
            parent.insert(parent.index(target), copy.deepcopy(target))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def docx_bytes(rng: random.Random) -> bytes:
    """The sample report, mutated (see the module's docstring)."""
    names, weights = zip(*_XML_PARTS, strict=True)
    part = rng.choices(names, weights)[0]
    how = rng.choices(["tree", "flip", "cut", "file-cut", "drop"], [10, 3, 1, 1, 1])[0]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in _docx_members():
            if info.filename == part:
                if how == "drop":
                    continue
                if how == "tree":
                    data = _mutate_tree(rng, data)
                elif how == "flip":
                    data = _flip(rng, data)
                elif how == "cut":
                    data = data[:rng.randrange(len(data))]
            out.writestr(info.filename, data)
    whole = buffer.getvalue()
    return whole[:rng.randrange(len(whole))] if how == "file-cut" else whole


_NUMBER = re.compile(rb"(?<=[\s\[/])-?\d+(?:\.\d+)?(?=[\s\]/>])")
_ODD_NUMBERS = [b"0", b"-1", b"1", b"99999999", b"4294967297", b"14400", b"1e10", b"0.0001", b"-14400", b"3"]


def pdf_bytes(rng: random.Random) -> bytes:
    """A sample PDF, mutated (see the module's docstring)."""
    data = _sample_pdf(rng.randrange(len(SAMPLE_PDFS)))
    how = rng.choice(["cut", "flip", "numbers", "delete"])
    if how == "cut":
        return data[:rng.randrange(len(data))]
    if how == "flip":
        return _flip(rng, data, 16)
    if how == "delete":
        start = rng.randrange(len(data))
        return data[:start] + data[start + rng.randint(1, 2000):]
    numbers = [m for m in _NUMBER.finditer(data) if not _in_stream(data, m.start())]
    out = bytearray(data)
    for match in sorted(rng.sample(numbers, min(len(numbers), rng.randint(1, 6))), key=lambda m: -m.start()):
        out[match.start():match.end()] = rng.choice(_ODD_NUMBERS)
    return bytes(out)


@cache
def _sample_pdf(index: int) -> bytes:
    return SAMPLE_PDFS[index].read_bytes()


def _in_stream(data: bytes, offset: int) -> bool:
    """Whether ``offset`` is inside stream data (numbers are changed in the objects, not there)."""
    before = data.rfind(b"stream", 0, offset)
    return before >= 0 and data[before - 3:before] != b"end"


_LETTERS = ("aăâbcdđeêghiklmnoôơpqrstuưvxyàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ"
            "ĐĂÂÊÔƠƯ0123456789 ,.;:/%()-–\t\t\n\n\r\x00\x1b\u200b\ufeff¸µ¶·¹¸æ")


def text_bytes(rng: random.Random) -> bytes:
    """Random text, or bytes (see the module's docstring)."""
    how = rng.choice(["text", "text", "bytes", "cp1258", "long-line"])
    if how == "bytes":
        return rng.randbytes(rng.randint(0, 4000))
    size = rng.randint(0, 3000) if how != "long-line" else rng.randint(10_000, 60_000)
    text = "".join(rng.choice(_LETTERS) for _ in range(size))
    if how == "cp1258":
        return text.encode("cp1258", errors="replace")
    return (b"\xef\xbb\xbf" if rng.random() < 0.2 else b"") + text.encode("utf-8")


def _random_data(rng: random.Random, depth: int = 0) -> object:
    kind = rng.randrange(9 if depth < 4 else 6)
    if kind == 0:
        return rng.choice([None, True, False, 0, -1, 1.5, 10**20, float("inf"), float("nan")])
    if kind == 1:
        return rng.randint(-10**6, 10**6)
    if kind in (2, 3, 4):
        return "".join(rng.choice(_LETTERS.replace("\x00", "")) for _ in range(rng.randint(0, 40)))
    if kind == 5:
        return rng.choice(["2023-12-28", "28/12/2023", "I.1", "dhvhnt", "co_ubnd_tp", "0664", "*/10 7-18 * * 1-5"])
    if kind in (6, 7):
        return {rng.choice(["name", "id", "code", "max", "members", "groups", "criteria", "awards", "quota",
                            "limits", "max_seconds", "schedule", "x", "", "1"]): _random_data(rng, depth + 1)
                for _ in range(rng.randint(0, 5))}
    return [_random_data(rng, depth + 1) for _ in range(rng.randint(0, 5))]


@cache
def _config_text(kind: str) -> str:
    path = CONFIG_SAMPLES[kind]
    return path.read_text(encoding="utf-8") if path is not None else _WORKSPACE_YAML


def _replace_somewhere(rng: random.Random, data: object) -> object:
    """``data`` with one value somewhere in it replaced by random data."""
    if isinstance(data, dict) and data and rng.random() < 0.7:
        key = rng.choice(list(data))
        return {**data, key: _replace_somewhere(rng, data[key])}
    if isinstance(data, list) and data and rng.random() < 0.7:
        index = rng.randrange(len(data))
        return [*data[:index], _replace_somewhere(rng, data[index]), *data[index + 1:]]
    return _random_data(rng)


def yaml_text(rng: random.Random, kind: str) -> str:
    """A configuration file of ``kind`` ("cluster", "rubric", "rules", "workspace"), mutated."""
    text = _config_text(kind)
    how = rng.choice(["data", "data", "lines", "chars", "random"])
    if how == "data":
        return yaml.safe_dump(_replace_somewhere(rng, yaml.safe_load(text)), allow_unicode=True, sort_keys=False)
    if how == "lines":
        lines = text.splitlines()
        for _ in range(rng.randint(1, 5)):
            index = rng.randrange(len(lines))
            action = rng.choice(["drop", "repeat", "indent", "dedent"])
            if action == "drop":
                del lines[index]
            elif action == "repeat":
                lines.insert(index, lines[index])
            elif action == "indent":
                lines[index] = "  " + lines[index]
            else:
                lines[index] = lines[index].lstrip()
        return "\n".join(lines) + "\n"
    if how == "chars":
        chars = list(text)
        for _ in range(rng.randint(1, 10)):
            chars[rng.randrange(len(chars))] = rng.choice(":-[]{}&*!|>'\"#%@`,? \n\t\\" + "aă1")
        return "".join(chars)
    return "".join(rng.choice(":-[]{}&*!|>'\"#%@`,? \n\n  \tabcđê12") for _ in range(rng.randint(0, 400)))


CONFIG_LOADERS = {
    "cluster": load_cluster,
    "rubric": load_rubric,
    "rules": load_rules,
    "workspace": lambda path: load_model(path, WorkspaceConfig),
}
_VIETNAMESE = set("ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ")


def is_vietnamese(message: str) -> bool:
    """NFC text with Vietnamese letters in it."""
    return unicodedata.is_normalized("NFC", message) and bool(_VIETNAMESE & set(message.lower()))
