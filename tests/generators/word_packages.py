"""Small Word packages written part by part, for what a reader of the zip itself must get right:
where relationships point (relative, absolute, outside the folder, external), content types,
parts missing or shared, sections whose headers are linked to the previous one, style chains and
attribute values Word never writes.

``package(...)`` gives a document's members (name → text) from its body XML and optional parts;
``write_members`` writes them as a .docx. ``CORNERS`` names each corner case, ``write_corners``
writes them all in a folder (bench/docx_generated.py does, for bench/docx_extract_identity.py).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CT = {
    "document": f"{_OFFICE}.document.main+xml",
    "docm": "application/vnd.ms-word.document.macroEnabled.main+xml",
    "dotm": "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "dotx": f"{_OFFICE}.template.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "styles": f"{_OFFICE}.styles+xml",
    "numbering": f"{_OFFICE}.numbering+xml",
    "header": f"{_OFFICE}.header+xml",
    "footer": f"{_OFFICE}.footer+xml",
    "settings": f"{_OFFICE}.settings+xml",
    "comments": f"{_OFFICE}.comments+xml",
    "core": "application/vnd.openxmlformats-package.core-properties+xml",
    "png": "image/png",
}
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_NAMESPACES = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:mc="{MC_NS}" xmlns:wps="{WPS_NS}"'

Members = dict[str, str | bytes]


def p(text: str, *, style: str | None = None, bold: str | None = None, font: str | None = None,
      ppr: str = "") -> str:
    """A paragraph of one run; ``bold`` is the run's w:b value ("" for <w:b/>), ``ppr`` more pPr."""
    props = (f'<w:pStyle w:val="{style}"/>' if style is not None else "") + ppr
    rpr = (f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>' if font else "") + (
        "" if bold is None else "<w:b/>" if bold == "" else f'<w:b w:val="{bold}"/>')
    return (f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}"
            f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>')


def numbered(text: str, num_id: int, ilvl: int = 0) -> str:
    return p(text, ppr=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


def sect(*refs: tuple[str, str, str]) -> str:
    """A sectPr with (kind "header"/"footer", type "default"/"first"/"even", rId) references."""
    return "<w:sectPr>" + "".join(f'<w:{k}Reference w:type="{t}" r:id="{r}"/>' for k, t, r in refs) + "</w:sectPr>"


def section_break(*refs: tuple[str, str, str]) -> str:
    """A paragraph ending a section (its sectPr in the paragraph's properties)."""
    return f"<w:p><w:pPr>{sect(*refs)}</w:pPr></w:p>"


def style(style_id: str, name: str | None, *, kind: str | None = "paragraph", based_on: str | None = None,
          bold: str | None = None, font: str | None = None, default: bool = False, ppr: str = "") -> str:
    attrs = (f' w:type="{kind}"' if kind is not None else "") + f' w:styleId="{style_id}"' + (
        ' w:default="1"' if default else "")
    rpr = (f'<w:rFonts w:ascii="{font}"/>' if font else "") + (
        "" if bold is None else "<w:b/>" if bold == "" else f'<w:b w:val="{bold}"/>')
    return (f"<w:style{attrs}>" + (f'<w:name w:val="{name}"/>' if name is not None else "")
            + (f'<w:basedOn w:val="{based_on}"/>' if based_on is not None else "")
            + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "") + "</w:style>")


STYLES = "".join([
    style("Normal", "Normal", default=True),
    style("Heading1", "heading 1", based_on="Normal", bold=""),
    style("Heading2", "heading 2", based_on="Heading1"),
    style("TieuDe", "Tiêu đề 3", based_on="Normal"),
    style("Strong", "Strong", kind="character", bold=""),
    style("ListNumber", "List Number", based_on="Normal",
          ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'),
    style("Outline2", "Outline two", based_on="Normal", ppr='<w:outlineLvl w:val="1"/>'),
])
NUMBERING = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
             '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
             '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')


def styles_xml(styles: str = STYLES, defaults: str = "") -> str:
    return f"{_DECLARATION}<w:styles {_NAMESPACES}>{defaults}{styles}</w:styles>"


def numbering_xml(numbering: str = NUMBERING) -> str:
    return f"{_DECLARATION}<w:numbering {_NAMESPACES}>{numbering}</w:numbering>"


def story_xml(root: str, content: str) -> str:
    """A header (``root="hdr"``) or footer (``"ftr"``) part."""
    return f"{_DECLARATION}<w:{root} {_NAMESPACES}>{content}</w:{root}>"


