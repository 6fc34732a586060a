"""Seeded generator of inbox documents that are NOT unit year-end reports, with ground truth.

``generate(seed)`` draws one document an officer's inbox receives besides the reports, and the
kind tdkt must call it (a key of pipeline/understanding/rules/document_kinds.yaml; "other" for a
news article or a cover note). The kinds take turns by seed; everything else is drawn:

  kinds     giấy mời (the cluster's year-end conference, naming the host unit), công văn
            ("V/v gửi báo cáo tổng kết …" without the report, a request for the reports, or one
            with the outline the reports must follow; numbered "…/CV-…" or, as công văn usually
            are, "…/CĐYT-TCHC" with no type code), kế hoạch (targets: "phấn đấu", "chỉ tiêu",
            points to reach, now and then a table of them), quyết định (khen thưởng; Điều 1/2/3
            and a list of units), tờ trình (đề nghị khen thưởng, maybe a table of units and
            points), biên bản (the cluster's meeting, maybe with the units' scores; or its check
            of one unit, with that unit's whole self-scoring table and the cluster's marks),
            thông báo, hướng dẫn (maybe with a sample report "BÁO CÁO … năm 2023" appended), a
            news article ("(PV) – …", maybe under a site name) and a cover note or e-mail
            (.txt mostly; some lines open with "Báo cáo …" and have no full stop)
  header    a two-cell table (parent body and issuer left, national motto right), the same with
            the number and date in a second row, one paragraph a line, two columns apart by a
            tab in one paragraph, or none at all; typed rules under issuer and motto or not
  number    "Số: 15/GM-CTĐ5" (type code), "Số: 45/CĐYT-TCHC" (none), "Số:    /KH-CTĐ5"
            (left blank for the office to fill in) or no number line
  title     "GIẤY MỜI" over its summary line, "Giấy mời", "Giấy Mời", "KẾ HOẠCH TỔ CHỨC …" or
            "Kế hoạch tổ chức …" in one line, the words apart by two spaces or a non-breaking
            one; "DỰ THẢO"/"KHẨN" above; a công văn has no title but its "V/v …" line
  also      units of many kinds and cities, the year and "báo cáo tổng kết" in the body,
            signature blocks as paragraphs or a table, fonts, sizes; .docx mostly, .txt, and
            .pdf made with LibreOffice

``generate_carrier(seed)`` draws positive controls that tdkt must read as a report: a công văn
carrying the whole report in the same file (the cover letter, then the report's own header
table, or the unit's name, or nothing, "BÁO CÁO" and its summary line with the year, the
narrative), or a report written as a công văn ("V/v báo cáo tổng kết …"); half of them with the
self-scoring table.

``write_all(docs, folder, rubric)`` (tests/generators/other_writing.py) writes them; the rubric
gives the rows of the self-scoring tables. The same seed gives the same bytes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import other_wording as w
from .other_writing import Block, Para, ScoreTable, Table, write_all, write_docx, write_text

__all__ = ["FORMATS", "GENRES", "HEADERS", "NUMBERS", "OTHER", "TITLE_CASES", "OtherDocument", "generate",
           "generate_carrier", "write_all", "write_docx", "write_text"]

GENRES = ("invitation", "letter", "plan", "decision", "proposal", "minutes", "notice", "instruction", "article",
          "note")
HEADERS = ("table", "table_rows", "paragraphs", "tabbed", "none")
NUMBERS = ("code", "no_code", "blank", "absent")
TITLE_CASES = ("upper", "sentence", "title", "upper_joined", "sentence_joined", "none")
FORMATS = ("docx", "txt", "pdf")
OTHER = "other"
FILE_NAMES = {
    "invitation": ["Giay moi hoi nghi tong ket", "GM HN tổng kết Cụm", "giấy mời"],
    "letter": ["CV gui bao cao TDKT", "Công văn", "cv đề nghị"],
    "plan": ["KH to chuc HN tong ket", "Kế hoạch thi đua"],
    "decision": ["QD khen thuong", "Quyết định khen thưởng"],
    "proposal": ["To trinh de nghi khen thuong", "TTr đề nghị khen"],
    "minutes": ["Bien ban hop Cum", "BB bình xét thi đua"],
    "notice": ["Thong bao ket qua", "TB kết luận Cụm trưởng"],
    "instruction": ["Huong dan cham diem", "HD báo cáo tổng kết"],
    "article": ["Tin bai hoi nghi tong ket", "bài báo"],
    "note": ["email gui kem", "ghi chu", "Thư gửi kèm báo cáo"],
    "carrier": ["CV gui kem bao cao tong ket", "Công văn và báo cáo TĐKT"],
}


@dataclass
class OtherDocument:
    seed: int
    genre: str  # one of GENRES, or "carrier" (a positive control)
    kind: str  # the truth: a key of document_kinds.yaml, or "other"
    fmt: str  # docx | txt | pdf
    font: str
    size: float
    blocks: list[Block]
    choices: dict[str, str] = field(default_factory=dict)  # layout choices, for coverage and failure reports
    base: str = ""

    @property
    def name(self) -> str:
        return f"{self.base} ({self.genre[:3]}{self.seed:05d}).{self.fmt}"

    @property
    def features(self) -> frozenset[str]:
        return frozenset(f"{k}:{v}" for k, v in self.choices.items())

    def summary(self) -> str:
        return f"seed {self.seed} {self.genre}→{self.kind} " + " ".join(f"{k}={v}" for k, v in self.choices.items())


# --- drawing ---------------------------------------------------------------------------------


def generate(seed: int) -> OtherDocument:
    """A document that is not a unit's report; the genres take turns by seed, the rest is drawn."""
    rng = random.Random(seed)
    genre = GENRES[seed % len(GENRES)]
    facts = _facts(rng)
    if genre == "article":
        return _article(rng, seed, facts)
    if genre == "note":
        return _note(rng, seed, facts)
    return _administrative(rng, seed, genre, facts)


