"""Seeded generator of a city's inbox: clusters of 8 member units, laid out as a tdkt workspace's
cluster folders, with ground truth (bench/city.py measures tdkt on it).

``plan_cluster(seed, k)`` draws cluster ``k`` (1, 2, …; a cluster depends on the seed and its own
number only, so a city of 4 clusters is the first 4 of the city of 60) and ``write_cluster(plan,
folder)`` writes it:

  cluster.yaml   "Cụm thi đua số k", symbol CTĐk, 8 members (a school's name: kind, field and
                 district, unique in the city; aliases "CĐ Y tế Hà Đông" and the initials when
                 no other member has them; head title and name), leader, deputy, rotation
  rubric.yaml, rules.yaml   the sample cluster's (examples/cluster18-2023): the reports follow it
  reports        per member, its year-end reports of YEARS (2022, kept in the inbox, and 2023): a
                 header table naming the unit, the title with the year, the situation, results
                 for every criterion of the rubric (its evidence sentences from evidence_wording,
                 general prose from city_wording, tables of figures: staff by department,
                 enrolment by programme, research topics, training courses, people commended),
                 the assessment, next year's directions, proposals, the self-scoring table (any
                 layout of tests/generators/selfscore_tables.py, prose included, self-scores drawn
                 per criterion) and the signature. Lengths vary around ``pages`` (default 15: a city
                 of 60 clusters is then ~1,500 files and ~15,000 pages, issue 16's figures).
  other files    ``others`` (9) documents that are not reports (tests/generators/other_documents.py:
                 invitations, công văn, plans, decisions, proposals, minutes, notices,
                 instructions, news, notes)

Formats: reports are .docx or text PDF (LibreOffice, one run per cluster), half each by default;
``scan_share`` of the PDFs are scanned (no text layer: tdkt reads them with OCR) and ``doc_share``
of the .docx are sent as Word 97 .doc; the other documents keep their generator's format. Pages
are counted on the PDF LibreOffice makes of every document (.docx included); a .txt counts one
page per 50 lines.

Truth (``truth.json`` of the cluster): per file its kind, format, pages, and for a report the
member id, year, self-score per rubric code (deductions as positive amounts) and the stated total
(None when the report states none). The .docx files are the same bytes for the same seed; PDFs
differ in LibreOffice's document id only.
"""

from __future__ import annotations

import json
import math
import os
import random
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from examples import SAMPLE_CLUSTER_DIR
from pipeline.config.rubric import Rubric, load_rubric

from . import city_wording as cw
from . import other_documents
from .criteria_tables import (
    FIXED_TIME,
    _fixed_widths,
    _save,
    new_page_document,
    scan_pdf,
    soffice,
    start_conversion,
    wait_conversion,
)
from .evidence_wording import DESCRIPTIONS, NEUTRAL, WORDS
from .other_writing import Para, Table, _paragraph, _table
from .other_writing import write_docx as write_other_docx
from .other_writing import write_text as write_other_text
from .selfscore_tables import GeneratedReport, _widths, _write_table, report_on

GENERATOR_VERSION = 1  # part of the cache key: bump when the output changes
YEARS = (2022, 2023)
UNITS_PER_CLUSTER = 8
_LINES_PER_PAGE = 44.0  # estimated lines (see _ReportWriter) per page of LibreOffice's PDFs, calibrated
_CHARS_PER_LINE = 88
_TEXT_WIDTH_CM = 16.5
_SCORES = 50  # lines of the self-scoring table's page (it starts a page)
_TAIL = 150  # lines after the results: emulation, assessment, directions, signature, scores


@dataclass
class Member:
    id: str
    name: str
    aliases: list[str]
    head_title: str
    head_name: str
    parent: str  # the parent body in the header, in capitals
    sign: str  # the abbreviation of its number lines


@dataclass(frozen=True)
class FigureTable(Table):
    """A table of figures, its columns as wide as ``widths`` (characters) share out the page."""

    widths: tuple[int, ...] = ()


@dataclass
class ScoreBlock:
    """The self-scoring table (or the self-scores in prose) of a report."""

    scored: GeneratedReport
    year: int
    unit: str