def rels_xml(*rels: tuple[str, str, str] | str) -> str:
    """Relationships from (id, type after ".../relationships/", target) or literal XML."""
    inner = "".join(r if isinstance(r, str) else f'<Relationship Id="{r[0]}" Type="{REL}/{r[1]}" Target="{r[2]}"/>'
                    for r in rels)
    return (f'{_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{inner}</Relationships>")


def content_types_xml(overrides: dict[str, str], defaults: dict[str, str] | None = None) -> str:
    defaults = defaults if defaults is not None else {
        "rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml",
        "png": CT["png"]}
    return (f'{_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            + "".join(f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in defaults.items())
            + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides.items())
            + "</Types>")


def package(body: str, *, styles: str | None = STYLES, numbering: str | None = None,
            headers: dict[str, str] | None = None, footers: dict[str, str] | None = None,
            main_type: str = "document", extra_rels: tuple = ()) -> Members:
    """A Word package: ``body`` inside <w:body>; the styles and numbering parts (None: no part);
    header and footer parts by relationship id (word/header-<id>.xml), which the body's sectPr
    refers to; ``extra_rels`` more relationships of the document part."""
    members: Members = {}
    overrides = {"/word/document.xml": CT[main_type]}
    rels: list = list(extra_rels)
    if styles is not None:
        members["word/styles.xml"] = styles_xml(styles)
        overrides["/word/styles.xml"] = CT["styles"]
        rels.append(("rIdStyles", "styles", "styles.xml"))
    if numbering is not None:
        members["word/numbering.xml"] = numbering_xml(numbering)
        overrides["/word/numbering.xml"] = CT["numbering"]
        rels.append(("rIdNumbering", "numbering", "numbering.xml"))
    for kind, root, parts in (("header", "hdr", headers or {}), ("footer", "ftr", footers or {})):
        for rid, content in parts.items():
            members[f"word/{kind}-{rid}.xml"] = story_xml(root, content)
            overrides[f"/word/{kind}-{rid}.xml"] = CT[kind]
            rels.append((rid, kind, f"{kind}-{rid}.xml"))
    members["word/document.xml"] = f"{_DECLARATION}<w:document {_NAMESPACES}><w:body>{body}</w:body></w:document>"
    members["word/_rels/document.xml.rels"] = rels_xml(*rels)
    members["_rels/.rels"] = rels_xml(("rId1", "officeDocument", "word/document.xml"))
    members["[Content_Types].xml"] = content_types_xml(overrides)
    return members


def write_members(path: Path, members: Members) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _edit(members: Members, name: str, old: str, new: str) -> Members:
    assert old in members[name], (name, old)
    members[name] = members[name].replace(old, new)
    return members


BODY = p("BÁO CÁO TỔNG KẾT") + p("Kết quả năm 2023", style="Heading1") + numbered("Tuyển sinh", 1)


def _headed(refs: tuple[tuple[str, str, str], ...] = (("header", "default", "rIdH1"),), **kwargs) -> Members:
    return package(BODY + sect(*refs), headers={"rIdH1": p("Trường Cao đẳng Y tế")}, numbering=NUMBERING, **kwargs)


def _absolute_targets() -> Members:
    m = _headed()
    m["_rels/.rels"] = rels_xml(("rId1", "officeDocument", "/word/document.xml"))
    return _edit(m, "word/_rels/document.xml.rels", 'Target="styles.xml"', 'Target="/word/styles.xml"')


def _dotted_targets() -> Members:
    m = _headed()
    m["_rels/.rels"] = rels_xml(("rId1", "officeDocument", "./word/../word/document.xml"))
    return _edit(m, "word/_rels/document.xml.rels", 'Target="numbering.xml"', 'Target="../word/./numbering.xml"')


def _linked_headers() -> Members:
    """Three sections: the second's header and footer are linked to the first's; the third has its
    own even-page header, and a first-page one of the first section."""
    body = (BODY + section_break(("header", "default", "rIdH1"), ("header", "first", "rIdH2"),
                                  ("footer", "default", "rIdF1"))
            + p("Phần hai") + section_break()
            + p("Phần ba") + sect(("header", "even", "rIdH3"), ("footer", "default", "rIdF1")))
    return package(body, numbering=NUMBERING,
                   headers={"rIdH1": p("Đầu trang chung"), "rIdH2": p("Đầu trang đầu"),
                            "rIdH3": p("Đầu trang chẵn") + p("Đầu trang chung")},
                   footers={"rIdF1": p("Chân trang")})