def generate_carrier(seed: int) -> OtherDocument:
    """A report in a công văn: the cover letter, then the whole report (its own header or the
    unit's name, "BÁO CÁO", the summary line with the year, the narrative, and the self-scoring
    table or not); or the report written as the letter ("V/v báo cáo tổng kết …")."""
    rng = random.Random(f"carrier-{seed}")
    facts = _facts(rng)
    facts["to"] = f"Cụm trưởng {facts['cluster']}"
    form = rng.choice(("cover", "cover", "letter_form"))
    subject = w.SUBJECTS[0] if form == "cover" else w.REPORT_SUBJECT
    own_header = rng.choice(("table", "unit_line", "none")) if form == "cover" else "none"
    body = None if form == "cover" else [Para(f"Kính gửi: {facts['to']}."), *_narrative(facts)]
    cover = _administrative(rng, seed, "letter", facts, subject=subject, issuer="unit", body=body)
    blocks = cover.blocks + (_carried(rng, facts, own_header) if form == "cover" else [])
    with_table = rng.random() < 0.5
    if with_table:
        blocks += [Para("BẢNG TỰ CHẤM ĐIỂM", bold=True, center=True), ScoreTable()]
    fmt = "pdf" if rng.random() < 0.2 else "docx"
    choices = {**cover.choices, "form": form, "format": fmt, "report_header": own_header,
               "score_table": str(with_table).lower()}
    return OtherDocument(seed, "carrier", "report", fmt, cover.font, cover.size, blocks, choices,
                         rng.choice(FILE_NAMES["carrier"]))


def _carried(rng: random.Random, facts: dict, own_header: str) -> list[Block]:
    """The report after its cover letter, from a new page."""
    unit, abbr, _, parent = w.UNITS[facts["unit_index"]]
    blocks: list[Block] = []
    if own_header == "table":
        blocks.append(_header_table(rng, facts, unit.upper(), parent, f"Số: {rng.randint(10, 99)}/BC-{abbr}",
                                    page_break=True))
    elif own_header == "unit_line":
        blocks.append(Para(unit.upper(), bold=True, center=True, page_break=True))
    title, summary = rng.choice(w.REPORT_TITLES)
    blocks.append(Para(title.format(**facts), bold=True, center=True, page_break=own_header == "none"))
    if summary:
        blocks.append(Para(summary.format(**facts), bold=True, center=True))
    return blocks + _narrative(facts)


def _narrative(facts: dict) -> list[Block]:
    return [Para(t.format(**facts), bold=t.isupper()) for t in w.REPORT_BODY]


