"""Generate the corpus of hard unit reports, with ground truth, for tdkt's extractors.

Each document is a short year-end report (năm 2023) of one member of the sample cluster
(examples/cluster18-2023) with a self-scoring table following the sample rubric; the cases
write the same kind of content in the ways found in the field: legacy TCVN3/VNI fonts, mixed
encodings, NFD text, Windows-1258 text files, .doc/.odt/.rtf, PDFs with split words, rotated
pages, two columns, scans without a text layer, and tables with merged headers, extra columns,
no total row, odd number spellings, page breaks, or sent as a separate file.

Output: tests/data/corpus/<case>/<file> and tests/data/corpus/truth.json (one entry per file:
unit, document number, self-scores by rubric code, claimed total, awards, figures, pages, notes).
The folder is rebuilt from scratch; LibreOffice (soffice) must be installed.

Run from the repository root:

    .venv/bin/python tests/corpus/make_corpus.py
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import office
import plaintext
from content import REPO, YEAR, Report, load_units, make_report
from docx_builder import build_report
from scan import ScanOptions, scan_pdf
from table_spec import EXTRA_COLUMNS, Layout
from writing import MixedWriting, SplitWordsWriting, Tcvn3Writing, UnicodeWriting, VniWriting

CORPUS = REPO / "tests" / "data" / "corpus"
MAX_PAGES = 2

# --- how text is written (see writing.py): factory and the Normal style's font --------------------

HEADER_ROLES = frozenset({"parent", "unit", "number", "national", "motto", "place_date", "title"})
NARRATIVE_ROLES = frozenset({"body", "section", "title", "summary", "table_title"})
SPLIT_NARRATIVE = {"dụng": "d ụ ng", "nghiệp": "nghiệ p", "ĐIỂM": "ĐIỂ M", "Tổng": "Tổ ng",
                   "thưởng": "thưở ng", "tuyển": "tuyể n"}
SPLIT_TABLE = {**SPLIT_NARRATIVE, "Điểm": "Điể m", "chấm": "chấ m", "chuẩn": "chuẩ n"}

WRITINGS = {
    "unicode": (lambda: UnicodeWriting(), "Times New Roman"),
    "nfd": (lambda: UnicodeWriting("NFD"), "Times New Roman"),
    "tcvn3-char": (lambda: Tcvn3Writing(soft_hyphen_element=False), ".VnTime"),
    "tcvn3-element": (lambda: Tcvn3Writing(soft_hyphen_element=True), ".VnTime"),
    "vni-caps-property": (lambda: VniWriting("VNI-Helve", all_caps_property=True), "VNI-Times"),
    "vni-upper": (lambda: VniWriting("VNI-Times"), "VNI-Times"),
    "mixed-clauses": (lambda: MixedWriting("clause", legacy_roles=frozenset({"cell"}),
                                           unicode_roles=HEADER_ROLES), "Times New Roman"),
    "mixed-words": (lambda: MixedWriting("words", legacy_roles=frozenset({"parent", "unit", "national", "title"}),
                                         unicode_roles=frozenset({"head_cell"}),
                                         soft_hyphen_element=False), "Times New Roman"),
    "split-narrative": (lambda: SplitWordsWriting(SPLIT_NARRATIVE, NARRATIVE_ROLES), "Times New Roman"),
    "split-table": (lambda: SplitWordsWriting(SPLIT_TABLE, NARRATIVE_ROLES | {"head_cell", "cell"}),
                    "Times New Roman"),
}
ENCODING_OF_WRITING = {"unicode": "unicode", "nfd": "unicode-nfd", "tcvn3-char": "tcvn3",
                       "tcvn3-element": "tcvn3", "vni-caps-property": "vni", "vni-upper": "vni",
                       "mixed-clauses": "unicode+tcvn3", "mixed-words": "unicode+tcvn3",
                       "split-narrative": "unicode", "split-table": "unicode"}
SPLIT_TARGETS = {"split-narrative": SPLIT_NARRATIVE, "split-table": SPLIT_TABLE}


# --- the corpus as data -------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A report built as .docx: whose, which content (seed), how written, how laid out."""
    unit: str
    seed: int
    writing: str = "unicode"
    layout: Layout = field(default_factory=Layout)


