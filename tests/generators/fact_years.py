"""Seeded generator of report passages that state awards and figures of various years, with truth.

``generate(seed)`` writes one passage of a unit's year-end report (a paragraph, or a lead-in and
its list items) for a report year of 2023–2025, made of clauses joined by "; " and sentences:

  awards   a year before the clause ("Năm 2022,", "Trong năm 2022,", "Năm học 2021 - 2022,",
           "Giai đoạn 2018–2022,"), right after the award's name ("… năm 2022", "… (năm 2022)",
           "… (2022)", "… (Quyết định số 123/QĐ-TTg ngày 10/3/2022)", "… (Quyết định … ngày 5 tháng
           1 năm 2022)"), a decision date before ("Theo Quyết định số 45/QĐ-UBND ngày 5/1/2022,"),
           a lead year and a decision date together (the year wins), none; two awards in a clause
           after one lead; an award with its own year followed by one without (which takes the
           lead's year, or none); "… vì đã dẫn đầu Cụm thi đua số 18 năm 2022" (not the award's year)
  figures  a year before the clause or before the figure ("tỷ lệ … năm 2022 là 88%"), another
           year's figure in parentheses ("đạt 92% (năm 2022 là 88%)", "(năm 2022: 88%)"), a
           comparison after or before ("so với năm 2022", "cùng kỳ năm 2022"), a cohort ("sinh
           viên tốt nghiệp năm 2022 có việc làm đạt 92%"), counts and "x/y chỉ tiêu"
  lists    "Năm 2022, Nhà trường được tặng:" then items "- 02 cá nhân được tặng …;" (the lead's
           year), and items with a year of their own

Years run from three years before the report's to one after (a later year is a plan: dropped).
Truth: every award (canonical name, count) and figure (value) with the year and first year the
text states (None: none stated).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# (as written, canonical name, subjects that may receive it with their counts)
AWARDS = [
    ("Cờ thi đua của UBND Thành phố", "Cờ thi đua của Ủy ban nhân dân Thành phố", [("Nhà trường", 1)]),
    ("Cờ thi đua của Ủy ban nhân dân Thành phố", "Cờ thi đua của Ủy ban nhân dân Thành phố", [("Nhà trường", 1)]),
    ("Cờ thi đua của Chính phủ", "Cờ thi đua của Chính phủ", [("Nhà trường", 1)]),
    ("Bằng khen của Thủ tướng Chính phủ", "Bằng khen của Thủ tướng Chính phủ",
     [("Nhà trường", 1), ("02 cá nhân", 2), ("01 tập thể", 1)]),
    ("Bằng khen của Thủ tướng", "Bằng khen của Thủ tướng Chính phủ", [("Nhà trường", 1), ("03 cá nhân", 3)]),
    ("Bằng khen của Chủ tịch UBND Thành phố", "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố",
     [("Nhà trường", 1), ("04 cá nhân", 4), ("02 tập thể", 2)]),
    ("Bằng khen của Bộ trưởng Bộ Y tế", "Bằng khen của Bộ trưởng Bộ Y tế", [("05 cá nhân", 5), ("Nhà trường", 1)]),
    ("Huân chương Lao động hạng Ba", "Huân chương Lao động hạng Ba", [("Nhà trường", 1), ("01 cá nhân", 1)]),
]
TITLES = [  # danh hiệu: "<n> tập thể/cá nhân đạt danh hiệu <title>"
    ("Tập thể lao động xuất sắc", [("03 tập thể", 3), ("04 tập thể", 4)]),
    ("Chiến sĩ thi đua cơ sở", [("12 cá nhân", 12), ("15 cá nhân", 15)]),
    ("Lao động tiên tiến", [("85 cá nhân", 85), ("186 cá nhân", 186)]),
]
MEASURES = ["tỷ lệ sinh viên có việc làm sau tốt nghiệp", "tỷ lệ sinh viên tốt nghiệp đúng hạn",
            "tỷ lệ người học hài lòng với nhà trường", "tỷ lệ giảng viên có trình độ tiến sĩ"]
COUNTS = ["đề tài nghiên cứu khoa học cấp cơ sở", "bài báo khoa học", "giáo trình"]


@dataclass(frozen=True)
class Stated:
    """What a fact is, and the year the text states for it."""

    kind: str  # "award" | "metric"
    key: tuple  # award: (canonical name, count); metric: (value,)
    year: int | None
    first_year: int | None = None


@dataclass
class Passage:
    report_year: int
    paragraphs: list[str]
    truth: list[Stated] = field(default_factory=list)


class _Writer:
    def __init__(self, rng: random.Random, report_year: int) -> None:
        self.rng = rng
        self.report_year = report_year
        self.truth: list[Stated] = []
        self.used_awards: set[tuple] = set()
        self.used_values: set[float] = set()

    # --- words -------------------------------------------------------------------------------
    def year(self, none_share: float = 0.0) -> int | None:
        if self.rng.random() < none_share:
            return None
        return self.report_year + self.rng.choice([-3, -2, -1, -1, 0, 0, 1])

    def lead(self, year: int) -> tuple[str, int, int | None]:
        """A clause-opening year phrase, with the (year, first year) it states."""
        kind = self.rng.choice(["năm", "năm", "trong", "năm học", "giai đoạn"])
        if kind == "năm học":
            dash = self.rng.choice([" - ", "-", "–"])
            return f"Năm học {year - 1}{dash}{year},", year, year - 1
        if kind == "giai đoạn":
            return f"Giai đoạn {year - 4} - {year},", year, year - 4
        if kind == "trong":
            return f"Trong năm {year},", year, None
        return self.rng.choice([f"Năm {year},", f"Năm {year}"]), year, None

    def decision(self, year: int) -> str:
        return self.rng.choice([f"Quyết định số {self.rng.randint(10, 999)}/QĐ-TTg ngày {self.rng.randint(1, 28)}/"
                                f"{self.rng.randint(1, 12)}/{year}",
                                f"Quyết định số {self.rng.randint(10, 999)}/QĐ-UBND ngày {self.rng.randint(1, 28)} "
                                f"tháng {self.rng.randint(1, 12)} năm {year}"])

    def award(self) -> tuple[str, str, tuple]:
        """(subject and verb, award as written, key) of an award not used yet in the passage."""
        while True:
            if self.rng.random() < 0.7:
                written, name, subjects = self.rng.choice(AWARDS)
                subject, count = self.rng.choice(subjects)
                words = f"{subject} {self.rng.choice(['được tặng', 'vinh dự được tặng', 'được nhận'])}"
            else:
                written, subjects = self.rng.choice(TITLES)
                name = written
                subject, count = self.rng.choice(subjects)
                words = f"{subject} đạt danh hiệu"
            key = (name, count)
            if key not in self.used_awards:
                self.used_awards.add(key)
                return words, written, key

    def value(self, percent: bool = True) -> tuple[str, float]:
        while True:
            if percent:
                whole, tenth = self.rng.randint(60, 99), self.rng.choice([0, 0, 1, 5, 8])
                value = whole + tenth / 10
                text = f"{whole},{tenth}" if tenth else str(whole)
            else:
                value = float(self.rng.randint(2, 60))
                text = f"{int(value):02d}"
            if value not in self.used_values:
                self.used_values.add(value)
                return text, value

    def state(self, kind: str, key: tuple, year: int | None, first_year: int | None = None) -> None:
        self.truth.append(Stated(kind, key, year, first_year))

    # --- award clauses -----------------------------------------------------------------------
    def award_clause(self) -> str:
        shape = self.rng.choice(["lead", "after", "decision_before", "none", "two", "bound", "lead_and_date",
                                 "led_by"])
        words, written, key = self.award()
        if shape == "lead":
            lead, year, first = self.lead(self.year())
            self.state("award", key, year, first)
            return f"{lead} {words} {written}"
        if shape == "after":
            year = self.year()
            after = self.rng.choice([f"năm {year}", f"(năm {year})", f"({year})", f"({self.decision(year)})"])
            self.state("award", key, year)
            return f"{words} {written} {after}"
        if shape == "decision_before":
            year = self.year()
            self.state("award", key, year)
            return f"Theo {self.decision(year)}, {words[0].lower() + words[1:]} {written}"
        if shape == "lead_and_date":  # "Năm 2023, … (Quyết định … ngày 15/01/2023)": the year mention governs
            lead, year, first = self.lead(self.year())
            self.state("award", key, year, first)
            return f"{lead} {words} {written} ({self.decision(year - self.rng.choice([0, 1]))})"
        if shape == "led_by":  # the year of what the flag was for is not the award's
            self.state("award", key, None)
            return f"{words} {written} vì đã dẫn đầu Cụm thi đua số 18 năm {self.report_year - 1}"
        if shape == "none":
            self.state("award", key, None)
            return f"{words} {written}"
        words2, written2, key2 = self.award()
        if shape == "two":  # one lead for two awards
            lead, year, first = self.lead(self.year())
            self.state("award", key, year, first)
            self.state("award", key2, year, first)
            return f"{lead} {words} {written} và {words2} {written2}"
        # "bound": the first award's own year is not the second's
        own = self.year()
        if self.rng.random() < 0.5:
            lead, year, first = self.lead(self.year())
        else:
            lead, year, first = "", None, None
        self.state("award", key, own)
        self.state("award", key2, year, first)
        return f"{lead} {words} {written} năm {own} và {words2} {written2}".strip()

    # --- figure clauses ----------------------------------------------------------------------
    def metric_clause(self) -> str:
        shape = self.rng.choice(["lead", "inline", "restated", "compared_after", "compared_before", "cohort",
                                 "count", "fraction", "none"])
        measure = self.rng.choice(MEASURES)
        text, value = self.value(percent=shape not in ("count", "fraction"))
        verb = self.rng.choice(["đạt", "là"])
        if shape in ("lead", "count", "fraction", "none", "compared_after"):
            use_lead = shape != "none" and self.rng.random() < 0.75
            lead, year, first = self.lead(self.year()) if use_lead else ("", None, None)
            self.state("metric", (value,), year, first)
            if shape == "count":
                body = f"Nhà trường nghiệm thu {text} {self.rng.choice(COUNTS)}"
            elif shape == "fraction":
                body = f"Nhà trường tuyển sinh được {text}/{int(value) + self.rng.randint(1, 9)} chỉ tiêu"
            else:
                body = f"{measure} {verb} {text}%"
            if shape == "compared_after":
                body += self.rng.choice([f", tăng so với năm {self.year()}", f", cao hơn cùng kỳ năm {self.year()}",
                                         f", bằng năm {self.year()}", f" so với năm {self.year()}"])
            return f"{lead} {body}".strip()
        if shape == "inline":
            year = self.year()
            if self.rng.random() < 0.3:
                self.state("metric", (value,), year, year - 1)
                return f"{measure} năm học {year - 1}-{year} {verb} {text}%"  # (a measure is at most 12 words)
            self.state("metric", (value,), year)
            return f"{measure} năm {year} {verb} {text}%"
        if shape == "restated":  # "đạt 92% (năm 2022 là 88%)"
            lead, year, first = self.lead(self.year()) if self.rng.random() < 0.4 else ("", None, None)
            earlier = self.report_year - self.rng.choice([1, 2])
            other, other_value = self.value()
            self.state("metric", (value,), year, first)
            self.state("metric", (other_value,), earlier)
            inner = self.rng.choice([f"năm {earlier} là {other}%", f"năm {earlier}: {other}%",
                                     f"năm {earlier} đạt {other}%"])
            return f"{lead} {measure} đạt {text}% ({inner})".strip()
        if shape == "compared_before":
            self.state("metric", (value,), None)
            return f"So với năm {self.year()}, {measure} {verb} {text}%"
        # cohort: the graduates' year is not the figure's
        self.state("metric", (value,), None)
        return f"Tỷ lệ sinh viên tốt nghiệp năm {self.report_year - 1} có việc làm đạt {text}%"


def _sentence(clauses: list[str]) -> str:
    """Clauses joined by "; ", the later ones in lower case ("…; năm 2024, …") but for "Nhà trường"."""
    later = [c if c.startswith("Nhà trường") else c[0].lower() + c[1:] for c in clauses[1:]]
    text = "; ".join([clauses[0], *later])
    return text[0].upper() + text[1:] + "."


def generate(seed: int) -> Passage:
    rng = random.Random(seed)
    report_year = rng.choice([2023, 2024, 2025])
    writer = _Writer(rng, report_year)
    if rng.random() < 0.2:
        return _list(writer, rng)
    sentences = []
    for _ in range(rng.choice([1, 1, 2])):
        clauses = [writer.award_clause() if rng.random() < 0.55 else writer.metric_clause()
                   for _ in range(rng.choice([1, 2, 2, 3]))]
        sentences.append(_sentence(clauses))
    return Passage(report_year, [" ".join(sentences)], writer.truth)


def _list(writer: _Writer, rng: random.Random) -> Passage:
    """A lead-in ending with ":" and its items: items without a year take the lead's."""
    lead, year, first = writer.lead(writer.year())
    paragraphs = [f"{lead} tập thể và cá nhân của Nhà trường được khen thưởng như sau:"]
    for _ in range(rng.randint(2, 4)):
        words, written, key = writer.award()
        if rng.random() < 0.25:
            own = writer.year()
            writer.state("award", key, own)
            paragraphs.append(f"- {words} {written} năm {own};")
        else:
            writer.state("award", key, year, first)
            paragraphs.append(f"{rng.choice(['-', '+', '•'])} {words} {written};")
    return Passage(writer.report_year, paragraphs, writer.truth)