def _facts(rng: random.Random) -> dict[str, object]:
    host_i, unit_i = rng.sample(range(len(w.UNITS)), 2)
    c = rng.randint(1, 30)
    year = rng.choice((2022, 2023, 2023, 2023, 2024))
    officials = rng.sample(w.OFFICIALS, 2)
    staff = rng.sample(w.STAFF_UNITS, rng.randint(2, 4))
    return {
        "host_index": host_i, "unit_index": unit_i, "c": c, "year": year, "next": year + 1,
        "host": w.UNITS[host_i][0], "unit": w.UNITS[unit_i][0], "abbr": w.UNITS[unit_i][1],
        "abbr_mail": w.UNITS[unit_i][1].lower().replace("đ", "d").replace("-", ""),
        "cluster": f"Cụm thi đua số {c}", "cluster_title": f"Cụm thi đua số {c}",
        "n": f"{rng.randint(1, 40):02d}", "day": rng.randint(10, 28), "minute": f"{rng.randint(0, 59):02d}",
        "score": f"{rng.randint(92, 99)},{rng.choice((0, 5, 25, 75))}".replace(",0", ""),
        "target": rng.choice((90, 95, 98)), "count": f"{len(staff):02d}", "award": rng.choice(w.AWARDS),
        "official": officials[0], "official2": officials[1], "phone": f"{rng.randint(10_000_000, 99_999_999)}",
        "agency": rng.choice(("(PV) –", "(PV) -", "(HNM) –", "(GD&TĐ) –")),
        "to": rng.choice((f"Cụm trưởng Cụm thi đua số {c}", "Các đơn vị thành viên Cụm thi đua",
                          "Ban Thi đua - Khen thưởng Thành phố")),
        "staff": staff,
    }


def _administrative(rng: random.Random, seed: int, genre: str, facts: dict, subject: str | None = None,
                    issuer: str | None = None, body: list[Block] | None = None) -> OtherDocument:
    """A document of the administrative kinds: header, title (or a công văn's subject), body,
    signature; ``body`` instead of the kind's own (a report written as a công văn, untitled)."""
    letter = genre == "letter"
    variant = rng.choice(VARIANTS.get(genre, ("plain",))) if body is None else "report"
    header = rng.choice(HEADERS[:-1] if letter else HEADERS)
    number_form = _number_form(rng, header, letter)
    title_case = ("upper" if rng.random() < 0.15 and body is None else "none") if letter \
        else rng.choice(TITLE_CASES[:-1])
    spacing = rng.choices(("normal", "double", "nbsp"), weights=(80, 12, 8))[0]
    mark = rng.choices(("none", "draft", "urgent"), weights=(80, 12, 8))[0]
    if variant == "inspection":  # the cluster's team checks one unit
        issuer = rng.choice(("cluster", "host"))
    issuer = issuer or ("unit" if letter or genre == "decision" else rng.choice(("cluster", "unit")))
    issuer_name, parent, abbr = _issuer(facts, issuer)
    number = _number_line(rng, number_form, genre, abbr, issuer, facts)
    blocks: list[Block] = [Para(w.MARKS[mark], bold=True)] if mark != "none" else []
    if header != "none":
        if letter:
            subject = subject or (w.SUBJECTS[1] if variant == "outline" else rng.choice(w.SUBJECTS))
        blocks += _header(rng, header, facts, issuer_name.upper(), parent, number,
                          subject.format(**facts) if letter else None)
    blocks += _title(genre, variant, title_case, spacing, facts)
    blocks += _body(rng, genre, variant, facts, issuer_name) if body is None else body
    table = _data_table(rng, genre, variant, facts) if body is None else None
    if table is not None:
        blocks.insert(len(blocks) - (1 if variant == "inspection" else rng.randint(1, 2)), table)
    signature = rng.choice(("paragraphs", "table"))
    blocks += _signature(rng, genre, facts, issuer_name, issuer, signature)
    blocks += _appendix(genre, variant, facts)
    fmt = rng.choices(FORMATS, weights=(80, 8, 12))[0]
    choices = {"genre": genre, "variant": variant, "header": header, "number": number_form, "title": title_case,
               "spacing": spacing, "mark": mark, "issuer": issuer, "table": _table_kind(table),
               "signature": signature, "format": fmt}
    font, size = rng.choice(w.FONTS), rng.choice((12.0, 13.0, 14.0))
    return OtherDocument(seed, genre, genre, fmt, font, size, blocks, choices, rng.choice(FILE_NAMES[genre]))