@dataclass(frozen=True)
class Output:
    """One file of the corpus, made from a source: the docx itself, a LibreOffice conversion
    (pdf/doc/odt/rtf), a text file, a scan or a PDF with a rotated page."""
    case: str
    variant: str
    source: str
    kind: str  # docx | pdf | doc | odt | rtf | txt | scan | rotated
    name: str
    params: dict = field(default_factory=dict, hash=False, compare=False)
    notes: str = ""


SOURCES = {
    "docx-A": Source("cdyt", 101),
    "docx-B": Source("cdsp", 102, layout=Layout(n_paragraphs=4)),
    "pdf-C": Source("cdmn", 103, layout=Layout(n_paragraphs=3)),
    "doc-A": Source("dhvhnt", 104),
    "odt-A": Source("cdnt", 105),
    "odt-B": Source("cddd", 106, layout=Layout(n_paragraphs=3)),
    "rtf-A": Source("cdmn", 107, layout=Layout(n_paragraphs=4)),
    "rtf-B": Source("dhvhnt", 108),
    "tcvn3-A": Source("cddd", 109, "tcvn3-char", Layout(n_paragraphs=3)),
    "tcvn3-B": Source("cdyt", 110, "tcvn3-element", Layout(n_paragraphs=4)),
    "vni-A": Source("cdsp", 111, "vni-caps-property", Layout(n_paragraphs=3)),
    "vni-B": Source("cdnt", 112, "vni-upper", Layout(n_paragraphs=3)),
    "mixed-A": Source("dhvhnt", 113, "mixed-clauses", Layout(n_paragraphs=5)),
    "mixed-B": Source("cdmn", 114, "mixed-words", Layout(n_paragraphs=4)),
    "cp1258-A": Source("cdnt", 115),
    "cp1258-B": Source("cdyt", 116, layout=Layout(n_paragraphs=4)),
    "nfd-A": Source("cddd", 117, "nfd"),
    "nfd-B": Source("cdsp", 118, "nfd", Layout(n_paragraphs=4)),
    "split-A": Source("cdyt", 119, "split-narrative", Layout(n_paragraphs=5)),
    "split-B": Source("dhvhnt", 120, "split-table", Layout(n_paragraphs=5)),
    "rotated-A": Source("cdsp", 121),
    "rotated-B": Source("cddd", 122, layout=Layout(n_paragraphs=4, table_on_new_page=True)),
    "twocol-A": Source("cdnt", 123, layout=Layout(n_paragraphs=6, two_columns=True)),
    "twocol-B": Source("cdmn", 124, layout=Layout(n_paragraphs=5, two_columns=True)),
    "merged-A": Source("cdyt", 125, layout=Layout(n_paragraphs=4, merged_header=True)),
    "merged-B": Source("cdnt", 126, layout=Layout(n_paragraphs=3, merged_header=True)),
    "extra-A": Source("dhvhnt", 127, layout=Layout(n_paragraphs=3, columns=EXTRA_COLUMNS)),
    "extra-B": Source("cddd", 128, layout=Layout(n_paragraphs=3, columns=EXTRA_COLUMNS, cluster_scores=True)),
    "nototal-A": Source("cdsp", 129, layout=Layout(total_row=False)),
    "nototal-B": Source("cdmn", 130, layout=Layout(n_paragraphs=3, total_row=False)),
    "numbers-A": Source("cddd", 131, layout=Layout(numbers="mixed")),
    "numbers-B": Source("cdyt", 132, layout=Layout(n_paragraphs=3, numbers="mixed")),
    "splitpage-A": Source("dhvhnt", 133, layout=Layout(n_paragraphs=6, repeat_header=True)),
    "splitpage-B": Source("cdsp", 134, layout=Layout(n_paragraphs=6)),
    "separate-A-report": Source("cdnt", 135, layout=Layout(table=False)),
    "separate-A-table": Source("cdnt", 135, layout=Layout(narrative=False, table_document=True)),
    "separate-B-report": Source("cdmn", 136, layout=Layout(n_paragraphs=4, table=False)),
    "separate-B-table": Source("cdmn", 136, layout=Layout(n_paragraphs=4, narrative=False, table_document=True)),
}


def _pair(case: str, key: str, variant: str, stem: str, notes: str = "") -> list[Output]:
    """The same document as .docx and as LibreOffice PDF."""
    return [Output(case, variant, key, "docx", f"{stem}.docx", notes=notes),
            Output(case, variant, key, "pdf", f"{stem}.pdf", notes=notes)]


