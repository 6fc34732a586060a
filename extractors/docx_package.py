"""A Word package (.docx, .docm, .dotx, .dotm) read from its zip: content types, relationships and
the XML parts, as plain lxml trees.

python-docx parses every part with a parser whose element-class lookup gives each element a Python
class, which slows every later walk of the tree; tdkt only reads, so it parses with the same
options (blank text removed, entities never resolved) but plain elements. The package is opened
step for step as python-docx 1.2 opens one (``docx.opc.pkgreader``, ``docx.opc.package``), so that
a damaged file is refused at the same point and for the same reason as before:

- every part reachable from the package's relationships is read from the zip, depth first, each
  after its own relationships (so a damaged or missing member anywhere is found);
- the parts python-docx parses (document, styles, numbering, headers, footers, settings, comments,
  core properties; not a part first reached as an image) are parsed, in that order, once all are read;
- relationship targets resolve against their source's folder (``..`` and absolute targets too);
  external targets are never followed; a repeated relationship id keeps its last relationship.

A styles part whose bytes were parsed lately is not parsed again (see _parse_styles).

Only XML is read: a macro project (vbaProject.bin) is never loaded, let alone run.
"""

from __future__ import annotations

import importlib.util
import posixpath
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from extractors.zip_limits import take_inflated

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = f"{_RT}officeDocument"
RT_STYLES = f"{_RT}styles"
RT_NUMBERING = f"{_RT}numbering"
_RT_IMAGE = f"{_RT}image"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
# Macro-enabled documents and templates have the same body as a .docx.
WORD_MAIN = (
    f"{_WML}.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    f"{_WML}.template.main+xml",
)
_DOCUMENT, _STYLES, _XML = "document", "styles", "xml"
# The content types python-docx parses, and what the part is to the reader.
_PARSED = {
    **dict.fromkeys(WORD_MAIN, _DOCUMENT),
    f"{_WML}.styles+xml": _STYLES,
    **dict.fromkeys((f"{_WML}.numbering+xml", f"{_WML}.header+xml", f"{_WML}.footer+xml", f"{_WML}.settings+xml",
                     f"{_WML}.comments+xml", "application/vnd.openxmlformats-package.core-properties+xml"), _XML),
}
# python-docx's parser options (docx/oxml/parser.py), without its element classes.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


class PackageDamaged(Exception):
    """The file is no Word package, or a part, relationship or content type it needs is missing."""


class PartMalformed(Exception):
    """A part is not what Word writes: a wrong root element, a relationship without a target, a
    relationship that should be single given twice, a part of the wrong kind where one is needed."""


class NotWord(Exception):
    """An Office package whose main part is not a Word document (a spreadsheet, a presentation)."""


def parse_xml(blob: bytes) -> etree._Element:
    return etree.fromstring(blob, _PARSER)


@dataclass(eq=False)
class ParsedStyles:
    """A styles part's tree, with what the styles reader works out from it (docx_styles): documents
    sharing the part's bytes share both (see _parse_styles)."""

    root: etree._Element
    index: object | None = None


@dataclass
class PackagePart:
    name: str
    content_type: str | None
    kind: str | None  # _DOCUMENT, _STYLES, _XML when parsed; None for a part python-docx keeps as bytes
    rels: Relationships
    element: etree._Element | None = None
    styles: ParsedStyles | None = None  # a styles part's


@dataclass(frozen=True)
class _Relationship:
    rel_type: str | None
    part: PackagePart | None  # None when external


@dataclass
class Relationships:
    """A part's relationships by id (a repeated id keeps its last), and the parts of its internal
    ones (python-docx's ``related_parts``: an id given again as external keeps its part)."""

    by_id: dict[str | None, _Relationship] = field(default_factory=dict)
    parts: dict[str | None, PackagePart] = field(default_factory=dict)

    def add(self, rel_id: str | None, rel_type: str | None, part: PackagePart | None) -> None:
        self.by_id[rel_id] = _Relationship(rel_type, part)
        if part is not None:
            self.parts[rel_id] = part

    def part_of_type(self, rel_type: str) -> PackagePart | None:
        """The part the one relationship of ``rel_type`` leads to; None when there is none."""
        matching = [r for r in self.by_id.values() if r.rel_type == rel_type]
        if len(matching) > 1:
            raise PartMalformed(f"multiple relationships of type '{rel_type}'")
        if matching and matching[0].part is None:
            raise PartMalformed(f"the relationship of type '{rel_type}' is external")
        return matching[0].part if matching else None

    def next_id(self) -> str:
        return next(f"rId{n}" for n in range(1, len(self.by_id) + 2) if f"rId{n}" not in self.by_id)