# Variants of a kind: a công văn sending the report (without it), asking for it, or asking for it
# with the outline the report must follow; a biên bản of the cluster's meeting or of its check of
# one unit (the criteria table with the unit's self-scores and the cluster's marks); a hướng dẫn
# with a sample report in its appendix.
VARIANTS = {"letter": ("sends", "requests", "outline"), "minutes": ("meeting", "meeting", "inspection"),
            "instruction": ("plain", "template")}


def _table_kind(table: Block | None) -> str:
    if table is None:
        return "no"
    return "criteria" if isinstance(table, ScoreTable) else "yes"


def _number_form(rng: random.Random, header: str, letter: bool) -> str:
    if header == "none":
        return "absent"
    if letter:
        return rng.choices(NUMBERS[:3], weights=(45, 40, 15))[0]
    return rng.choices(NUMBERS, weights=(55, 10, 15, 20))[0]


def _issuer(facts: dict, issuer: str) -> tuple[str, str, str]:
    """(name, parent body in capitals, abbreviation in number lines)."""
    if issuer == "cluster":
        return facts["cluster"], w.CLUSTER_PARENTS[facts["c"] % len(w.CLUSTER_PARENTS)], f"CTĐ{facts['c']}"
    index = facts["unit_index"] if issuer == "unit" else facts["host_index"]
    name, abbr, _, parent = w.UNITS[index]
    return name, parent, abbr


def _number_line(rng: random.Random, form: str, genre: str, abbr: str, issuer: str, facts: dict) -> str | None:
    code = w.TYPE_CODES[genre]
    if form == "absent":
        return None
    if form == "blank":
        return f"Số:{' ' * rng.randint(3, 8)}/{code}-{abbr}"
    number = rng.randint(1, 450)
    number = f"{number:02d}" if rng.random() < 0.7 else str(number)
    if form == "no_code":  # a công văn's own number: issuer, then the drafting office
        office = rng.choice(("TCHC", "VP", "HCTH", "TĐKT")) if issuer != "cluster" else f"{facts['abbr']}"
        return f"Số: {number}/{abbr}-{office}"
    if genre == "decision" and rng.random() < 0.2:
        return f"Số: {number}/{facts['year']}/{code}-{abbr}"
    spacing = rng.choice(("", "", " "))
    return f"Số: {number}{spacing}/{code}-{abbr}"


def _date_line(rng: random.Random, facts: dict) -> str:
    place = w.UNITS[facts["unit_index"]][2]
    if rng.random() < 0.15:
        return f"{place}, ngày      tháng 12 năm {facts['year']}"
    month, year = (12, facts["year"]) if rng.random() < 0.8 else (1, facts["year"] + 1)
    day = rng.randint(1, 28)
    return f"{place}, ngày {day:02d} tháng {month:02d} năm {year}"


MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def _header(rng: random.Random, layout: str, facts: dict, issuer: str, parent: str, number: str | None,
            subject: str | None) -> list[Block]:
    motto = (MOTTO[0].replace("HÒA", "HOÀ") if rng.random() < 0.2 else MOTTO[0], MOTTO[1])
    date = _date_line(rng, facts)
    rules = rng.random() < 0.4  # the short rules under the issuer and the motto, typed
    left = [Para(parent), Para(issuer, bold=True)] + [Para("_______", center=True)] * rules
    under = [Para(number, center=True)] if number else []
    under += [Para(subject, center=True)] if subject else []
    right = [Para(motto[0], bold=True), Para(motto[1], bold=True)] + [Para("________________", center=True)] * rules
    if layout == "table":
        return [Table([[left + under, [*right, Para(date, italic=True)]]], grid=False)]
    if layout == "table_rows":
        return [Table([[left, right], [under or [Para("")], [Para(date, italic=True)]]], grid=False)]
    if layout == "paragraphs":
        lines = [*left, *right, *under, Para(date, italic=True)]
        return [Para(p.text, bold=p.bold, italic=p.italic, center=True) for p in lines]
    rows = [(parent, motto[0]), (issuer, motto[1]), (number or "", date)]
    # One paragraph, its lines broken by hand, the columns apart by a tab.
    return [Para("\n".join(f"{a}\t{b}" for a, b in rows))] + [Para(subject)] * bool(subject)


