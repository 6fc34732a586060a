"""Hostile inbox files built in code: small files whose reading would cost gigabytes or hours, or
that lie about what they hold, as a hostile-input trial found them (issue 17). Used by the tests
(tests/test_hostile_corpus.py) and by bench/hostile.py; nothing here
is committed as a binary file.

``CASES`` lists every case: its inbox file name, what it is, and a builder writing it at a path.
``write_case`` writes one, ``write_inbox`` all of them (and the odd non-file entries) in a folder.

Large deflate streams are built without compressing gigabytes: the deflate output of a repeated
block, flushed at each block, is the same bytes for every block once the window is full of it, so
a stream that inflates to a gigabyte is a few hundred copies of a kilobyte (``_deflate_repeated``).
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from examples import SAMPLE_CLUSTER_DIR

SAMPLE_REPORT = SAMPLE_CLUSTER_DIR / "inbox" / "BC TĐKT 2023 - ĐH VHNT Thủ đô.docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MB = 1 << 20


# --- deflate streams that inflate to far more than they weigh ------------------------------------------------

def _deflate_repeated(block: bytes, copies: int, *, wrapped: bool) -> bytes:
    """``block * copies`` deflated (raw for zip; with zlib's header and Adler-32 for PDF)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
    first = compressor.compress(block) + compressor.flush(zlib.Z_SYNC_FLUSH)
    steady = compressor.compress(block) + compressor.flush(zlib.Z_SYNC_FLUSH)
    again = compressor.compress(block) + compressor.flush(zlib.Z_SYNC_FLUSH)
    assert steady == again and len(block) >= 1 << 15  # the window holds only the block: steady output
    body = first + steady * (copies - 1)
    if not wrapped:
        return body + zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush()  # an empty final block
    adler = 1
    for _ in range(copies):
        adler = zlib.adler32(block, adler)
    # The zlib header came with ``first``; close with an empty final block and the checksum.
    return body + b"\x03\x00" + struct.pack(">I", adler)


def _crc_repeated(block: bytes, copies: int, start: int = 0) -> int:
    crc = start
    for _ in range(copies):
        crc = zlib.crc32(block, crc)
    return crc


# --- zip (.docx) files written member by member ---------------------------------------------------------------

@dataclass
class _Member:
    name: str
    data: bytes  # as stored (deflated unless ``method`` is 0)
    crc: int
    declared_size: int  # what the directory says the member inflates to
    method: int = 8  # deflated


def _member(name: str, content: bytes) -> _Member:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return _Member(name, compressor.compress(content) + compressor.flush(), zlib.crc32(content), len(content))


def _write_zip(target: Path, members: list[_Member]) -> None:
    """A zip whose local headers and central directory say what each ``_Member`` declares."""
    local, central = bytearray(), bytearray()
    for m in members:
        name = m.name.encode()
        header = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0x800, m.method, 0, 0x21, m.crc, len(m.data),
                             m.declared_size, len(name), 0)
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0x800, m.method, 0, 0x21, m.crc, len(m.data),
                               m.declared_size, len(name), 0, 0, 0, 0, 0, len(local)) + name
        local += header + name + m.data
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(local), 0)
    target.write_bytes(bytes(local + central + end))


def _sample_members(change: Callable[[str, bytes], _Member | None] | None = None) -> list[_Member]:
    """The sample report's members, each kept or replaced by ``change(name, content)``."""
    import zipfile

    members = []
    with zipfile.ZipFile(SAMPLE_REPORT) as source:
        for info in source.infolist():
            content = source.read(info)
            replaced = change(info.filename, content) if change else None
            members.append(replaced or _member(info.filename, content))
    return members


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '</Types>')
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>')