@dataclass
class CityReport:
    seed: str
    member: Member
    year: int
    fmt: str  # docx | pdf | scan | doc
    name: str
    font: str
    size: float
    blocks: list = field(default_factory=list)
    target_pages: float = 0.0

    @property
    def scored(self) -> GeneratedReport:
        return next(b.scored for b in self.blocks if isinstance(b, ScoreBlock))


@dataclass
class ClusterPlan:
    seed: int
    number: int
    members: list[Member]
    reports: list[CityReport]
    others: list[other_documents.OtherDocument]

    @property
    def key(self) -> str:
        return f"ctd{self.number}"

    def cluster_yaml(self) -> str:
        return _cluster_yaml(self)


@cache
def sample_rubric() -> Rubric:
    return load_rubric(SAMPLE_CLUSTER_DIR / "rubric.yaml")


# --- the units --------------------------------------------------------------------------------


@cache
def _kinds_and_fields(seed: int) -> list[tuple[int, int]]:
    """Every (kind, field) in a seeded order: the members of cluster k take positions 8(k-1)…, so
    a cluster does not depend on how many there are and its members differ in kind or field."""
    combos = [(k, f) for k in range(len(cw.KINDS)) for f in range(len(cw.FIELDS))]
    random.Random(f"city-units-{seed}").shuffle(combos)
    return combos


def _initials(words: str) -> str:
    return "".join(w[0].upper() for w in words.replace("-", " ").split())


def members(seed: int, number: int) -> list[Member]:
    combos = _kinds_and_fields(seed)
    rng = random.Random(f"city-members-{seed}-{number}")
    places = rng.sample(cw.PLACES, UNITS_PER_CLUSTER)  # a district each: no name holds another's
    out: list[Member] = []
    taken: set[str] = set()
    for i, place in enumerate(places):
        k, f = combos[((number - 1) * UNITS_PER_CLUSTER + i) % len(combos)]
        kind, short = cw.KINDS[k]
        field_name, parent = cw.FIELDS[f]
        name = f"{kind} {field_name} {place}"
        sign = short + _initials(field_name)
        aliases = [f"{short} {field_name} {place}"]
        initials = sign + _initials(place)
        if initials not in taken:  # initials two members share would name either
            aliases.append(initials)
            taken.add(initials)
        head = f"{rng.choice(cw.SURNAMES)} {rng.choice(cw.MIDDLES)} {rng.choice(cw.GIVENS)}"
        member_id = f"u{number}-{i + 1}"
        out.append(Member(member_id, name, aliases, rng.choice(cw.HEAD_TITLES), head, parent, sign))
    return out


def _cluster_yaml(plan: ClusterPlan) -> str:
    import yaml

    ids = [m.id for m in plan.members]
    data = {
        "name": f"Cụm thi đua số {plan.number}",
        "symbol": f"CTĐ{plan.number}",
        "parent_body": "UBND THÀNH PHỐ HÀ NỘI",
        "place": "Hà Nội",
        "year": max(YEARS),
        "issue_date": f"{max(YEARS)}-12-28",
        "report_deadline": f"{max(YEARS)}-12-20",
        "members": [{"id": m.id, "name": m.name, "aliases": m.aliases, "head_title": m.head_title,
                     "head_name": m.head_name} for m in plan.members],
        "leader": ids[0],
        "deputy": ids[1],
        "rotation": ids,
        "recipients": ["Ban Thi đua - Khen thưởng Thành phố", f"Các đơn vị thành viên Cụm thi đua số {plan.number}"],
    }
    header = (f"# Cụm thi đua số {plan.number} của bộ tệp thành phố (sinh bằng mã, hư cấu): "
              f"tests/generators/city_corpus.py, seed {plan.seed}.\n")
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


# --- drawing a cluster --------------------------------------------------------------------------


def plan_cluster(seed: int, number: int, pages: float = 15.0, others: int = 9, pdf_share: float = 0.5,
                 scan_share: float = 0.0, doc_share: float = 0.0) -> ClusterPlan:
    team = members(seed, number)
    reports = []
    for year in YEARS:
        for member in team:
            reports.append(_report(f"{seed}-{number}-{member.id}-{year}", member, year, number, pages, pdf_share,
                                   scan_share, doc_share))
    rng = random.Random(f"city-others-{seed}-{number}")
    first = rng.randrange(10_000, 90_000)
    docs = [other_documents.generate(first + i) for i in range(others)]
    return ClusterPlan(seed, number, team, reports, docs)


