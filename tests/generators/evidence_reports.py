"""Seeded generator of unit reports with known evidence sentences, and sentences that share a
criterion's words without being evidence (distractors).

``generate(seed)`` draws a year-end report for the sample rubric (examples/cluster18-2023):
  evidence     for 4–8 criteria, one to three sentences that state a result for it (a figure, a
               document number, an achievement), wording drawn from tests/generators/evidence_wording.py,
               in the criterion's own section, sometimes side by side with a difficulty, a target
               or a neutral sentence in one paragraph
  claimed      one or two more criteria the unit scores itself on but gives no evidence for: only
               distractors name them (tdkt must find nothing, and flag them)
  distractors  the title ("Tổng kết công tác thi đua, khen thưởng năm …"), the opening "Thực hiện
               Kế hoạch số …/KH-CTĐ18 … báo cáo như sau", headings (numbered, in capitals), the
               unit's description (under "Đặc điểm tình hình" or not), difficulties ("Tuy nhiên, …",
               "còn hạn chế", in a "Hạn chế" section or inside a results paragraph), next year's
               targets (in the directions or inline), a table's header row written as a line of
               text (a table the extractor did not see), the self-scoring table's lead-in and its
               "Minh chứng" notes, the signature block's "Nơi nhận"
  formats      .docx (header as a two-cell table) or .txt (header as lines)

``EvidenceReport.truth`` maps each criterion to its evidence sentences; ``distractors`` lists
every sentence that must never be quoted (with its shape); ``claimed`` the criteria with none.
``write_all(reports, folder)`` writes them (tests/generators/other_writing.py). Same seed, same bytes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cache

from pipeline.config.rubric import GroupKind, Rubric

from .evidence_wording import DESCRIPTIONS, NEUTRAL, WORDS, CriterionWords
from .other_writing import Block, Para, Table, write_all, write_docx, write_text

__all__ = ["FORMATS", "EvidenceReport", "generate", "write_all", "write_docx", "write_text"]

FORMATS = ("docx", "txt")
YEAR = 2023
UNITS = ["Trường Cao đẳng Y tế Hà Đông", "Trường Cao đẳng Sư phạm Tây Hồ", "Trường Đại học Văn hóa Nghệ thuật Thủ đô",
         "Trường Cao đẳng Nghệ thuật Thăng Long", "Trường Cao đẳng Điều dưỡng Hà Nội", "Học viện Âm nhạc Hà Nội"]
SIGNS = ["CĐYT", "CĐSP", "ĐHVHNT", "CĐNT", "CĐĐD", "HVAN"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
SECTIONS = {"I": "KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN",
            "III": "CÔNG TÁC XÂY DỰNG ĐẢNG, ĐOÀN THỂ", "II": "CÔNG TÁC THI ĐUA, KHEN THƯỞNG"}


@dataclass
class EvidenceReport:
    seed: int
    fmt: str
    unit: str
    font: str = "Times New Roman"
    size: float = 13
    blocks: list[Block] = field(default_factory=list)
    truth: dict[str, list[str]] = field(default_factory=dict)  # criterion → its evidence sentences
    distractors: list[tuple[str, str]] = field(default_factory=list)  # (shape, sentence)
    claimed: list[str] = field(default_factory=list)  # criteria scored without evidence

    @property
    def name(self) -> str:
        return f"bc-minh-chung-{self.seed:05d}.{self.fmt}"

    def summary(self) -> str:
        return f"seed {self.seed} {self.fmt} {self.unit}: evidence for {', '.join(self.truth)}; none for " \
               f"{', '.join(self.claimed) or '-'}"


class _Filler:
    """Placeholder values drawn from the seed's generator."""

    def __init__(self, rng: random.Random, sign: str) -> None:
        self.rng, self.sign = rng, sign

    def __call__(self, template: str, **extra: str) -> str:
        r = self.rng
        of = r.randrange(300, 1500, 20)
        values = {
            "n": f"{r.randint(2, 19):02d}", "m": f"{r.randint(2, 30):02d}", "of": _thousands(of),
            "big": _thousands(of + r.randint(5, 90)), "pct": f"{r.randint(80, 99)},{r.randint(1, 9)}",
            "doc": f"{r.randint(5, 240):02d}/{r.choice(['KH', 'QĐ'])}-{self.sign}",
            "date": f"{r.randint(2, 28):02d}/{r.randint(1, 11):02d}/{YEAR}",
            "y": str(YEAR), "y0": str(YEAR - 1), "y1": str(YEAR + 1), **extra,
        }
        return template.format(**values)


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def generate(seed: int) -> EvidenceReport:
    rng = random.Random(seed)
    which = seed % len(UNITS)
    report = EvidenceReport(seed=seed, fmt=FORMATS[seed % 2], unit=UNITS[which])
    fill = _Filler(rng, SIGNS[which])
    codes = list(WORDS)
    chosen = sorted(rng.sample(codes, rng.randint(4, 8)), key=codes.index)
    rest = [c for c in codes if c not in chosen]
    report.claimed = sorted(rng.sample(rest, rng.randint(1, 2)), key=codes.index)
    _header(report, rng, fill)
    _situation(report, rng, fill)
    _results(report, rng, fill, chosen)
    _assessment(report, rng, fill, chosen)
    _scoring(report, rng, fill)
    _directions(report, rng, fill, chosen)
    _signature(report)
    return report