OUTPUTS = [
    Output("docx", "A", "docx-A", "docx", "A-cdyt.docx"),
    Output("docx", "B", "docx-B", "docx", "B-cdsp.docx"),
    Output("pdf", "A", "docx-A", "pdf", "A-cdyt.pdf", notes="LibreOffice PDF of docx/A-cdyt.docx"),
    Output("pdf", "B", "docx-B", "pdf", "B-cdsp.pdf", notes="LibreOffice PDF of docx/B-cdsp.docx"),
    Output("pdf", "C", "pdf-C", "pdf", "C-cdmn.pdf"),
    Output("doc", "A", "doc-A", "doc", "A-dhvhnt.doc", notes="Word 97 .doc from a Unicode .docx"),
    Output("doc", "B", "tcvn3-B", "doc", "B-cdyt-tcvn3.doc",
           notes="Word 97 .doc from tcvn3-docx/B-cdyt.docx (TCVN3, ư as <w:softHyphen/>)"),
    Output("odt", "A", "odt-A", "odt", "A-cdnt.odt"),
    Output("odt", "B", "odt-B", "odt", "B-cddd.odt"),
    Output("rtf", "A", "rtf-A", "rtf", "A-cdmn.rtf"),
    Output("rtf", "B", "rtf-B", "rtf", "B-dhvhnt.rtf"),
    Output("tcvn3-docx", "A", "tcvn3-A", "docx", "A-cddd.docx",
           notes=".VnTime text; .VnTimeH (lower-case codes) for capital lines; ư as a plain U+00AD in w:t"),
    Output("tcvn3-docx", "B", "tcvn3-B", "docx", "B-cdyt.docx",
           notes=".VnTime text; .VnTimeH (lower-case codes) for capital lines; ư as <w:softHyphen/>"),
    Output("vni-docx", "A", "vni-A", "docx", "A-cdsp.docx",
           notes="VNI-Times text; capital lines typed in lower case in VNI-Helve with Word's All caps (w:caps)"),
    Output("vni-docx", "B", "vni-B", "docx", "B-cdnt.docx",
           notes="VNI-Times throughout; capital lines typed in upper case (upper-case VNI mark codes)"),
    Output("tcvn3-pdf", "A", "tcvn3-A", "pdf", "A-cddd.pdf", notes="LibreOffice PDF of tcvn3-docx/A-cddd.docx"),
    Output("tcvn3-pdf", "B", "tcvn3-B", "pdf", "B-cdyt.pdf", notes="LibreOffice PDF of tcvn3-docx/B-cdyt.docx"),
    Output("vni-pdf", "A", "vni-A", "pdf", "A-cdsp.pdf", notes="LibreOffice PDF of vni-docx/A-cdsp.docx"),
    Output("vni-pdf", "B", "vni-B", "pdf", "B-cdnt.pdf", notes="LibreOffice PDF of vni-docx/B-cdnt.docx"),
    Output("mixed-docx", "A", "mixed-A", "docx", "A-dhvhnt.docx",
           notes="header Unicode; narrative alternates Unicode/TCVN3 clause by clause; table header "
                 "Unicode, table body TCVN3 (.VnTime)"),
    Output("mixed-docx", "B", "mixed-B", "docx", "B-cdmn.docx",
           notes="parent, unit, national line and title in .VnTimeH; other text alternates "
                 "Unicode/TCVN3 every 2–5 words, also inside table cells; table header Unicode"),
    Output("cp1258-txt", "A", "cp1258-A", "txt", "A-cdnt.txt", {"precomposed": False},
           notes="Windows-1258, CRLF; every toned letter as base + combining tone mark"),
    Output("cp1258-txt", "B", "cp1258-B", "txt", "B-cdyt.txt", {"precomposed": True},
           notes="Windows-1258, CRLF; precomposed codes where cp1258 has them (à á é…), "
                 "base + combining tone otherwise"),
    Output("nfd-docx", "A", "nfd-A", "docx", "A-cddd.docx", notes="all text in Unicode NFD"),
    Output("nfd-docx", "B", "nfd-B", "docx", "B-cdsp.docx", notes="all text in Unicode NFD"),
    Output("scan-pdf", "A", "docx-A", "scan", "A-cdyt.pdf", {"skew": 0.8, "seed": 1},
           notes="scan of pdf/A-cdyt.pdf"),
    Output("scan-pdf", "B", "docx-B", "scan", "B-cdsp.pdf", {"skew": -1.6, "seed": 2},
           notes="scan of pdf/B-cdsp.pdf"),
    Output("scan-pdf", "C", "pdf-C", "scan", "C-cdmn.pdf", {"skew": 1.2, "seed": 3, "rotate_page": 1},
           notes="scan of pdf/C-cdmn.pdf; page 2 fed sideways (image turned 90° counter-clockwise)"),
    Output("split-words-pdf", "A", "split-A", "pdf", "A-cdyt.pdf",
           notes="widened letters in narrative and titles"),
    Output("split-words-pdf", "B", "split-B", "pdf", "B-dhvhnt.pdf",
           notes="widened letters in narrative, titles, table header and table cells"),
    Output("rotated-pdf", "A", "rotated-A", "rotated", "A-cdsp.pdf", {"page": 0}),
    Output("rotated-pdf", "B", "rotated-B", "rotated", "B-cddd.pdf", {"page": "table"}),
    Output("two-column-pdf", "A", "twocol-A", "pdf", "A-cdnt.pdf",
           notes="header and title one column; narrative in a two-column section; table one column"),
    Output("two-column-pdf", "B", "twocol-B", "pdf", "B-cdmn.pdf",
           notes="header and title one column; narrative in a two-column section; table one column"),
    *_pair("table-merged-header", "merged-A", "A", "A-cdyt",
           "header rows: TT, Nội dung merged down; Điểm merged over Tối đa | Tự chấm"),
    *_pair("table-merged-header", "merged-B", "B", "B-cdnt",
           "header rows: TT, Nội dung merged down; Điểm merged over Tối đa | Tự chấm"),
    *_pair("table-extra-columns", "extra-A", "A", "A-dhvhnt",
           "extra columns Điểm Cụm chấm (empty), Minh chứng, Ghi chú"),
    *_pair("table-extra-columns", "extra-B", "B", "B-cddd",
           "extra columns Điểm Cụm chấm (filled, differs from the self-scores on some rows), "
           "Minh chứng, Ghi chú"),
    *_pair("table-no-total", "nototal-A", "A", "A-cdsp", "no total row"),
    *_pair("table-no-total", "nototal-B", "B", "B-cdmn", "no total row"),
    *_pair("table-number-styles", "numbers-A", "A", "A-cddd",
           "self-scores spelt 9.5 / 9,50 / 9,5 điểm / 10đ / 9,5 in turn; deductions -1 or (1), "
           "empty when none; group II row has no score"),
    *_pair("table-number-styles", "numbers-B", "B", "B-cdyt",
           "self-scores spelt 9.5 / 9,50 / 9,5 điểm / 10đ / 9,5 in turn; deductions -1 or (1), "
           "empty when none; group II row has no score"),
    Output("table-split-pages", "A", "splitpage-A", "pdf", "A-dhvhnt.pdf",
           notes="table crosses the page break; header row repeated (w:tblHeader)"),
    Output("table-split-pages", "B", "splitpage-B", "pdf", "B-cdsp.pdf",
           notes="table crosses the page break; header row not repeated"),
    Output("separate-files", "A", "separate-A-report", "docx", "A-cdnt-report.docx",
           notes="narrative report without table; its table is A-cdnt-table.docx"),
    Output("separate-files", "A", "separate-A-table", "docx", "A-cdnt-table.docx",
           notes="self-scoring table alone; the number appears only in '(Kèm theo Báo cáo số …)'"),
    Output("separate-files", "B", "separate-B-report", "docx", "B-cdmn-report.docx",
           notes="narrative report without table; its table is B-cdmn-table.pdf"),
    Output("separate-files", "B", "separate-B-table", "pdf", "B-cdmn-table.pdf",
           notes="self-scoring table alone (PDF); the number appears only in '(Kèm theo Báo cáo số …)'"),
]