@dataclass
class WordPackage:
    main: PackagePart
    _styles: ParsedStyles | None = field(default=None, init=False, repr=False)

    @property
    def document(self) -> etree._Element:
        return self.main.element

    def styles(self) -> ParsedStyles:
        """The styles part; python-docx's default styles when there is none."""
        if self._styles is None:
            self._styles = _styles_of(self.main, set())
        return self._styles

    def numbering(self) -> etree._Element | None:
        """The root of the numbering part; None when there is none."""
        part = self.main.rels.part_of_type(RT_NUMBERING)
        return _element(part) if part is not None else None

    def related(self, rel_id: str) -> etree._Element:
        """The root of the part the document's relationship ``rel_id`` leads to (a header, a footer)."""
        try:
            part = self.main.rels.parts[rel_id]
        except KeyError as e:
            raise PackageDamaged(f"no relationship {rel_id}") from e
        return _element(part)


def open_package(path: Path) -> WordPackage:
    """Raises PackageDamaged, PartMalformed, NotWord, etree.XMLSyntaxError, and what zipfile raises
    for a damaged member (BadZipFile, EOFError, zlib.error…)."""
    # The zip as its check left it (opened, its members inflated) when the check was made for this
    # reading: the check opened it, so it is a zip.
    inflated = take_inflated(path)
    if inflated is None and not zipfile.is_zipfile(path):
        raise PackageDamaged(f"not a zip: {path}")
    with zipfile.ZipFile(path) if inflated is None else inflated.archive as archive:
        read_member = archive.read if inflated is None else inflated.read
        content_types = _ContentTypes(parse_xml(read_member("[Content_Types].xml")))
        package_rels = _read_relationships(read_member, "/")
        read = []
        for name, blob, rel_type, rels in _walk(read_member, package_rels, set()):
            read.append((name, content_types[name], blob, rel_type, rels))
    parts = {}
    for name, content_type, blob, rel_type, _ in read:
        kind = None if rel_type == _RT_IMAGE else _PARSED.get(content_type)
        if kind == _STYLES:
            styles = _parse_styles(blob)
            parts[name] = PackagePart(name, content_type, kind, Relationships(), styles.root, styles)
        else:
            parts[name] = PackagePart(name, content_type, kind, Relationships(), parse_xml(blob) if kind else None)
    top = Relationships()
    for source, serialized in [(top, package_rels)] + [(parts[name].rels, rels) for name, *_, rels in read]:
        for rel in serialized:
            source.add(rel.rel_id, rel.rel_type, None if rel.external else parts[rel.target_name()])
    main = top.part_of_type(RT_OFFICE_DOCUMENT)
    if main is None:
        raise PackageDamaged("no main document part")
    if main.kind != _DOCUMENT:
        raise NotWord(main.content_type)
    return WordPackage(main)


class _ContentTypes:
    """[Content_Types].xml: a part's type by its name (Override), else by its extension (Default),
    both matched without regard to case."""

    def __init__(self, root: etree._Element):
        if root.tag != f"{_CT}Types":
            raise PartMalformed(f"[Content_Types].xml has root {root.tag}")
        self._overrides = {_lower(o.get("PartName")): o.get("ContentType") for o in root.iterchildren(f"{_CT}Override")}
        self._defaults = {_lower(d.get("Extension")): d.get("ContentType") for d in root.iterchildren(f"{_CT}Default")}

    def __getitem__(self, name: str) -> str | None:
        if name.lower() in self._overrides:
            return self._overrides[name.lower()]
        extension = posixpath.splitext(name)[1]
        extension = extension[1:] if extension.startswith(".") else extension
        if extension.lower() in self._defaults:
            return self._defaults[extension.lower()]
        raise PackageDamaged(f"no content type for part {name}")


def _lower(value: str | None) -> str:
    if value is None:
        raise PartMalformed("a content type without its part name or extension")
    return value.lower()


@dataclass
class _SerializedRelationship:
    base: str  # the folder of its source part
    rel_id: str | None
    rel_type: str | None
    target: str | None
    external: bool
    _name: str | None = None

    def target_name(self) -> str:
        """The part name of an internal target: resolved against the source's folder."""
        if self._name is None:
            if self.target is None:
                raise PartMalformed(f"relationship {self.rel_id} has no target")
            self._name = posixpath.abspath(posixpath.join(self.base, self.target))
        return self._name