def _add(report: EvidenceReport, shape: str, text: str, **style: bool) -> None:
    report.blocks.append(Para(text, **style))
    if shape:
        report.distractors.append((shape, text))


def _header(report: EvidenceReport, rng: random.Random, fill: _Filler) -> None:
    left = f"UBND THÀNH PHỐ HÀ NỘI\n{report.unit.upper()}\nSố: {rng.randint(10, 300)}/BC-{fill.sign}"
    right = f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày {rng.randint(10, 28)} " \
            f"tháng 12 năm {YEAR}"
    if report.fmt == "docx":
        report.blocks.append(Table([[[Para(left)], [Para(right)]]], grid=False))
    else:
        report.blocks += [Para(left), Para(right)]
    _add(report, "", "BÁO CÁO", bold=True, center=True)
    title = rng.choice([f"Tổng kết công tác thi đua, khen thưởng năm {YEAR} và phương hướng, nhiệm vụ năm {YEAR + 1}",
                        f"Kết quả công tác thi đua, khen thưởng năm {YEAR}"])
    _add(report, "title", title, bold=True, center=True)
    opening = fill(rng.choice([
        "Thực hiện Kế hoạch số {n}/KH-CTĐ18 ngày {date} của Cụm thi đua số 18 về tổ chức phong trào thi đua năm "
        "{y}, {unit} báo cáo kết quả như sau:",
        "Căn cứ hướng dẫn của Cụm thi đua số 18 về tổng kết công tác thi đua, khen thưởng năm {y}, {unit} báo "
        "cáo như sau:"]), unit=report.unit)
    _add(report, "opening", opening)


def _situation(report: EvidenceReport, rng: random.Random, fill: _Filler) -> None:
    founded = str(rng.randint(1960, 2005))
    lines = [fill(t, unit=report.unit, founded=founded) for t in rng.sample(DESCRIPTIONS, rng.randint(1, 3))]
    if rng.random() < 0.7:
        _add(report, "heading", "I. ĐẶC ĐIỂM TÌNH HÌNH", bold=True)
    _add(report, "", " ".join(lines))
    report.distractors += [("description", line) for line in lines]


def _results(report: EvidenceReport, rng: random.Random, fill: _Filler, chosen: list[str]) -> None:
    sections: dict[str, list[str]] = {}
    for code in chosen + report.claimed:
        sections.setdefault(code.split(".")[0].replace("IV", "II"), []).append(code)
    for i, (group, codes) in enumerate(sorted(sections.items(), key=lambda kv: ["I", "III", "II"].index(kv[0]))):
        _add(report, "heading", f"{ROMAN[i + 1]}. {SECTIONS[group]}", bold=True)
        for k, code in enumerate(codes, start=1):
            words = WORDS[code]
            if rng.random() < 0.85:
                heading = rng.choice(words.heading)
                _add(report, "heading", f"{k}. {heading}" if rng.random() < 0.7 else heading.upper(), bold=True)
            if code in chosen:
                _evidence(report, rng, fill, code, words)
            else:
                _claimed_only(report, rng, fill, code, words)