CONVERTED = {"pdf", "doc", "odt", "rtf"}
FORMAT_OF_KIND = {"scan": "pdf", "rotated": "pdf"}


# --- building ------------------------------------------------------------------------------------


def build_sources(keys: set[str], work: Path) -> tuple[dict[str, Report], dict[str, Path]]:
    units = load_units()
    reports, paths = {}, {}
    for key in sorted(keys):
        source = SOURCES[key]
        report = make_report(units[source.unit], source.seed, source.layout.n_paragraphs)
        factory, body_font = WRITINGS[source.writing]
        paths[key] = build_report(report, source.layout, factory(), body_font, work / f"{key}.docx")
        reports[key] = report
    return reports, paths


def convert_all(outputs: list[Output], sources: dict[str, Path], work: Path) -> dict[tuple[str, str], Path]:
    """LibreOffice conversions needed by the outputs: (source key, format) → file."""
    needed: dict[str, set[str]] = {}
    for out in outputs:
        fmt = out.kind if out.kind in CONVERTED else FORMAT_OF_KIND.get(out.kind)
        if fmt:
            needed.setdefault(fmt, set()).add(out.source)
    results = {}
    for fmt, keys in needed.items():
        converted = office.convert([sources[k] for k in sorted(keys)], fmt, work / fmt)
        for k in keys:
            results[(k, fmt)] = converted[sources[k]]
    return results