def _report(seed: str, member: Member, year: int, cluster: int, pages: float, pdf_share: float, scan_share: float,
            doc_share: float) -> CityReport:
    rng = random.Random(f"city-report-{seed}")
    fmt = "pdf" if rng.random() < pdf_share else "docx"
    if fmt == "pdf" and rng.random() < scan_share:
        fmt = "scan"
    elif fmt == "docx" and rng.random() < doc_share:
        fmt = "doc"
    target = min(30.0, max(4.0, pages * rng.lognormvariate(-0.06, 0.35)))  # a spread around the mean
    report = CityReport(seed, member, year, fmt, _file_name(rng, member, year, fmt), font="Times New Roman",
                        size=rng.choice([13.0, 13.0, 14.0]), target_pages=target)
    _ReportWriter(rng, report, cluster).write()
    return report


def _file_name(rng: random.Random, member: Member, year: int, fmt: str) -> str:
    short = member.aliases[0]
    ascii_short = _ascii(short)
    ext = {"scan": "pdf"}.get(fmt, fmt)
    stem = rng.choice([f"BC tong ket TDKT {year} - {ascii_short}", f"{year}_BC tong ket TDKT_{ascii_short}",
                       f"Báo cáo tổng kết TĐKT năm {year} ({short})", f"BC thi đua khen thưởng năm {year} - {short}",
                       f"{short} - Báo cáo thi đua khen thưởng {year}"])
    return f"{stem}.{ext}"