def _evidence(report: EvidenceReport, rng: random.Random, fill: _Filler, code: str, words: CriterionWords) -> None:
    facts = [fill(t) for t in rng.sample(words.facts, rng.randint(1, min(3, len(words.facts))))]
    report.truth[code] = facts
    others: list[tuple[str, str]] = []
    if words.difficulties and rng.random() < 0.5:
        others.append(("difficulty", fill(rng.choice(words.difficulties))))
    if rng.random() < 0.3:
        others.append(("target", fill(rng.choice(words.targets))))
    if rng.random() < 0.3:
        others.append(("", rng.choice(NEUTRAL)))
    sentences = [("", f) for f in facts] + others
    # Facts usually come first; a difficulty or target may lead the paragraph.
    if rng.random() < 0.3:
        rng.shuffle(sentences)
    _add(report, "", " ".join(text for _, text in sentences))
    report.distractors += [(shape, text) for shape, text in others if shape]
    if words.table_header and rng.random() < 0.4:
        _flat_table(report, rng, words.table_header)


def _claimed_only(report: EvidenceReport, rng: random.Random, fill: _Filler, code: str, words: CriterionWords) -> None:
    """A criterion the unit scores but reports only difficulties and plans for."""
    lines = [*(("difficulty", fill(t)) for t in words.difficulties[:1]), ("target", fill(rng.choice(words.targets)))]
    _add(report, "", " ".join(text for _, text in lines))
    report.distractors += lines


def _flat_table(report: EvidenceReport, rng: random.Random, header: list[str]) -> None:
    """A small table of figures written as lines of text, cells apart by spaces (the header row is
    a distractor; the data rows carry no criterion's words)."""
    gap = " " * rng.randint(3, 6)
    _add(report, "table header", gap.join(header))
    for label in rng.sample(["Cấp cơ sở", "Năm học 2022 - 2023", "Khoa Cơ bản", "Hệ chính quy", "Tổng"], 2):
        cells = [label] + [str(rng.randint(2, 300)) for _ in header[1:]]
        _add(report, "", gap.join(cells))


def _assessment(report: EvidenceReport, rng: random.Random, fill: _Filler, chosen: list[str]) -> None:
    pool = [c for c in chosen if WORDS[c].difficulties]
    if not pool:
        return
    _add(report, "heading", "ĐÁNH GIÁ CHUNG", bold=True)
    lines = [fill(WORDS[c].difficulties[-1]) for c in rng.sample(pool, min(2, len(pool)))]
    if rng.random() < 0.5:
        _add(report, "", "Hạn chế: " + " ".join(lines))
    else:
        _add(report, "heading", "Hạn chế và nguyên nhân", bold=True)
        _add(report, "", " ".join(lines))
    report.distractors += [("difficulty", line) for line in lines]


def _scoring(report: EvidenceReport, rng: random.Random, fill: _Filler) -> None:
    _add(report, "heading", "BẢNG TỰ CHẤM ĐIỂM", bold=True)
    _add(report, "scoring", fill("Căn cứ Bảng tiêu chí chấm điểm thi đua năm {y} của Cụm thi đua số 18, Nhà trường "
                                 "tự chấm điểm như sau:"))
    header = [[Para(t, bold=True)] for t in ("TT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm tự chấm", "Minh chứng")]
    report.blocks.append(Table([header, *_score_rows(report, fill)]))


@cache
def _rubric() -> Rubric:
    from rubric_docs import sample_rubric  # the rows follow the sample rubric

    return sample_rubric()


def _score_rows(report: EvidenceReport, fill: _Filler):
    rubric = _rubric()
    total = 0.0
    for group in rubric.groups:
        yield [[Para(group.code, bold=True)], [Para(group.title, bold=True)], [Para(_vn(group.max))], [Para("")],
               [Para("")]]
        for criterion in group.leaves():
            value = criterion.max if criterion.kind is GroupKind.STANDARD else 0.0
            total += value or 0
            words = WORDS.get(criterion.code)
            note = fill(words.note) if words and words.note else ""
            if note:
                report.distractors.append(("score note", note))
            yield [[Para(t)] for t in (criterion.code, criterion.title, _vn(criterion.max), _vn(value), note)]
    yield [[Para(t)] for t in ("", "Tổng cộng", _vn(rubric.scale), _vn(total), "")]


