"""A report as a Windows-1258 plain-text file, as old Windows tools save Vietnamese text.

Windows-1258 has codes for the vowels with their vowel marks (â ê ô ă ơ ư) and for đ, plus a
few Latin-1 letters with tones (à á é…), and combining codes for the five tone marks. Toned
letters are written as base letter + combining tone; ``precomposed=True`` uses the Latin-1
codes where they exist, as Microsoft's converter does.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import table_spec
from content import SCORES_INTRO, SUMMARY, TABLE_TITLE, Report
from table_spec import Layout

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def to_cp1258(text: str, precomposed: bool) -> bytes:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if precomposed and _encodable(ch):
            out.append(ch)
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in decomposed if m in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def _encodable(ch: str) -> bool:
    try:
        ch.encode("cp1258")
        return True
    except UnicodeEncodeError:
        return False


def report_lines(report: Report, layout: Layout) -> list[str]:
    """Lines of the report: header lines, blank line between paragraphs, the table as TSV."""
    unit = report.unit
    lines = [unit.parent_caps, unit.name.upper(), f"Số: {report.doc_number}",
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", report.place_date,
             "", "BÁO CÁO", SUMMARY, ""]
    for block in report.blocks:
        lines += [block.text, ""]
    lines += ["III. KẾT QUẢ TỰ CHẤM ĐIỂM", "", SCORES_INTRO, "", TABLE_TITLE]
    lines.append("\t".join(table_spec.header_labels(layout)))
    for row in table_spec.rows(report, layout):
        lines.append("\t".join(row.cells.get(c, "") for c in layout.columns))
    lines += ["", unit.head_title.upper(), unit.head_name]
    return lines


def write_txt(report: Report, layout: Layout, path: Path, precomposed: bool) -> Path:
    text = "\r\n".join(report_lines(report, layout)) + "\r\n"
    path.write_bytes(to_cp1258(text, precomposed))
    return path