def make_output(out: Output, sources: dict[str, Path], converted: dict, reports: dict, dst: Path) -> list[str]:
    """Write one corpus file; return notes learnt while making it."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    if out.kind == "docx":
        shutil.copy(sources[out.source], dst)
    elif out.kind in CONVERTED:
        shutil.copy(converted[(out.source, out.kind)], dst)
    elif out.kind == "txt":
        plaintext.write_txt(reports[out.source], SOURCES[out.source].layout, dst, out.params["precomposed"])
    elif out.kind == "scan":
        return _make_scan(out, converted[(out.source, "pdf")], reports[out.source], dst)
    elif out.kind == "rotated":
        return _make_rotated(out, converted[(out.source, "pdf")], dst)
    return []


def _make_scan(out: Output, pdf: Path, report: Report, dst: Path) -> list[str]:
    options = ScanOptions(out.params["skew"], out.params["seed"], report.unit.head_title.upper(),
                          report.unit.name.upper(), out.params.get("rotate_page"))
    facts = scan_pdf(pdf, dst, options)
    return [f"image-only PDF, 200 dpi JPEG (quality {options.quality}), no text layer",
            f"skew {options.skew_degrees:+.1f}° (counter-clockwise positive)",
            f"red stamp and signature over the signature block on page {facts['stamp_page']}"]


def _make_rotated(out: Output, pdf: Path, dst: Path) -> list[str]:
    page = out.params["page"]
    if page == "table":
        page = next(i for i, text in enumerate(office.page_texts(pdf)) if "Tổng cộng" in text)
    office.rotate_page(pdf, dst, page, 90)
    what = "the page holding the table" if out.params["page"] == "table" else "the first page"
    before, after = office.page_texts(pdf)[page], office.page_texts(dst)[page]
    if before == after:
        effect = "pypdfium2 text of that page unchanged by the rotation"
    elif sorted(before.split()) == sorted(after.split()):
        effect = ("pypdfium2 returns the same words for that page, but wrapped lines of paragraphs "
                  "and table cells come out regrouped and out of order")
    else:
        effect = "pypdfium2 text of that page differs from the unrotated page"
    return [f"/Rotate 90 set on page {page + 1} ({what})", effect]


# --- facts read back from the files -----------------------------------------------------------


def split_word_facts(pdf: Path, targets: dict[str, str]) -> tuple[list[dict], list[str]]:
    """How the target words come out in the PDF text layer (pypdfium2)."""
    text = " ".join(office.page_texts(pdf))
    facts = []
    for word, split in targets.items():
        facts.append({"word": word, "as_extracted": split, "split_count": text.count(split),
                      "unsplit_count": _count_word(text, word)})
    found = [f"{f['word']} → '{f['as_extracted']}' ×{f['split_count']}" for f in facts if f["split_count"]]
    return facts, [f"split words in the pypdfium2 text: {', '.join(found)}"]


def _count_word(text: str, word: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text))


def table_split_facts(pdf: Path) -> list[str]:
    texts = office.page_texts(pdf)
    start = next(i for i, t in enumerate(texts) if "Nội dung tiêu chí" in t)
    end = next(i for i, t in enumerate(texts) if "Tổng cộng" in t)
    repeated = [i + 1 for i in range(start + 1, end + 1) if "Nội dung tiêu chí" in texts[i]]
    return [f"table runs from page {start + 1} to page {end + 1}; header row repeated on pages: "
            f"{repeated or 'none'}"]


TCVN3_CAPITALS_NOTE = ("capital toned letters other than Ă Â Ê Ô Ơ Ư Đ have no .VnTime code, so "
                       ".VnTime runs write them in lower case ('ủy ban' for 'Ủy ban'); .VnTimeH lines "
                       "hold lower-case codes drawn as capitals")


def legacy_pdf_facts(pdf: Path) -> list[str]:
    """What became of TCVN3 "ư" (U+00AD, a soft hyphen to LibreOffice) in the text layer."""
    text = "\n".join(office.page_texts(pdf))
    if "\u00ad" in text:
        fate = "U+00AD (TCVN3 ư) kept"
    else:
        breaks = len(re.findall(r"\S-\r?$", text, re.MULTILINE))
        fate = (f"U+00AD (TCVN3 ư) absent: LibreOffice treats it as a soft hyphen, so ư vanishes "
                f"inside a line and becomes '-' where a line breaks there (lines ending in '-': {breaks})")
    return [f"text layer holds TCVN3 codes (font substituted by LibreOffice; .VnTimeH lines come "
            f"out in lower-case codes); {fate}"]


# --- truth ------------------------------------------------------------------------------------------


def truth_entry(out: Output, report: Report, pages: int, notes: list[str], extra: dict) -> dict:
    layout = SOURCES[out.source].layout
    has_table = layout.table or layout.table_document
    has_narrative = layout.narrative and not layout.table_document
    fmt = Path(out.name).suffix.lstrip(".")
    encoding = "image" if out.kind == "scan" else ENCODING_OF_WRITING[SOURCES[out.source].writing]
    if out.kind == "txt":
        encoding = "cp1258"
    entry = {
        "file": f"{out.case}/{out.name}",
        "case": out.case,
        "variant": out.variant,
        "format": fmt,
        "encoding": encoding,
        "unit_id": report.unit.id,
        "year": YEAR,
        "doc_number": report.doc_number,
        "self_scores": dict(report.scores) if has_table else {},
        "claimed_total": report.claimed_total if has_table and layout.total_row else None,
        "awards": [a.truth() for a in report.awards] if has_narrative else [],
        "figures": [f.truth() for f in report.figures] if has_narrative else [],
        "pages": pages,
        "notes": "; ".join(n for n in [out.notes, *notes] if n),
    }
    entry.update(extra)
    return entry


def facts_for(out: Output, dst: Path) -> tuple[list[str], dict]:
    """Notes and extra truth fields read back from a finished file."""
    writing = SOURCES[out.source].writing
    if dst.suffix == ".pdf" and writing in SPLIT_TARGETS and out.kind != "scan":
        facts, notes = split_word_facts(dst, SPLIT_TARGETS[writing])
        return notes, {"split_words": facts}
    if out.case == "table-split-pages":
        return table_split_facts(dst), {}
    notes = []
    if "tcvn3" in ENCODING_OF_WRITING[writing] and out.kind != "scan":
        notes.append(TCVN3_CAPITALS_NOTE)
    if dst.suffix == ".pdf" and out.kind == "pdf" and writing.startswith("tcvn3"):
        notes += legacy_pdf_facts(dst)
    if out.kind == "txt":
        notes.append("pages: 1 by convention (plain text has no pages)")
    return notes, {}


def main() -> None:
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    CORPUS.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="tdkt-corpus-") as tmp:
        work = Path(tmp)
        reports, sources = build_sources({o.source for o in OUTPUTS}, work)
        converted = convert_all(OUTPUTS, sources, work)
        made = []
        for out in OUTPUTS:
            dst = CORPUS / out.case / out.name
            notes = make_output(out, sources, converted, reports, dst)
            made.append((out, dst, notes))
        page_count = office.page_counts([dst for _, dst, _ in made if dst.suffix != ".txt"])
    truth = []
    for out, dst, notes in made:
        more_notes, extra = facts_for(out, dst)
        pages = page_count.get(dst, 1)
        if pages > MAX_PAGES:
            print(f"warning: {dst.relative_to(CORPUS)} has {pages} pages", file=sys.stderr)
        truth.append(truth_entry(out, reports[out.source], pages, notes + more_notes, extra))
    (CORPUS / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    print(f"{len(truth)} files in {len({o.case for o in OUTPUTS})} cases, {size / 1e6:.2f} MB → {CORPUS}")


if __name__ == "__main__":
    main()