def _no_styles_rid_taken() -> Members:
    """No styles part; the header's relationship id is missing, and is the id python-docx gives the
    default styles it adds when a paragraph asks for its style."""
    m = package(BODY + sect(("header", "default", "rId2")), styles=None, extra_rels=(("rId1", "settings", "s.xml"),))
    m["word/s.xml"] = f"{_DECLARATION}<w:settings {_NAMESPACES}/>"
    return m


def _rename(members: Members, name: str, old: str, new: str) -> Members:
    """The element ``old`` of part ``name`` renamed ``new`` (its start and end tags)."""
    _edit(members, name, f"<{old} ", f"<{new} ") if f"<{old} " in members[name] else _edit(members, name, f"<{old}>",
                                                                                           f"<{new}>")
    return _edit(members, name, f"</{old}>", f"</{new}>")


def _external(m: Members, rid: str) -> Members:
    return _edit(m, "word/_rels/document.xml.rels", "</Relationships>",
                 f'<Relationship Id="{rid}" Type="{REL}/header" Target="http://192.0.2.1/h.xml" '
                 'TargetMode="External"/></Relationships>')


def _styled(styles: str, body: str = BODY) -> Members:
    return package(body, styles=styles, numbering=NUMBERING)


def _main_type(kind: str) -> Members:
    return package(BODY, main_type=kind, numbering=NUMBERING)


def _image_first() -> Members:
    m = package(BODY)
    m["_rels/.rels"] = rels_xml(("rId0", "image", "word/document.xml"), ("rId1", "officeDocument", "word/document.xml"))
    return m