def _read_relationships(read_member: Callable[[str], bytes], source: str) -> list[_SerializedRelationship]:
    """The relationships of part ``source`` ("/" for the package), from its .rels item if any
    (``read_member``: ZipFile.read, or Inflated.read)."""
    folder, file = posixpath.split(source)
    try:
        xml = read_member(posixpath.join(folder, "_rels", f"{file}.rels")[1:])
    except KeyError:
        return []
    root = parse_xml(xml)
    if root.tag != f"{_PR}Relationships":
        raise PartMalformed(f"the relationships of {source} have root {root.tag}")
    return [_SerializedRelationship(folder, r.get("Id"), r.get("Type"), r.get("Target"),
                                    r.get("TargetMode", "Internal") == "External")
            for r in root.iterchildren(f"{_PR}Relationship")]


def _walk(read_member: Callable[[str], bytes], rels: list[_SerializedRelationship],
          visited: set[str]) -> Iterator[tuple[str, bytes, str | None, list[_SerializedRelationship]]]:
    """(name, bytes, type of the relationship first reaching it, relationships) of every part
    reachable through ``rels``, depth first, each read after its own relationships."""
    for rel in rels:
        if rel.external:
            continue
        name = rel.target_name()
        if name in visited:
            continue
        visited.add(name)
        part_rels = _read_relationships(read_member, name)
        yield name, read_member(name[1:]), rel.rel_type, part_rels
        yield from _walk(read_member, part_rels, visited)


# The styles parts parsed last, with their bytes. Documents made from one template share theirs byte
# for byte (python-docx's template, behind every document it writes, has 350 KB of styles: parsing
# them took a third of reading such a document), and a reading worker reads file after file. The
# same bytes parse to the same tree, which no reader changes; only parts that parsed are kept.
# Found by comparing bytes, not hashing them: a hash reads all 350 KB of every document's part,
# while parts of one template that differ (in their Normal style, say) differ within a few KB.
_PARSED_STYLES: list[tuple[bytes, ParsedStyles]] = []  # the most recently used last
# Kept by size, not by count: a parsed tree takes ~13 times its bytes (python-docx's 350 KB of
# styles: 4.5 MB), so ~96 MB of trees at most: 21 parts of python-docx's size, or the 64 most
# recent of a Word document's size (~35 KB). The city bench's 846 Word files have 17 styles parts
# (units' templates differing in their Normal style), which 8 kept parts, the former limit, parsed
# 233 times: 1.2 ms a file on average (a parse, and freeing the tree it pushed out).
_KEEP_STYLES_BYTES = 96_000_000 // 13
_KEEP_STYLES = 64
_PARSED_STYLES_LOCK = threading.Lock()  # files read in threads of one process (TDKT_ISOLATE=0)


def _parse_styles(blob: bytes) -> ParsedStyles:
    with _PARSED_STYLES_LOCK:
        index = next((i for i, (kept, _) in enumerate(_PARSED_STYLES) if kept == blob), None)
        parsed = _PARSED_STYLES.pop(index)[1] if index is not None else None
    if parsed is None:
        parsed = ParsedStyles(parse_xml(blob))
    with _PARSED_STYLES_LOCK:
        _PARSED_STYLES[:] = [e for e in _PARSED_STYLES if e[0] != blob]  # another thread's parse of them
        _PARSED_STYLES.append((blob, parsed))
        del _PARSED_STYLES[:-_KEEP_STYLES]
        kept = sum(len(b) for b, _ in _PARSED_STYLES)
        while len(_PARSED_STYLES) > 1 and kept > _KEEP_STYLES_BYTES:
            kept -= len(_PARSED_STYLES.pop(0)[0])
    return parsed


def _element(part: PackagePart) -> etree._Element:
    if part.element is None:
        raise PartMalformed(f"{part.name} ({part.content_type}) is not an XML part")
    return part.element


def _styles_of(document: PackagePart, seen: set[str]) -> ParsedStyles:
    """The styles of a document part: of the part its styles relationship leads to (python-docx
    follows one to another document part's styles), or python-docx's default styles, related to
    the document under the next free id (a header asking for that id then finds them)."""
    part = document.rels.part_of_type(RT_STYLES)
    if part is None:
        default = _parse_styles(_default_styles())
        part = PackagePart("/word/styles.xml", f"{_WML}.styles+xml", _STYLES, Relationships(), default.root, default)
        document.rels.add(document.rels.next_id(), RT_STYLES, part)
    if part.kind == _DOCUMENT:
        if part.name in seen:
            # python-docx recursed until Python stopped it (an internal error); a malformed file
            raise PartMalformed(f"the styles relationships of {part.name} lead back to it")
        return _styles_of(part, seen | {part.name})
    if part.kind != _STYLES:
        raise PartMalformed(f"the styles relationship leads to {part.name} ({part.content_type})")
    return part.styles


def _default_styles() -> bytes:
    """python-docx's default styles (its templates/default-styles.xml), found without importing it."""
    package = importlib.util.find_spec("docx")
    return (Path(package.origin).parent / "templates" / "default-styles.xml").read_bytes()