def _ascii(text: str) -> str:
    import unicodedata

    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class _ReportWriter:
    """One report's blocks, section by section, until its length is reached."""

    def __init__(self, rng: random.Random, report: CityReport, cluster: int) -> None:
        self.rng, self.report, self.cluster = rng, report, cluster
        self.year = report.year
        self.lines = 0.0  # printed lines so far (an estimate, see _LINES_PER_PAGE)
        self.budget = report.target_pages * _LINES_PER_PAGE * (13.0 / report.size) ** 2
        self.used: set[str] = set()

    # words ------------------------------------------------------------------------------------
    def fill(self, template: str, **extra: str) -> str:
        r = self.rng
        of = r.randrange(300, 1500, 20)
        values = {
            "n": f"{r.randint(2, 19):02d}", "m": f"{r.randint(2, 30):02d}", "of": _thousands(of),
            "big": _thousands(of + r.randint(5, 90)), "pct": f"{r.randint(80, 99)},{r.randint(1, 9)}",
            "doc": f"{r.randint(5, 240):02d}/{r.choice(['KH', 'QĐ'])}-{self.report.member.sign}",
            "date": f"{r.randint(2, 28):02d}/{r.randint(1, 11):02d}/{self.year}", "month": r.choice(cw.MONTHS),
            "dept": r.choice(cw.DEPARTMENTS), "y": str(self.year), "y0": str(self.year - 1),
            "y1": str(self.year + 1), "unit": self.report.member.name, **extra,
        }
        text = template.format(**values)
        return text[0].upper() + text[1:] if text else text

    def person(self) -> str:
        r = self.rng
        return f"{r.choice(cw.SURNAMES)} {r.choice(cw.MIDDLES)} {r.choice(cw.GIVENS)}"

    def general(self, topic: str) -> str:
        """One general sentence of a topic, not said before in this report."""
        for _ in range(20):
            parts = (self.rng.choice(cw.OPENINGS), self.rng.choice(cw.ACTORS), self.rng.choice(cw.TOPICS[topic]),
                     self.rng.choice(cw.ENDS))
            key = "|".join(parts)
            if key not in self.used:
                self.used.add(key)
                break
        opening, actor, action, end = parts
        text = self.fill(f"{opening} {actor} {action}, {end}.".strip())
        return text

    # blocks ------------------------------------------------------------------------------------
    def para(self, text: str, **style: bool) -> None:
        self.report.blocks.append(Para(text, **style))
        self.lines += math.ceil(len(text) / _CHARS_PER_LINE) + 0.4

    def heading(self, text: str) -> None:
        self.para(text, bold=True)

    def table(self, rows: list[list[str]], widths: list[int]) -> None:
        """A table of figures with its header row in bold; ``widths`` are characters per column."""
        self.report.blocks.append(FigureTable([[[Para(t, bold=i == 0)] for t in row] for i, row in enumerate(rows)],
                                              widths=tuple(widths)))
        for row in rows:
            self.lines += max(math.ceil(max(len(t), 1) / w) for t, w in zip(row, widths, strict=True)) + 0.25
        self.lines += 1

    def prose(self, topic: str, sentences: int) -> None:
        self.para(" ".join(self.general(topic) for _ in range(sentences)))

    def left(self) -> float:
        return self.budget - self.lines

    # the report --------------------------------------------------------------------------------
    def write(self) -> None:
        self.header()
        self.situation()
        self.results()
        self.emulation()
        self.assessment()
        self.directions()
        self.signature()
        self.scoring()

    def header(self) -> None:
        m, r = self.report.member, self.rng
        left = f"{m.parent}\n{m.name.upper()}\nSố: {r.randint(10, 300)}/BC-{m.sign}"
        day = r.randint(5, 20)
        right = (f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                 f"Hà Nội, ngày {day} tháng 12 năm {self.year}")
        self.report.blocks.append(Table([[[Para(left, bold=True)], [Para(right, bold=True)]]], grid=False))
        self.lines += 6
        self.para("BÁO CÁO", bold=True, center=True)
        title = r.choice([f"Tổng kết công tác thi đua, khen thưởng năm {self.year} và phương hướng, nhiệm vụ năm "
                          f"{self.year + 1}", f"Kết quả công tác thi đua, khen thưởng năm {self.year}",
                          f"Tổng kết phong trào thi đua yêu nước, công tác khen thưởng năm {self.year}"])
        self.para(title, bold=True, center=True)
        self.para(self.fill(r.choice([
            "Thực hiện Kế hoạch số {n}/KH-CTĐ{c} ngày {date} của Cụm thi đua số {c} về tổ chức phong trào thi đua "
            "năm {y}, {unit} báo cáo kết quả như sau:",
            "Căn cứ hướng dẫn của Cụm thi đua số {c} về tổng kết công tác thi đua, khen thưởng năm {y}, {unit} báo "
            "cáo như sau:"]), c=str(self.cluster)))

    def situation(self) -> None:
        r = self.rng
        self.heading("Phần thứ nhất\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM " + str(self.year))
        self.heading("I. ĐẶC ĐIỂM TÌNH HÌNH")
        founded = str(r.randint(1960, 2005))
        self.para(" ".join(self.fill(t, founded=founded) for t in r.sample(DESCRIPTIONS, r.randint(2, 4))))
        self.para("1. Thuận lợi: " + " ".join(r.sample(cw.STRENGTHS, 2)))
        self.para("2. Khó khăn: " + " ".join(r.sample(cw.CAUSES, 2)))
        if self.left() > self.budget * 0.6:
            self.staff_table()

    def staff_table(self) -> None:
        r = self.rng
        depts = r.sample(cw.DEPARTMENTS, r.randint(6, min(len(cw.DEPARTMENTS), 8 + int(self.budget / 120))))
        rows = [["TT", "Đơn vị", "Tổng số", "Tiến sĩ", "Thạc sĩ", "Đại học", "Nữ"]]
        sums = [0] * 5
        for i, d in enumerate(depts, 1):
            total = r.randint(6, 45)
            doctors = r.randint(0, total // 4)
            masters = r.randint(0, total - doctors)
            women = r.randint(total // 3, total)
            row = [total, doctors, masters, total - doctors - masters, women]
            sums = [a + b for a, b in zip(sums, row, strict=True)]
            rows.append([str(i), d, *map(str, row)])
        rows.append(["", "Cộng", *map(str, sums)])
        self.para(f"Cơ cấu đội ngũ viên chức, người lao động của Nhà trường tại thời điểm 30/11/{self.year}:",
                  italic=True)
        self.table(rows, [4, 30, 8, 8, 8, 8, 6])

    def results(self) -> None:
        self.heading("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ")
        codes = [c for c in WORDS if c[:2] != "IV"]
        general_topics = list(cw.TOPICS)
        self.rng.shuffle(general_topics)
        # what is left for the body once the fixed sections are placed, shared out over the criteria
        share = max(0.0, self.left() - _TAIL) / (len(codes) + len(general_topics) / 2)
        for i, code in enumerate(codes, 1):
            words = WORDS[code]
            self.heading(f"{i}. {self.rng.choice(words.heading)}")
            start = self.lines
            facts = self.rng.sample(words.facts, min(len(words.facts), self.rng.randint(2, 3)))
            self.para(" ".join(self.fill(f) for f in facts))
            if code == "I.2":
                self.para(self.fill(self.rng.choice(cw.EMPLOYMENT)))
            if words.difficulties and self.rng.random() < 0.4:
                self.para(self.fill(self.rng.choice(words.difficulties)))
            self.figures(code, share * 0.6)
            while self.lines - start < share * 0.8:
                self.prose(self.rng.choice(general_topics), self.rng.randint(2, 4))
        for j, topic in enumerate(general_topics, len(codes) + 1):
            if self.left() < _TAIL:
                break
            self.heading(f"{j}. {topic[0] + topic[1:].lower()}")
            for _ in range(self.rng.randint(1, 3)):
                self.prose(topic, self.rng.randint(2, 4))

    def figures(self, code: str, room: float) -> None:
        """A table of figures under a criterion when there is room for one."""
        if room < 12:
            return
        r = self.rng
        rows_wanted = int(min(20, max(4, room / 1.6)))
        if code == "I.1":
            rows = [["TT", "Ngành, nghề đào tạo", "Chỉ tiêu", "Trúng tuyển", "Nhập học", "Tỷ lệ (%)"]]
            for i, prog in enumerate(r.sample(cw.PROGRAMMES, min(rows_wanted, len(cw.PROGRAMMES))), 1):
                quota = r.randrange(30, 400, 10)
                admitted = quota + r.randint(-20, 40)
                enrolled = admitted - r.randint(0, 15)
                rows.append([str(i), prog, str(quota), str(admitted), str(enrolled),
                             f"{100 * enrolled / quota:.1f}".replace(".", ",")])
            self.para(f"Kết quả tuyển sinh năm {self.year} theo ngành, nghề đào tạo:", italic=True)
            self.table(rows, [4, 30, 8, 10, 9, 9])
        elif code == "I.4":
            rows = [["TT", "Tên đề tài", "Chủ nhiệm đề tài", "Kết quả"]]
            for i in range(1, rows_wanted + 1):
                title = (f"{r.choice(cw.RESEARCH_SUBJECTS)} {r.choice(cw.RESEARCH_OBJECTS)} tại "
                         f"{r.choice(cw.DEPARTMENTS)}")
                rows.append([str(i), title, f"ThS. {self.person()}", r.choice(cw.RESEARCH_RESULTS)])
            self.para(f"Danh mục đề tài nghiên cứu khoa học cấp cơ sở nghiệm thu năm {self.year}:", italic=True)
            self.table(rows, [4, 42, 20, 9])
        elif code == "I.5":
            rows = [["TT", "Nội dung bồi dưỡng", "Số lượt", "Thời gian"]]
            for i, course in enumerate(r.sample(cw.COURSES, min(rows_wanted, len(cw.COURSES))), 1):
                rows.append([str(i), course, str(r.randint(3, 120)), r.choice(cw.MONTHS).capitalize()])
            self.para(f"Kết quả bồi dưỡng viên chức năm {self.year}:", italic=True)
            self.table(rows, [4, 44, 8, 12])

    def emulation(self) -> None:
        r = self.rng
        self.heading("III. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
        for code in ("II.1", "II.3"):
            self.para(" ".join(self.fill(f) for f in r.sample(WORDS[code].facts, min(2, len(WORDS[code].facts)))))
        self.awards()
        if self.left() > 60:
            self.commended()
        for code in ("IV.2", "IV.3"):
            if r.random() < 0.5:
                self.para(self.fill(r.choice(WORDS[code].facts)))

    def awards(self) -> None:
        r = self.rng
        got = r.sample(cw.AWARDS, r.randint(1, 3))
        items = []
        for award, recipient in got:
            who = "Nhà trường" if recipient == "tập thể" and r.random() < 0.5 else (
                f"{r.randint(1, 3):02d} tập thể" if recipient == "tập thể" else f"{r.randint(1, 9):02d} cá nhân")
            items.append(f"- {who} được tặng {award};")
        self.para(f"Kết quả khen thưởng năm {self.year}:")
        for item in items:
            self.para(item)
        staff = r.randint(40, 260)
        self.para(self.fill(f"Nhà trường có {staff} cá nhân đạt danh hiệu Lao động tiên tiến, {{n}} cá nhân đạt "
                            "danh hiệu Chiến sĩ thi đua cơ sở."))

    def commended(self) -> None:
        r = self.rng
        count = int(min(40, max(6, (self.left() - _TAIL) * 0.3)))
        rows = [["TT", "Họ và tên", "Chức vụ, đơn vị công tác", "Danh hiệu, hình thức"]]
        for i in range(1, count + 1):
            rows.append([str(i), self.person(), f"{r.choice(cw.STAFF_ROLES)}, {r.choice(cw.DEPARTMENTS)}",
                         r.choice(cw.TITLES_OF_STAFF)])
        self.para(f"Danh sách cá nhân được công nhận danh hiệu thi đua, khen thưởng năm {self.year}:", italic=True)
        self.table(rows, [4, 22, 36, 20])

    def assessment(self) -> None:
        r = self.rng
        self.heading("IV. ĐÁNH GIÁ CHUNG")
        self.para("1. Ưu điểm: " + " ".join(r.sample(cw.STRENGTHS, 3)))
        hard = [c for c in WORDS if WORDS[c].difficulties]
        limits = [self.fill(WORDS[c].difficulties[-1]) for c in r.sample(hard, 2)]
        self.para("2. Hạn chế: " + " ".join(limits))
        self.para("3. Nguyên nhân: " + " ".join(r.sample(cw.CAUSES, 2)))
        self.para("4. Bài học kinh nghiệm: " + " ".join(r.sample(cw.LESSONS, 2)))

    def directions(self) -> None:
        r = self.rng
        self.heading(f"Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {self.year + 1}")
        for code in r.sample([c for c in WORDS if WORDS[c].targets], 4):
            self.para("- " + self.fill(r.choice(WORDS[code].targets)))
        while self.left() > _SCORES + 12:  # the rest of the length, short of the signature and the scores
            self.para("- " + self.general(r.choice(list(cw.TOPICS))))
        self.heading("Phần thứ ba\nĐỀ XUẤT, KIẾN NGHỊ")
        for line in r.sample(cw.PROPOSALS, 2):
            self.para(line)

    def scoring(self) -> None:
        scored = report_on(sample_rubric(), 0, random.Random(f"city-selfscore-{self.report.seed}"),
                           random.Random(f"city-selfscore-form-{self.report.seed}"))
        scored.unit = self.report.member.name
        self.report.blocks.append(ScoreBlock(scored, self.year, self.report.member.name))
        self.lines += _SCORES

    def signature(self) -> None:
        m = self.report.member
        self.para(self.rng.choice(NEUTRAL))
        self.para(f"Nơi nhận:\n- Cụm thi đua số {self.cluster};\n- Ban Thi đua - Khen thưởng Thành phố;\n"
                  "- Lưu: VT, TCHC.")
        self.para(m.head_title.upper(), bold=True, center=True)
        self.para(m.head_name, bold=True, center=True)


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


# --- writing ------------------------------------------------------------------------------------


def write_report_docx(report: CityReport, path: Path) -> Path:
    """The report as a Word file; the same seed gives the same bytes."""
    doc = new_page_document(False, report.size, report.font)
    doc.styles["Normal"].paragraph_format.space_after = Pt(3)
    for block in report.blocks:
        if isinstance(block, Para):
            p = doc.add_paragraph()
            _paragraph(p, block, report.font)
            if block.text.startswith(("- ", "1. ", "2. ", "3. ", "4. ")) or not (block.bold or block.center):
                p.alignment = p.alignment or WD_ALIGN_PARAGRAPH.JUSTIFY
        elif isinstance(block, Table):
            _table(doc, block, report.font)
            if isinstance(block, FigureTable):
                table = doc.tables[-1]
                table.autofit = False
                _fixed_widths(table, [_TEXT_WIDTH_CM * w / sum(block.widths) for w in block.widths])
        else:
            _score_block(doc, block)
    props = doc.core_properties
    props.author = props.last_modified_by = report.member.name
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    path.parent.mkdir(parents=True, exist_ok=True)
    _save(doc, path)
    return path


def _score_block(doc, block: ScoreBlock) -> None:
    """The self-scoring table on a page of its own (landscape when its columns need it), as units
    append it to their report, or the self-scores in prose."""
    scored, lay = block.scored, block.scored.layout
    widths, landscape = _widths(scored) if lay.form == "table" else ([], False)
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    if landscape:
        _orient(section, True)
    heading = (f"BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM {block.year}" if lay.form == "table"
               else f"TỰ CHẤM ĐIỂM THI ĐUA NĂM {block.year}")
    for text, bold in ((heading, True), (f"(Kèm theo Báo cáo tổng kết công tác thi đua, khen thưởng năm {block.year} "
                                         f"của {block.unit})", False)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = bold
    if lay.form == "prose":
        for line in scored.lines:
            for text, bold in line.paragraphs:
                doc.add_paragraph().add_run(text).bold = bold
    else:
        _write_table(doc, scored, widths)
    if lay.total == "paragraph":
        doc.add_paragraph().add_run(lay.total_label + scored.total_text).bold = True
    if landscape:
        _orient(doc.add_section(WD_SECTION.NEW_PAGE), False)


def _orient(section, landscape: bool) -> None:
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.0)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)


def report_truth(report: CityReport) -> dict:
    scored = report.scored
    return {"kind": "report", "unit": report.member.id, "year": report.year, "scores": scored.scores,
            "stated_total": scored.stated_total if scored.states_total else None, "layout": scored.summary()}


def write_cluster(plan: ClusterPlan, folder: Path, office: str | None = None) -> dict:
    """The cluster's folder (its YAML files, every document) and its truth, also written to
    ``folder/../<key>.truth.json``; LibreOffice converts the cluster's documents in one run."""
    started = time.perf_counter()
    office = office or soffice()
    if office is None:
        raise RuntimeError("LibreOffice (soffice) is needed to write the city's PDFs and count pages")
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / "cluster.yaml").write_text(plan.cluster_yaml(), encoding="utf-8")
    for name in ("rubric.yaml", "rules.yaml"):
        shutil.copyfile(SAMPLE_CLUSTER_DIR / name, folder / name)
    files: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="tdkt-city-gen-") as tmp:
        stage = Path(tmp)
        sources: list[tuple[dict, Path]] = []  # every .docx, converted once to count its pages
        for i, doc in enumerate(plan.others):
            entry = {"file": doc.name, "kind": doc.kind, "fmt": doc.fmt, "genre": doc.genre}
            if doc.fmt == "txt":
                write_other_text(doc, folder / doc.name, sample_rubric())
                lines = (folder / doc.name).read_text(encoding="utf-8").count("\n")
                entry["pages"] = max(1, math.ceil(lines / 50))
            else:
                sources.append((entry, write_other_docx(doc, stage / f"o{i:03d}.docx", sample_rubric())))
            files.append(entry)
        for i, report in enumerate(plan.reports):
            entry = {"file": report.name, "fmt": report.fmt, **report_truth(report)}
            sources.append((entry, write_report_docx(report, stage / f"r{i:03d}.docx")))
            files.append(entry)
        pdfs = wait_conversion(start_conversion([s for _, s in sources], "pdf", stage / "pdf", office))
        docs = [s for e, s in sources if e["fmt"] == "doc"]
        made_doc = dict(zip(docs, wait_conversion(start_conversion(docs, "doc", stage / "doc", office)),
                            strict=True)) if docs else {}
        for (entry, source), pdf in zip(sources, pdfs, strict=True):
            entry["pages"] = _pages(pdf)
            target = folder / entry["file"]
            if entry["fmt"] == "pdf":
                shutil.move(pdf, target)
            elif entry["fmt"] == "scan":
                scan_pdf(pdf, target, seed=len(files) * 1000 + plan.number)
            elif entry["fmt"] == "doc":
                shutil.move(made_doc[source], target)
            else:
                shutil.move(source, target)
    # Arrival times: long ago (tdkt waits for files changed in the last seconds), in a fixed order.
    base = FIXED_TIME.timestamp()
    for i, entry in enumerate(files):
        os.utime(folder / entry["file"], (base + i, base + i))
    truth = {"generator": GENERATOR_VERSION, "seed": plan.seed, "number": plan.number, "key": plan.key,
             "members": [asdict(m) for m in plan.members], "files": files,
             "seconds": round(time.perf_counter() - started, 2)}
    (folder.parent / f"{plan.key}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1),
                                                          encoding="utf-8")
    return truth


def _pages(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()