def _header_table(rng: random.Random, facts: dict, issuer: str, parent: str, number: str,
                  page_break: bool) -> Block:
    table = _header(rng, "table", facts, issuer, parent, number, None)[0]
    return Table(table.rows, grid=False, page_break=page_break)


def _title(genre: str, variant: str, case: str, spacing: str, facts: dict) -> list[Block]:
    if case == "none":
        return []
    word = w.TITLES[genre]
    if variant == "inspection":
        summary = w.SUMMARIES_INSPECTION.format(**facts)
    else:
        options = w.SUMMARIES.get(genre, [""])  # a công văn titled "CÔNG VĂN" has its "V/v" line instead
        summary = options[facts["day"] % len(options)].format(**facts)
    gap = {"normal": " ", "double": "  ", "nbsp": "\u00a0"}[spacing]
    if case == "upper":
        lines = [word.upper(), summary]
    elif case in ("sentence", "title"):
        lines = [word.capitalize() if case == "sentence" else word.title(), summary]
    elif case == "upper_joined":
        lines = [f"{word.upper()} {summary.upper()}"]
    else:
        lines = [f"{word.capitalize()} {summary[:1].lower()}{summary[1:]}"]
    first, *rest = [line.strip() for line in lines if line]
    words = first.split(" ")
    first = gap.join(words[:2]) + (" " + " ".join(words[2:]) if words[2:] else "")
    return [Para(first, bold=True, center=True)] + [Para(t, bold=True, center=True) for t in rest]


def _body(rng: random.Random, genre: str, variant: str, facts: dict, issuer_name: str) -> list[Block]:
    facts = {**facts, "authority": _authority(issuer_name)}
    lines = list(w.INSPECTION_BODY if variant == "inspection" else w.BODIES[genre])
    if genre == "letter":
        lines.pop(2 if variant == "sends" else 1)  # the sender's letter, or the cluster's request
    blocks: list[Block] = []
    for line in lines:
        if line == "{list}":
            blocks += [Para(f"{i}. {name};") for i, name in enumerate(facts["staff"], start=1)]
            continue
        text = line.format(**facts)
        blocks.append(Para(text, bold=text.isupper() or text.startswith(("Điều", "QUYẾT ĐỊNH")),
                           center=text in ("QUYẾT ĐỊNH:", "NỘI DUNG")))
    return blocks


def _appendix(genre: str, variant: str, facts: dict) -> list[Block]:
    """What follows the signature: the outline a công văn asks reports to follow, the sample
    report of a hướng dẫn (its title "BÁO CÁO" and the year, like a report's)."""
    if variant == "outline":
        lines = [w.OUTLINE_TITLE, *w.OUTLINE]
    elif variant == "template":
        lines = list(w.TEMPLATE)
    else:
        return []
    blocks = [Para(t.format(**facts), bold=t.isupper() or t == "Phụ lục", center=i < 2) for i, t in enumerate(lines)]
    return [Para(blocks[0].text, bold=True, center=True, page_break=True), *blocks[1:]]


def _authority(issuer_name: str) -> str:
    if issuer_name.startswith("Cụm"):
        return f"CỤM TRƯỞNG {issuer_name.upper()}"
    role = "HIỆU TRƯỞNG" if issuer_name.startswith("Trường") else "GIÁM ĐỐC"
    return f"{role} {issuer_name.upper()}"


def _data_table(rng: random.Random, genre: str, variant: str, facts: dict) -> Block | None:
    """Units and their points (tờ trình, biên bản, quyết định), the targets of a plan, or the
    criteria table of a check (the unit's self-scores and the cluster's marks)."""
    if variant == "inspection":
        return ScoreTable(verified=True)
    if genre in ("proposal", "minutes") and rng.random() < 0.5:
        head = rng.choice(w.UNIT_SCORE_HEADS)
        units = [w.UNITS[i][0] for i in rng.sample(range(len(w.UNITS)), rng.randint(3, 7))]
        rows = [head] + [[str(i), name, f"{99 - i},{rng.choice((0, 5))}".replace(",0", ""),
                          *(_cells(rng, head[3:], i, facts))] for i, name in enumerate(units, start=1)]
    elif genre == "plan" and rng.random() < 0.4:
        rows = [w.PLAN_TABLE_HEAD] + [[str(i), *r] for i, r in enumerate(w.PLAN_TABLE_ROWS, start=1)]
    elif genre == "decision" and rng.random() < 0.3:
        rows = [["STT", "Tên tập thể", "Danh hiệu"]] + [[str(i), s, "Tập thể lao động xuất sắc"]
                                                         for i, s in enumerate(facts["staff"], start=1)]
    else:
        return None
    return Table([[[Para(text, bold=r == 0)] for text in row] for r, row in enumerate(rows)])


