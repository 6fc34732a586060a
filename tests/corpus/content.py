"""What the corpus documents say: units, rubric, narrative, awards, figures and self-scores.

Everything here is plain Unicode (NFC) data. How it is written down (fonts, legacy encodings,
table shapes, file formats) is decided elsewhere; the ground truth is taken from here.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "cluster18-2023"
YEAR = 2023
CLUSTER = "Cụm thi đua số 18"


# --- units ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    head_title: str
    head_name: str
    parent_caps: str  # header line, e.g. "SỞ Y TẾ HÀ NỘI"
    parent_name: str  # in running text, e.g. "Sở Y tế Hà Nội"
    symbol: str  # document-number suffix, e.g. "CĐYT"
    minister: str  # whose Bằng khen the staff receive


# What cluster.yaml does not say about a (fictional) member: its parent body and its symbol.
_UNIT_EXTRA = {
    "dhvhnt": ("UBND THÀNH PHỐ HÀ NỘI", "Ủy ban nhân dân Thành phố", "ĐHVHNT",
               "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"),
    "cdyt": ("SỞ Y TẾ HÀ NỘI", "Sở Y tế Hà Nội", "CĐYT", "Bộ trưởng Bộ Y tế"),
    "cdsp": ("UBND THÀNH PHỐ HÀ NỘI", "Ủy ban nhân dân Thành phố", "CĐSPTH",
             "Bộ trưởng Bộ Giáo dục và Đào tạo"),
    "cdnt": ("SỞ VĂN HÓA VÀ THỂ THAO HÀ NỘI", "Sở Văn hóa và Thể thao Hà Nội", "CĐNTTL",
             "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"),
    "cddd": ("SỞ Y TẾ HÀ NỘI", "Sở Y tế Hà Nội", "CĐĐD", "Bộ trưởng Bộ Y tế"),
    "cdmn": ("UBND THÀNH PHỐ HÀ NỘI", "Ủy ban nhân dân Thành phố", "CĐSPMN",
             "Bộ trưởng Bộ Giáo dục và Đào tạo"),
}


def load_units() -> dict[str, Unit]:
    cluster = yaml.safe_load((EXAMPLE / "cluster.yaml").read_text(encoding="utf-8"))
    units = {}
    for member in cluster["members"]:
        parent_caps, parent_name, symbol, minister = _UNIT_EXTRA[member["id"]]
        units[member["id"]] = Unit(member["id"], member["name"], member["head_title"],
                                   member["head_name"], parent_caps, parent_name, symbol, minister)
    return units


# --- rubric -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Criterion:
    code: str  # rubric code, e.g. "I.3"
    number: str  # as numbered in the table, restarting per group: "3"
    title: str
    max: float
    discipline: bool = False  # a deduction for discipline (excludes the unit from awards)


@dataclass(frozen=True)
class Group:
    code: str
    title: str
    kind: str  # standard | bonus | deduction
    max: float
    criteria: tuple[Criterion, ...]


def load_rubric() -> tuple[int, list[Group]]:
    """(scale, groups) from the sample rubric."""
    rubric = yaml.safe_load((EXAMPLE / "rubric.yaml").read_text(encoding="utf-8"))
    groups = []
    for g in rubric["groups"]:
        criteria = tuple(Criterion(c["code"], str(i), c["title"], float(c["max"]), bool(c.get("discipline")))
                         for i, c in enumerate(g["criteria"], start=1))
        groups.append(Group(g["code"], g["title"], g["kind"], float(g["max"]), criteria))
    return int(rubric["scale"]), groups


# --- awards and figures -----------------------------------------------------------------------


@dataclass(frozen=True)
class Award:
    form: str  # exact award name as written
    recipient: str  # "tập thể" | "cá nhân"
    count: int
    sentence: str

    def truth(self) -> dict:
        return {"form": self.form, "recipient": self.recipient, "count": self.count}


def _count(n: int) -> str:
    return f"{n:02d}"


def _award_pool(unit: Unit, rng: random.Random) -> list[Award]:
    """Candidate awards for a unit; a report mentions two or three of them."""
    def individuals(form: str, verb: str, low: int, high: int) -> Award:
        n = rng.randint(low, high)
        return Award(form, "cá nhân", n, f"{_count(n)} cá nhân {verb} {form}")

    def collectives(form: str, verb: str, low: int, high: int) -> Award:
        n = rng.randint(low, high)
        return Award(form, "tập thể", n, f"{_count(n)} tập thể {verb} {form}")

    city_flag = "Cờ thi đua của Ủy ban nhân dân Thành phố"
    return [
        Award(city_flag, "tập thể", 1, f"Nhà trường được tặng {city_flag}"),
        individuals(f"Bằng khen của {unit.minister}", "được tặng", 2, 5),
        collectives("Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố", "được tặng", 1, 3),
        individuals("Bằng khen của UBND Thành phố", "được tặng", 2, 6),
        individuals("Chiến sĩ thi đua cơ sở", "đạt danh hiệu", 6, 18),
        collectives("Tập thể lao động xuất sắc", "đạt danh hiệu", 2, 8),
        individuals("Chiến sĩ thi đua thành phố", "đạt danh hiệu", 1, 3),
    ]


def choose_awards(unit: Unit, rng: random.Random) -> list[Award]:
    pool = _award_pool(unit, rng)
    return rng.sample(pool, rng.choice([2, 3]))


@dataclass(frozen=True)
class Figure:
    label: str
    value: float
    unit: str
    text: str  # as written, e.g. "92,5%"

    def truth(self) -> dict:
        return {"label": self.label, "value": self.value, "unit": self.unit, "text": self.text}


def vn_number(value: float, decimals: int | None = None) -> str:
    """Vietnamese number: thousands dot, decimal comma ("1.250", "92,5")."""
    text = f"{value:,.{decimals}f}" if decimals is not None else f"{value:,g}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


# --- narrative --------------------------------------------------------------------------------

_SECTION_RESULTS = f"I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {YEAR}"
_SECTION_EMULATION = "II. CÔNG TÁC THI ĐUA, KHEN THƯỞNG"
_SECTION_SCORES = "III. KẾT QUẢ TỰ CHẤM ĐIỂM"

_CONTEXT = (
    "Năm {year}, trong bối cảnh còn nhiều khó khăn, {unit} đã bám sát sự chỉ đạo của "
    "{parent}, triển khai đồng bộ các nhiệm vụ trọng tâm và hoàn thành toàn diện kế hoạch năm "
    "học. Tập thể cán bộ, giảng viên, người lao động đoàn kết, chủ động khắc phục khó khăn để "
    "thực hiện thắng lợi các chỉ tiêu được giao."
)
_RESEARCH = (
    "Hoạt động nghiên cứu khoa học tiếp tục được đẩy mạnh với {projects} đề tài cấp cơ sở được "
    "nghiệm thu và {papers} bài báo đăng trên các tạp chí chuyên ngành. Nhà trường ứng dụng công "
    "nghệ thông tin trong quản lý đào tạo, bồi dưỡng đội ngũ giảng viên theo kế hoạch."
)
_EMULATION = (
    "Nhà trường ban hành kế hoạch, phát động phong trào thi đua ngay từ đầu năm, ký kết giao ước "
    "thi đua với các đơn vị trong {cluster} và tham gia đầy đủ các hoạt động của Cụm. Công tác "
    "khen thưởng được thực hiện kịp thời, đúng quy định."
)
_LIMITS = (
    "Bên cạnh những kết quả đạt được, Nhà trường còn một số hạn chế: cơ sở vật chất của một số "
    "phòng thực hành chưa đáp ứng yêu cầu; việc nhân rộng điển hình tiên tiến có lúc chưa kịp thời."
)
SCORES_INTRO = (
    f"Căn cứ Bảng tiêu chí chấm điểm thi đua năm {YEAR} của {CLUSTER}, Nhà trường tự chấm điểm "
    "như sau:"
)
TABLE_TITLE = f"BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM {YEAR}"
SUMMARY = f"Tổng kết công tác thi đua, khen thưởng năm {YEAR} và phương hướng, nhiệm vụ năm {YEAR + 1}"


@dataclass(frozen=True)
class Block:
    """A piece of the narrative: a section heading or a body paragraph."""
    kind: str  # "section" | "body"
    text: str


def _figures(rng: random.Random) -> tuple[list[Figure], str]:
    """The results paragraph and the figures it states (employment rate plus one more)."""
    employment = round(rng.uniform(85, 97) * 2) / 2
    emp = Figure("tỷ lệ sinh viên có việc làm sau tốt nghiệp", employment, "%",
                 f"{vn_number(employment, 1)}%")
    if rng.random() < 0.5:
        graduation = round(rng.uniform(88, 98), 1)
        other = Figure("tỷ lệ sinh viên tốt nghiệp", graduation, "%", f"{vn_number(graduation, 1)}%")
        opening = f"Chất lượng đào tạo được nâng lên, tỷ lệ sinh viên tốt nghiệp đạt {other.text}"
    else:
        target = rng.randrange(800, 1600, 50)
        enrolled = target + rng.randrange(-30, 120, 5)
        other = Figure("số sinh viên tuyển mới", float(enrolled), "sinh viên", vn_number(enrolled))
        opening = (f"Công tác tuyển sinh đạt kết quả tốt: Nhà trường tuyển mới {other.text} sinh "
                   f"viên trên tổng chỉ tiêu {vn_number(target)}")
    text = f"{opening}; tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt {emp.text}."
    return [other, emp], text


# Optional paragraphs, in the order they are dropped from the end when a report is shorter.
_OPTIONAL = [_CONTEXT, _EMULATION, _RESEARCH, _LIMITS]


def narrative(unit: Unit, awards: list[Award], rng: random.Random, n_paragraphs: int
              ) -> tuple[list[Block], list[Figure]]:
    """Section headings and 3–6 body paragraphs; results and awards are always there."""
    figures, results = _figures(rng)
    fields = {"year": YEAR, "unit": unit.name, "parent": unit.parent_name, "cluster": CLUSTER,
              "projects": _count(rng.randint(4, 15)), "papers": rng.randint(12, 40)}
    awards_text = "Về kết quả khen thưởng năm {}: {}.".format(YEAR, "; ".join(a.sentence for a in awards))
    kept = set(_OPTIONAL[: max(0, n_paragraphs - 2)])
    slots = [("section", _SECTION_RESULTS), ("body", _CONTEXT), ("body", results),
             ("body", _RESEARCH), ("section", _SECTION_EMULATION), ("body", _EMULATION),
             ("body", awards_text), ("body", _LIMITS)]
    blocks = [Block(kind, text.format(**fields)) for kind, text in slots
              if text not in _OPTIONAL or text in kept]
    return blocks, figures


# --- self-scores ------------------------------------------------------------------------------


def self_scores(groups: list[Group], rng: random.Random) -> dict[str, float]:
    """Multiples of 0.5 within each criterion's max: most near the max, a few bonus points, at
    most a couple of small deductions (never for discipline: such a unit would not report)."""
    scores = {}
    for group in groups:
        for c in group.criteria:
            if group.kind == "standard":
                lost = rng.choices([0, 1, 2, 3, 4], weights=[45, 25, 15, 10, 5])[0] * 0.5
                scores[c.code] = max(0.0, c.max - lost)
            elif group.kind == "bonus":
                scores[c.code] = rng.choice([0.0, 0.5, 1.0, 1.0, c.max]) if c.max > 1 else rng.choice([0.0, 1.0])
            elif c.discipline:
                scores[c.code] = 0.0
            else:
                scores[c.code] = rng.choices([0.0, 0.5, 1.0], weights=[70, 15, 15])[0]
    return scores


# --- the report -------------------------------------------------------------------------------


@dataclass
class Report:
    unit: Unit
    doc_number: str
    place_date: str
    blocks: list[Block]
    awards: list[Award]
    figures: list[Figure]
    scale: int
    groups: list[Group]
    scores: dict[str, float]
    evidence: dict[str, str] = field(default_factory=dict)

    def subtotal(self, group: Group) -> float:
        return sum(self.scores[c.code] for c in group.criteria)

    @property
    def claimed_total(self) -> float:
        total = 0.0
        for group in self.groups:
            sign = -1 if group.kind == "deduction" else 1
            total += sign * self.subtotal(group)
        return total


_EVIDENCE = ["Báo cáo tuyển sinh", "Quyết định công nhận tốt nghiệp", "Báo cáo khảo sát việc làm",
             "Quyết định nghiệm thu đề tài", "Kế hoạch bồi dưỡng", "Báo cáo chuyển đổi số",
             "Kế hoạch thi đua", "Biên bản hội nghị Cụm", "Quyết định khen thưởng"]


def make_report(unit: Unit, seed: int, n_paragraphs: int = 5) -> Report:
    rng = random.Random(seed)
    scale, groups = load_rubric()
    awards = choose_awards(unit, rng)
    blocks, figures = narrative(unit, awards, rng, n_paragraphs)
    number = f"{rng.randint(12, 160):02d}/BC-{unit.symbol}"
    place_date = f"Hà Nội, ngày {rng.randint(10, 22)} tháng 12 năm {YEAR}"
    scores = self_scores(groups, rng)
    evidence = {c.code: rng.choice(_EVIDENCE) for g in groups if g.kind == "standard"
                for c in g.criteria}
    return Report(unit, number, place_date, blocks, awards, figures, scale, groups, scores, evidence)