def _with_member(m: Members, name: str, data: str | bytes, rel: tuple[str, str, str] | None = None,
                 content_type: str | None = None) -> Members:
    m[name] = data
    if rel:
        _edit(m, "word/_rels/document.xml.rels", "</Relationships>",
              f'<Relationship Id="{rel[0]}" Type="{REL}/{rel[1]}" Target="{rel[2]}"/></Relationships>')
    if content_type:
        _edit(m, "[Content_Types].xml", "</Types>",
              f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>')
    return m


_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
_TEXT_BOX = (f'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
             f'{p("Chữ trong hộp")}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>'
             f'<w:txbxContent>{p("Chữ trong hộp")}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
             '<w:r><w:t>Sau hộp</w:t></w:r></w:p>')
_RUNS = ('<w:p><w:r><w:br/><w:tab/></w:r><w:r><w:t>I. KẾT QUẢ</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>'
         '<w:p><w:r><w:rPr><w:b w:val="off"/></w:rPr><w:t>1. Một</w:t></w:r>'
         '<w:r><w:rPr><w:b w:val="-1"/></w:rPr><w:t>hai</w:t></w:r></w:p>'
         '<w:p><w:r><w:rPr><w:b w:val="on"/></w:rPr><w:noBreakHyphen/></w:r><w:r><w:rPr><w:b/></w:rPr>'
         '<w:t>2. Hai</w:t></w:r></w:p>'
         '<w:p><w:hyperlink><w:r><w:t>a) liên kết</w:t></w:r></w:hyperlink><w:del><w:r><w:delText>xoá</w:delText>'
         '</w:r></w:del><w:ins><w:r><w:t> thêm</w:t></w:r></w:ins></w:p>')
_TABLE = ('<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/>'
          '<w:vMerge w:val="restart"/></w:tcPr>' + numbered("Một", 1) + p("") + '</w:tc><w:tc>' + p("x")
          + '<w:tbl><w:tr><w:tc>' + p("lồng") + '</w:tc></w:tr></w:tbl></w:tc></w:tr>'
          '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>' + p("") + '</w:tc><w:tc><w:tcPr><w:gridSpan w:val="abc"/>'
          '</w:tcPr><w:sdt><w:sdtContent>' + p("trong sdt") + '</w:sdtContent></w:sdt></w:tc></w:tr>'
          '<w:tr><w:tc><w:tcPr><w:vMerge w:val="continue"/></w:tcPr>' + numbered("Hai", 1) + '</w:tc></w:tr></w:tbl>')


def _corners() -> dict[str, Callable[[], Members]]:
    bad_bold = p("Tiêu đề", bold="-1")
    return {
        # relationships and content types
        "absolute-targets": _absolute_targets,
        "dotted-targets": _dotted_targets,
        "target-outside-root": lambda: _edit(_headed(), "word/_rels/document.xml.rels", 'Target="styles.xml"',
                                             'Target="../../../word/styles.xml"'),
        "target-missing": lambda: _edit(_headed(), "word/_rels/document.xml.rels", 'Target="styles.xml"',
                                        'Target="khong-co.xml"'),
        "target-attribute-missing": lambda: _edit(_headed(), "word/_rels/document.xml.rels", 'Target="styles.xml"',
                                                  ""),
        "target-mode-lower-case": lambda: _edit(_external(_headed(), "rIdX"), "word/_rels/document.xml.rels",
                                                'TargetMode="External"', 'TargetMode="external"'),
        "relationships-wrong-root": lambda: _rename(_headed(), "word/_rels/document.xml.rels", "Relationships",
                                                    "Relationship"),
        "relationship-ids-repeated": lambda: _external(_headed(), "rIdH1"),
        "package-relationships-missing": lambda: {k: v for k, v in _headed().items() if k != "_rels/.rels"},
        "content-types-missing": lambda: {k: v for k, v in _headed().items() if k != "[Content_Types].xml"},
        "content-type-missing": lambda: _edit(_edit(_headed(), "[Content_Types].xml", 'Extension="xml"',
                                                    'Extension="xmlx"'), "[Content_Types].xml",
                                              "/word/header-rIdH1.xml", "/word/other.xml"),
        "content-type-case": lambda: _edit(_edit(_headed(), "[Content_Types].xml", 'PartName="/word/document.xml"',
                                                 'PartName="/WORD/Document.XML"'), "[Content_Types].xml",
                                           'Extension="xml"', 'Extension="XML"'),
        "override-without-part-name": lambda: _edit(_headed(), "[Content_Types].xml", 'PartName="/word/styles.xml"',
                                                    ""),
        "default-without-extension": lambda: _edit(_headed(), "[Content_Types].xml", 'Extension="png"', ""),
        "main-docm": lambda: _main_type("docm"),
        "main-dotm": lambda: _main_type("dotm"),
        "main-dotx": lambda: _main_type("dotx"),
        "main-spreadsheet": lambda: _main_type("xlsx"),
        "main-content-type-case": lambda: _edit(_headed(), "[Content_Types].xml", "main+xml", "main+XML"),
        "main-reached-as-image-first": _image_first,
        "main-relationship-twice": lambda: _edit(_headed(), "_rels/.rels", "</Relationships>",
                                                 f'<Relationship Id="rId2" Type="{REL}/officeDocument" '
                                                 'Target="word/document.xml"/></Relationships>'),
        "document-without-body": lambda: _rename(_headed(), "word/document.xml", "w:body", "w:bodx"),
        "document-two-bodies": lambda: _edit(_headed(), "word/document.xml", "</w:body>",
                                             "</w:body><w:body>" + p("Thân hai") + sect(("header", "default", "rIdH1"))
                                             + "</w:body>"),
        "settings-broken": lambda: _with_member(_headed(), "word/settings.xml", "<w:settings", ("rIdS", "settings",
                                                "settings.xml"), CT["settings"]),
        "settings-not-xml-type": lambda: _with_member(_headed(), "word/settings.xml", "not xml", ("rIdS", "settings",
                                                      "settings.xml")),
        "comments-entity-loop": lambda: _with_member(
            _headed(), "word/comments.xml", '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "&b;"><!ENTITY b "&a;">]>'
            f'<w:comments xmlns:w="{W_NS}">&a;</w:comments>', ("rIdC", "comments", "comments.xml"), CT["comments"]),
        "image-missing": lambda: _with_member(_headed(), "word/media/other.png", _PNG, ("rIdI", "image",
                                                                                          "media/image1.png")),
        "unreachable-broken-part": lambda: _with_member(_headed(), "word/lost.xml", "<broken", None, CT["header"]),
        "image-relationship-to-xml": lambda: _with_member(_headed(), "word/header-rIdH1x.xml",
                                                          story_xml("hdr", p("ảnh")), ("rIdI", "image",
                                                                                       "header-rIdH1x.xml")),
        # headers and footers, per section
        "linked-headers": _linked_headers,
        "header-id-unknown": lambda: _headed(refs=(("header", "default", "rIdNone"),)),
        "header-id-missing": lambda: _edit(_headed(), "word/document.xml", ' r:id="rIdH1"', ""),
        "header-id-external": lambda: _external(_headed(refs=(("header", "default", "rIdX"),)), "rIdX"),
        "header-type-odd": lambda: _headed(refs=(("header", "odd", "rIdH1"),)),
        "header-is-styles": lambda: _headed(refs=(("header", "default", "rIdStyles"),)),
        "header-is-document": lambda: _with_member(_headed(refs=(("header", "default", "rIdD"),)), "x", "",
                                                   ("rIdD", "header", "document.xml")),
        "header-is-image": lambda: _with_member(_headed(refs=(("header", "default", "rIdI"),)), "word/media/i.png",
                                                _PNG, ("rIdI", "image", "media/i.png")),
        "header-reached-as-image-first": lambda: _edit(
            _headed(), "word/_rels/document.xml.rels", "<Relationship ",
            f'<Relationship Id="rIdI" Type="{REL}/image" Target="header-rIdH1.xml"/><Relationship ', ),
        "header-with-text-box-and-table": lambda: package(
            BODY + sect(("header", "default", "rIdH1")),
            headers={"rIdH1": _TEXT_BOX + _TABLE + "<w:sdt><w:sdtContent>" + p("Trong sdt")
                     + "</w:sdtContent></w:sdt>"},
            numbering=NUMBERING),
        "no-styles-part": lambda: package(BODY + p("Tiêu đề hai", style="Heading2") + p("Title", style="Title")
                                          + p("Danh sách", style="ListNumber"), styles=None, numbering=NUMBERING),
        "no-styles-header-id-taken": _no_styles_rid_taken,
        "no-numbering-part": lambda: package(BODY + numbered("Hai", 1) + _TABLE, numbering=None),
        "numbering-twice": lambda: _with_member(_headed(), "word/numbering2.xml", numbering_xml(),
                                                ("rIdN2", "numbering", "numbering2.xml"), CT["numbering"]),
        "numbering-is-header": lambda: _edit(_headed(), "word/_rels/document.xml.rels", 'Target="numbering.xml"',
                                             'Target="header-rIdH1.xml"'),
        "numbering-is-image": lambda: _with_member(
            _edit(_headed(), "word/_rels/document.xml.rels", 'Target="numbering.xml"', 'Target="media/n.png"'),
            "word/media/n.png", _PNG),
        "styles-twice": lambda: _with_member(_headed(), "word/styles2.xml", styles_xml(),
                                             ("rIdS2", "styles", "styles2.xml"), CT["styles"]),
        "styles-is-document": lambda: _edit(_headed(), "word/_rels/document.xml.rels", 'Target="styles.xml"',
                                            'Target="document.xml"'),
        "styles-is-numbering": lambda: _edit(_headed(), "word/_rels/document.xml.rels", 'Target="styles.xml"',
                                             'Target="numbering.xml"'),
        "styles-is-plain-part-no-paragraphs": lambda: _edit(
            package("<w:tbl><w:tr><w:tc/></w:tr></w:tbl>"), "[Content_Types].xml", CT["styles"], "application/xml"),
        "styles-is-plain-part": lambda: _edit(_headed(), "[Content_Types].xml", CT["styles"], "application/xml"),
        "styles-empty-style-id": lambda: _styled(STYLES, p("Kiểu rỗng", style="") + p("Không kiểu")),
        "styles-is-plain-part-empty-style-ids": lambda: _edit(
            package(p("Kiểu rỗng", style="", font="Arial") + '<w:p><w:pPr><w:pStyle/></w:pPr><w:r><w:rPr>'
                    '<w:rFonts w:ascii="Arial"/></w:rPr><w:t>Không mã kiểu</w:t></w:r></w:p>'),
            "[Content_Types].xml", CT["styles"], "application/xml"),
        # style chains and values
        "style-without-type": lambda: _styled(STYLES + style("X", "x", kind=None)),
        "style-type-odd": lambda: _styled(STYLES + style("X", "x", kind="paragraf")),
        "style-type-numbering-in-chain": lambda: _styled(STYLES + style("Num", "num", kind="numbering")
                                                         + style("Child", "child", based_on="Num"),
                                                         BODY + p("Con", style="Child")),
        "style-type-numbering-after-bold": lambda: _styled(STYLES + style("Num", "num", kind="numbering")
                                                           + style("Child", "child", based_on="Num", bold="1"),
                                                           BODY + p("Con", style="Child")),
        "style-based-on-missing": lambda: _styled(STYLES + style("Child", "heading 4", based_on="Nowhere"),
                                                  BODY + p("Con", style="Child")),
        "style-based-on-quote": lambda: _styled(STYLES + style("Child", "child", based_on="a&quot;b"),
                                                BODY + p("Con", style="Child")),
        "style-based-on-xpath": lambda: _styled(STYLES + style(
            "Child", "child", based_on="x&quot;] | //w:style[@w:styleId=&quot;Heading1"),
            BODY + p("Con", style="Child")),
        "style-based-on-xpath-not-a-style": lambda: _styled(STYLES + style(
            "Child", "child", based_on="x&quot;] | //w:rPr | //w:x[@y=&quot;"), BODY + p("Con", style="Child")),
        "style-chain-long": lambda: _styled(STYLES + "".join(
            style(f"S{i}", f"s{i}", based_on=f"S{i + 1}" if i < 30 else "Heading2") for i in range(31)),
            BODY + p("Sâu", style="S0")),
        "style-name-without-value": lambda: _edit(_styled(STYLES, BODY + p("Con", style="Heading2")),
                                                  "word/styles.xml", '<w:name w:val="heading 1"/>', "<w:name/>"),
        "style-ids-repeated": lambda: _styled(STYLES + style("Heading1", "Body", bold="0")
                                              + style("Child", "child", based_on="Heading1"),
                                              BODY + p("I. Con", style="Child")),
        "style-bold-odd": lambda: _styled(STYLES + style("Odd", "odd", bold="-1"), BODY + p("Lẻ", style="Odd")),
        "style-bold-odd-after-bold": lambda: _styled(STYLES + style("Odd", "odd", bold="-1")
                                                     + style("Child", "child", based_on="Odd", bold="true"),
                                                     BODY + p("Lẻ", style="Child")),
        "style-heading-names": lambda: _styled(STYLES + style("V", "Tiêu đề 2") + style("E", "Đầu đề 5")
                                               + style("H", "HEADING 7") + style("N", "heading 10"),
                                               "".join(p(f"Dòng {s}", style=s) for s in "VEHN")),
        "style-no-default": lambda: _edit(_styled(STYLES), "word/styles.xml", ' w:default="1"', ""),
        "style-default-bold-font": lambda: _styled(style("Normal", "Normal", default=True, bold="1", font=".VnTime"),
                                                   p("I. Tæng kÕt") + p("Cã")),
        "doc-defaults-font": lambda: _edit(_styled(STYLES, p("Tæng kÕt n¨m") + p("Bảng", font="Times New Roman")),
                                           "word/styles.xml", "<w:style ",
                                           "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:hAnsi=\".VnTimeH\"/>"
                                           "</w:rPr></w:rPrDefault></w:docDefaults><w:style ", ),
        "styles-root-odd": lambda: _rename(_styled(STYLES), "word/styles.xml", "w:styles", "w:stylez"),
        # runs and paragraphs
        "run-bold-odd": lambda: _styled(STYLES, bad_bold),
        "run-bold-odd-after-plain": lambda: _styled(STYLES, '<w:p><w:r><w:t>I. Một</w:t></w:r>'
                                                    '<w:r><w:rPr><w:b w:val="-1"/></w:rPr><w:t>hai</w:t></w:r></w:p>'),
        "run-bold-odd-heading-style": lambda: _styled(STYLES, p("Tiêu đề", style="Heading1", bold="-1")),
        "runs-and-breaks": lambda: _styled(STYLES, _RUNS + _TEXT_BOX + _TABLE),
        "outline-levels": lambda: _styled(STYLES, "".join(
            p(f"Mức {v}", ppr=f'<w:outlineLvl w:val="{v}"/>') for v in ("0", "8", "9", "12", "a", "٣"))
            + p("Mức kiểu", style="Outline2")),
        "outline-level-superscript": lambda: _styled(STYLES, p("Mức", ppr='<w:outlineLvl w:val="²"/>')),
        "caps-and-fonts": lambda: _styled(STYLES, '<w:p><w:r><w:rPr><w:rFonts w:cs="VNI-Times"/><w:caps/></w:rPr>'
                                          '<w:t>Ba\u00f8o ca\u00f9o</w:t></w:r><w:r><w:rPr><w:caps w:val="0"/></w:rPr>'
                                          '<w:t>abc</w:t></w:r></w:p>'),
    }


CORNERS = _corners()


def write_corners(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [write_members(folder / f"{name}.docx", build()) for name, build in CORNERS.items()]