def _cells(rng: random.Random, heads: list[str], i: int, facts: dict) -> list[str]:
    out = []
    for head in heads:
        words = head.lower().split()
        if "hạng" in words or "thứ" in words:
            out.append(str(i))
        elif "Điểm" in head:
            out.append(f"{98 - i},{rng.choice((0, 5))}".replace(",0", ""))
        elif i == 1:
            out.append(facts["award"])
        else:
            out.append("Bằng khen của Chủ tịch UBND Thành phố" if "hình" in words else "")
    return out


def _signature(rng: random.Random, genre: str, facts: dict, issuer_name: str, issuer: str,
               layout: str) -> list[Block]:
    if genre == "minutes":
        left, right = [Para("THƯ KÝ", bold=True)], [Para("CHỦ TỌA", bold=True)]
        left.append(Para(facts["official2"], bold=True))
        right.append(Para(facts["official"], bold=True))
    else:
        left = [Para("Nơi nhận:", bold=True, italic=True), Para("- Như trên;"),
                Para("- Lưu: VT, TCHC.")]
        head = f"TM. {issuer_name.upper()}" if issuer == "cluster" else rng.choice(("KT. ", "")) + rng.choice(w.ROLES)
        right = [Para(head, bold=True), Para("CỤM TRƯỞNG" if issuer == "cluster" else "(Đã ký)", bold=True),
                 Para(facts["official"], bold=True)]
    if layout == "table":
        return [Table([[left, right]], grid=False)]
    return [*left, *(Para(p.text, bold=p.bold, center=True) for p in right)]


def _article(rng: random.Random, seed: int, facts: dict) -> OtherDocument:
    headline = rng.choice(w.HEADLINES).format(**facts)
    site = rng.random() < 0.3
    blocks: list[Block] = [Para(rng.choice(w.SITES))] if site else []
    blocks.append(Para(headline.upper() if rng.random() < 0.3 else headline, bold=True))
    if rng.random() < 0.5:
        blocks.append(Para(f"Thứ Hai, {facts['day']}/12/{facts['year']} 14:{facts['minute']}", italic=True))
    lines = list(w.ARTICLE)
    if rng.random() < 0.4:
        lines.pop(rng.randrange(1, len(lines)))
    blocks += [Para(t.format(**facts)) for t in lines]
    blocks.append(Para(rng.choice(("Minh Anh", "PV", "Thu Hằng - Quang Huy", "Theo Cổng thông tin điện tử")),
                       bold=True))
    fmt = rng.choices(FORMATS, weights=(60, 25, 15))[0]
    choices = {"genre": "article", "variant": "site" if site else "plain", "header": "none", "number": "absent",
               "title": "none", "format": fmt}
    return OtherDocument(seed, "article", OTHER, fmt, rng.choice(w.FONTS), 13.0, blocks, choices,
                         rng.choice(FILE_NAMES["article"]))


def _note(rng: random.Random, seed: int, facts: dict) -> OtherDocument:
    blocks: list[Block] = []
    email = rng.random() < 0.5
    if email:
        blocks += [Para(t.format(**facts)) for t in w.EMAIL_HEADS]
    lines = list(w.NOTES)
    if rng.random() < 0.4:
        lines.pop(2)
    loose = rng.random() < 0.3  # a line written without its full stop, opening with "Báo cáo"
    if loose:
        lines.insert(2, rng.choice(w.NOTE_LOOSE))
    blocks += [Para(t.format(**facts)) for t in lines]
    blocks.append(Para(f"{facts['official']}\n{facts['unit']}"))
    fmt = "txt" if rng.random() < 0.8 else "docx"
    choices = {"genre": "note", "variant": "email" if email else "letter", "loose": "yes" if loose else "no",
               "header": "none", "number": "absent", "title": "none", "format": fmt}
    return OtherDocument(seed, "note", OTHER, fmt, rng.choice(w.FONTS), 13.0, blocks, choices,
                         rng.choice(FILE_NAMES["note"]))