def _small_docx(target: Path, body: str, *, numbering: str | None = None, relationships: str = "") -> None:
    """A minimal Word document: ``body`` is the XML inside <w:body>; ``numbering`` the inside of
    numbering.xml; ``relationships`` more <Relationship> elements of the document part."""
    rels = relationships + (f'<Relationship Id="rIdNum" Type="{_REL}/numbering" Target="numbering.xml"/>'
                            if numbering is not None else "")
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                             f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>',
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
    }
    if numbering is not None:
        parts["word/numbering.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                       f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>')
    _write_zip(target, [_member(name, text.encode()) for name, text in parts.items()])


def _paragraph(text: str, num_id: int | None = None, ilvl: int = 0) -> str:
    numbered = (f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
                if num_id is not None else "")
    return f'<w:p>{numbered}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


_NOTE = ["Phiếu gửi kèm", "Kính gửi Thường trực Cụm thi đua.", "Đơn vị gửi kèm các tài liệu sau:"]


def _numbered_note(target: Path, start: int, fmt: str, ilvl: int = 0) -> None:
    """A covering note whose list starts at ``start`` in format ``fmt`` (level ``ilvl``)."""
    numbering = (f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
                 f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%{ilvl + 1}."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>')
    body = "".join(_paragraph(t) for t in _NOTE)
    body += "".join(_paragraph(f"Tài liệu số {i}", num_id=7, ilvl=ilvl) for i in range(1, 6))
    _small_docx(target, body, numbering=numbering)


# --- the cases --------------------------------------------------------------------------------------------------

def lying_zip(target: Path) -> None:
    """The sample report whose document part says it inflates to its real size (and checksum) but
    holds a gigabyte more: a reader trusting the directory inflates it all before trimming."""
    def change(name: str, content: bytes) -> _Member | None:
        if name != "word/document.xml":
            return None
        block = b" " * MB  # whitespace after the root element: the declared prefix is the whole XML
        head = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        data = head.compress(content) + head.flush(zlib.Z_FULL_FLUSH)  # a fresh window for the tail
        tail = _deflate_repeated(block, 1024, wrapped=False)
        return _Member(name, data + tail, zlib.crc32(content), len(content))
    _write_zip(target, _sample_members(change))


def huge_xml_within_limits(target: Path) -> None:
    """290 MB of body XML honestly declared (under the 300 MB unpacked limit): a DOM of many GB."""
    unit = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    block = unit * (MB // len(unit))
    copies = 290_000_000 // len(block)
    head = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>').encode()
    tail = b"</w:body></w:document>"
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    middle = _deflate_repeated(block, copies, wrapped=False)[:-2]  # without its empty final block
    end = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    closing = end.compress(tail) + end.flush()
    crc = zlib.crc32(tail, _crc_repeated(block, copies, zlib.crc32(head)))
    size = len(head) + len(block) * copies + len(tail)

    def change(name: str, content: bytes) -> _Member | None:
        return _Member(name, start + middle + closing, crc, size) if name == "word/document.xml" else None
    _write_zip(target, _sample_members(change))


def _sample_with_document(target: Path, edit: Callable[[str], str]) -> None:
    def change(name: str, content: bytes) -> _Member | None:
        return _member(name, edit(content.decode()).encode()) if name == "word/document.xml" else None
    _write_zip(target, _sample_members(change))


def cell_span_100m(target: Path) -> None:
    """A cell spanning 100,000,000 grid columns."""
    _sample_with_document(target, lambda xml: xml.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="100000000"/>', 1))


def row_offset_100m(target: Path) -> None:
    """A row starting after 100,000,000 grid columns."""
    _sample_with_document(target, lambda xml: xml.replace(
        "<w:tr>", '<w:tr><w:trPr><w:gridBefore w:val="100000000"/></w:trPr>', 1))


def billion_laughs(target: Path) -> None:
    """Nested entities that expand to 10^11 characters."""
    entities = '<!ENTITY l0 "hahahahaha">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 12))
    _sample_with_document(target, lambda xml: (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&l11;</w:t></w:r></w:p></w:body></w:document>'))


def roman_start_1e12(target: Path) -> None:
    """A list starting at 10^12 in upper-case roman numerals (a billion M's)."""
    _numbered_note(target, 10**12, "upperRoman")


def letter_start_2e9(target: Path) -> None:
    """A list starting at 2×10^9 in letters (a letter repeated 77 million times)."""
    _numbered_note(target, 2 * 10**9, "upperLetter")


def list_level_3e8(target: Path) -> None:
    """A list paragraph at level 300,000,000 (a counter per level up to it)."""
    _numbered_note(target, 1, "decimal", ilvl=300_000_000)


def nested_tables_10000(target: Path) -> None:
    """Tables nested 10,000 deep (30,000 levels of XML)."""
    depth = 10_000
    body = "<w:tbl><w:tr><w:tc>" * depth + _paragraph("Bảng lồng nhau") + "</w:tc></w:tr></w:tbl>" * depth
    _small_docx(target, "".join(_paragraph(t) for t in _NOTE) + body + _paragraph(""))


PASSWD = "file:///etc/passwd"


def external_links(target: Path) -> None:
    """A note whose picture field and relationships point at a local system file (and a web page):
    Word would fetch them when opened; a reader must never follow them."""
    relationships = (f'<Relationship Id="rIdPic" Type="{_REL}/image" Target="{PASSWD}" TargetMode="External"/>'
                     f'<Relationship Id="rIdWeb" Type="{_REL}/hyperlink" Target="http://192.0.2.1/x" '
                     'TargetMode="External"/>'
                     f'<Relationship Id="rIdSub" Type="{_REL}/subDocument" Target="{PASSWD}" TargetMode="External"/>')
    field = (f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
             f'INCLUDEPICTURE "{PASSWD}" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t>ảnh</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
             '<w:p><w:hyperlink r:id="rIdWeb"><w:r><w:t>Xem thêm</w:t></w:r></w:hyperlink></w:p>'
             '<w:p><w:subDoc r:id="rIdSub"/></w:p>')
    _small_docx(target, "".join(_paragraph(t) for t in _NOTE) + field, relationships=relationships)


# --- PDF --------------------------------------------------------------------------------------------------------

def _write_pdf(target: Path, objects: list[bytes]) -> None:
    """A PDF of ``objects`` (object 1 the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    target.write_bytes(bytes(out))


def _stream(dictionary: str, data: bytes) -> bytes:
    return f"<< {dictionary} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def pdf_stream_1gb(target: Path) -> None:
    """A one-page PDF whose content stream inflates to a gigabyte (a 1 MB file)."""
    content = _deflate_repeated(b"0 0 m\n" * (MB // 6), 1024, wrapped=True)
    _write_pdf(target, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream("/Filter /FlateDecode", content),
    ])


def pdf_page_14400pt(target: Path) -> None:
    """A text-less page of 14,400 × 14,400 pt (the largest PDF allows) showing one small picture, so
    that it is taken for a scan: rendered at 300 DPI it is 3.6 billion pixels."""
    side = 14_400
    content = f"q {side} 0 0 {side} 0 0 cm /Im1 Do Q".encode()
    _write_pdf(target, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {side} {side}] /Contents 4 0 R "
        "/Resources << /XObject << /Im1 5 0 R >> >> >>".encode(),
        _stream("", content),
        _stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8",
                b"\x00\xff\xff\x00"),
    ])


# --- text -------------------------------------------------------------------------------------------------------

def paragraph_40mb(target: Path) -> None:
    """One 40 MB paragraph of plain text."""
    target.write_text("Báo cáo " * 4_000_000, encoding="utf-8")


# The longest name a Linux file system allows: 255 bytes (UTF-8), here a covering note.
LONG_NAME = ("Phiếu gửi kèm báo cáo " * 12).encode()[:251].decode("utf-8", "ignore").rstrip() + ".txt"
assert len(LONG_NAME.encode()) <= 255


def long_name_note(target: Path) -> None:
    """A covering note (not a report) whose name takes all 255 bytes a file name may have."""
    target.write_text("Kính gửi Thường trực Cụm thi đua.\nĐơn vị xin gửi kèm báo cáo.\n", encoding="utf-8")


@dataclass(frozen=True)
class HostileCase:
    file: str  # its name in the inbox
    build: Callable[[Path], None]

    @property
    def what(self) -> str:
        return (self.build.__doc__ or "").split("\n")[0]


CASES = [
    HostileCase("zip-khai-sai-kich-thuoc.docx", lying_zip),
    HostileCase("xml-290-MB.docx", huge_xml_within_limits),
    HostileCase("o-gop-100-trieu-cot.docx", cell_span_100m),
    HostileCase("dong-lui-100-trieu-cot.docx", row_offset_100m),
    HostileCase("ty-tieng-cuoi.docx", billion_laughs),
    HostileCase("so-la-ma-10-mu-12.docx", roman_start_1e12),
    HostileCase("chu-cai-2-ty.docx", letter_start_2e9),
    HostileCase("cap-danh-so-300-trieu.docx", list_level_3e8),
    HostileCase("bang-long-10000-cap.docx", nested_tables_10000),
    HostileCase("lien-ket-ngoai.docx", external_links),
    HostileCase("luong-noi-dung-1-GB.pdf", pdf_stream_1gb),
    HostileCase("trang-14400-pt.pdf", pdf_page_14400pt),
    HostileCase("mot-doan-40-MB.txt", paragraph_40mb),
    HostileCase(LONG_NAME, long_name_note),
]
BY_FILE = {case.file: case for case in CASES}


def write_case(folder: Path, file: str) -> Path:
    target = folder / file
    BY_FILE[file].build(target)
    return target


def write_odd_entries(folder: Path) -> list[str]:
    """Entries that are not files: a FIFO (opening it would block) and a link to nothing."""
    os.mkfifo(folder / "ong-dan")
    (folder / "lien-ket-hong.docx").symlink_to(folder / "khong-co.docx")
    return ["ong-dan", "lien-ket-hong.docx"]


def write_inbox(folder: Path, files: list[str] | None = None) -> list[str]:
    """Every case (or those named) and the odd entries in ``folder``; the names written."""
    folder.mkdir(parents=True, exist_ok=True)
    names = files if files is not None else [case.file for case in CASES]
    for name in names:
        write_case(folder, name)
    return names + write_odd_entries(folder)