def _vn(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


def _directions(report: EvidenceReport, rng: random.Random, fill: _Filler, chosen: list[str]) -> None:
    _add(report, "heading", f"PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {YEAR + 1}", bold=True)
    for code in rng.sample(chosen, min(3, len(chosen))):
        line = fill(rng.choice(WORDS[code].targets))
        _add(report, "target", f"- {line}")
    _add(report, "heading", "ĐỀ XUẤT, KIẾN NGHỊ", bold=True)
    _add(report, "proposal", "Đề nghị Cụm thi đua số 18 tổ chức trao đổi kinh nghiệm giữa các đơn vị thành viên.")


def _signature(report: EvidenceReport) -> None:
    _add(report, "signature", "Nơi nhận:\n- Cụm thi đua số 18;\n- Lưu: VT, TCHC.")
    _add(report, "", "HIỆU TRƯỞNG", bold=True)


# --- judging what tdkt quoted against the truth -----------------------------------------------

@dataclass
class QuoteVerdicts:
    """What tdkt quoted for one report, judged against its truth."""

    top: dict[str, str] = field(default_factory=dict)  # criterion with evidence → right | <shape> | other | none
    quotes: int = 0  # quotes for criteria of the report's truth or claims
    right_quotes: int = 0  # of those, known evidence of that criterion
    found: int = 0  # known evidence sentences quoted for their criterion
    known: int = 0
    distractors: list[tuple[str, str, str]] = field(default_factory=list)  # (criterion, shape, quote)
    claimed_quoted: list[str] = field(default_factory=list)  # criteria without evidence that got a quote


def same_text(quote: str, sentence: str) -> bool:
    """A quote is the sentence, or most of it (tdkt may cut at a comma or drop the final stop)."""
    q, s = _norm(quote), _norm(sentence)
    if not q or not s:
        return False
    if q == s:
        return True
    short, long = sorted((q, s), key=len)
    return short in long and len(short) >= 0.5 * len(long)


def contains_text(quote: str, sentence: str) -> bool:
    """The quote is part of the sentence or holds it whole (for distractors: any part counts)."""
    q, s = _norm(quote), _norm(sentence)
    return bool(q) and bool(s) and (q in s or s in q)


@cache
def _norm(text: str) -> str:
    from pipeline.core.textnorm import fold

    words = fold(text).replace("\n", " ").split()
    return " ".join(words).strip(" .;:,-–")


def judge(report: EvidenceReport, quoted: dict[str, list[str]]) -> QuoteVerdicts:
    verdicts = QuoteVerdicts()
    for code in [*report.truth, *report.claimed]:
        known = report.truth.get(code, [])
        quotes = quoted.get(code, [])
        verdicts.known += len(known)
        verdicts.found += sum(any(same_text(q, k) for q in quotes) for k in known)
        verdicts.quotes += len(quotes)
        verdicts.right_quotes += sum(any(same_text(q, k) for k in known) for q in quotes)
        if known:
            verdicts.top[code] = _top_verdict(report, quotes[0], known) if quotes else "none"
        elif quotes:
            verdicts.claimed_quoted.append(code)
    for code, quotes in quoted.items():
        for q in quotes:
            shape = distractor_shape(report, q)
            if shape is not None and not any(same_text(q, k) for k in report.truth.get(code, [])):
                verdicts.distractors.append((code, shape, q))
    return verdicts


def distractor_shape(report: EvidenceReport, quote: str) -> str | None:
    """The shape of the distractor the quote was taken from (the closest one), or None."""
    for match in (same_text, contains_text):
        shape = next((shape for shape, text in report.distractors if match(quote, text)), None)
        if shape is not None:
            return shape
    return None


def _top_verdict(report: EvidenceReport, quote: str, known: list[str]) -> str:
    if any(same_text(quote, k) for k in known):
        return "right"
    shape = distractor_shape(report, quote)
    if shape:
        return shape
    other = next((c for c, sentences in report.truth.items() if any(same_text(quote, s) for s in sentences)), None)
    return f"evidence of {other}" if other else "other"
