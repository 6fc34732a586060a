"""Seeded generator of the nomination principles a criteria document states, with ground truth.

``generate(seed)`` writes the principles of one cluster the many ways clusters write them, as
the paragraphs (Blocks) of its criteria document, and gives the rules they state:

  awards     Government flag for rank 1 and the city (or province) flag for rank 2; or the city
             flag for the two leading units ("02 đơn vị dẫn đầu", "Hai đơn vị dẫn đầu", "Các đơn
             vị xếp thứ nhất và thứ hai"); or rank 1 and ranks 2–3; or the city flag alone for
             rank 1; then the chairman's Bằng khen for the others. Ranks "thứ nhất" / "thứ 1" /
             "dẫn đầu" / "đứng thứ hai" / "thứ nhì"; flag and Bằng khen names in their variants
             ("Cờ thi đua của UBND Thành phố", "… của Ủy ban nhân dân thành phố", "… của UBND TP",
             "đề nghị UBND Thành phố tặng Cờ thi đua", "Cờ thi đua của UBND tỉnh Nghệ An" …)
  the line   none, "đạt từ 80 điểm trở lên", "… (80% tổng điểm chuẩn)", "từ 80% tổng điểm chuẩn",
             "đạt 800/1000 điểm", "có điểm chuẩn đạt từ …", with or without the bonus ("không
             tính điểm thưởng", "(tính cả điểm thưởng)"), on a 100- or 1000-point scale
  exclusion  none, "không có cán bộ, viên chức bị kỷ luật" with or without a code "(tiêu chí
             5.1)", "(mục V.2)", "(tiêu chí d1)", "không có điểm trừ ở …"; in the Bằng khen's
             sentence, in a sentence after it ("Điều kiện: …"), or for every award ("Đơn vị có
             cán bộ … bị kỷ luật (…) không được xét khen thưởng")
  ties       none; the vote; fewer deduction points then the vote; women then the vote; both
  layout     a principles heading or not; numbering "a)", "-", "1.", "+", none, in the text or
             as Word's list label; one paragraph per principle or joined with "; " or ". ";
             NFD text; unrelated sentences before, inside and after the section
  traps      sentences that look like principles but say what tdkt does not model (a rank with a
             condition on individuals, a quota share, "không đạt 80 điểm", a rank gap, a
             preference tdkt does not know, an investigation): they must be listed as not
             understood and change nothing

The truth is what the reading must give: ``awards`` in priority order with quota, line and
excluded codes, ``ties`` and ``women_share`` (None: the base's).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from pipeline.config.award_rules import ScoreBasis, ScoreLine, TieStep
from pipeline.config.rubric import Rubric
from pipeline.core.model import Block, BlockKind, Provenance

CP = "Cờ thi đua của Chính phủ"
PLACES = {
    "city": {
        "flag": "Cờ thi đua của Ủy ban nhân dân Thành phố",
        "bk": "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố",
        "flag_words": ["đề nghị tặng Cờ thi đua của UBND Thành phố",
                       "đề nghị tặng Cờ thi đua của Ủy ban nhân dân thành phố", "đề nghị tặng Cờ thi đua của UBND TP",
                       "đề nghị UBND Thành phố tặng Cờ thi đua",
                       "đề nghị tặng danh hiệu Cờ thi đua của UBND Thành phố Hà Nội",
                       "được đề nghị Ủy ban nhân dân Thành phố tặng Cờ thi đua"],
        "bk_words": ["đề nghị tặng Bằng khen của Chủ tịch UBND Thành phố",
                     "đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố",
                     "đề nghị tặng Bằng khen của UBND Thành phố", "đề nghị Chủ tịch UBND Thành phố tặng Bằng khen",
                     "được đề nghị tặng Bằng khen của Chủ tịch UBND TP"],
    },
    "province": {
        "flag": "Cờ thi đua của Ủy ban nhân dân tỉnh",
        "bk": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "flag_words": ["đề nghị tặng Cờ thi đua của UBND tỉnh", "đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh",
                       "đề nghị UBND tỉnh tặng Cờ thi đua", "đề nghị tặng Cờ thi đua của UBND tỉnh Nghệ An"],
        "bk_words": ["đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh", "đề nghị Chủ tịch UBND tỉnh tặng Bằng khen",
                     "đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"],
    },
}
CP_WORDS = ["đề nghị Chính phủ tặng Cờ thi đua của Chính phủ", "đề nghị tặng Cờ thi đua của Chính phủ",
            "đề nghị Thủ tướng Chính phủ tặng Cờ thi đua của Chính phủ", "đề nghị Chính phủ tặng Cờ thi đua",
            "được Cụm suy tôn, đề nghị tặng danh hiệu Cờ thi đua của Chính phủ"]
RANK_WORDS = {
    (1,): ["Đơn vị xếp thứ nhất", "Đơn vị xếp thứ 1", "Đơn vị dẫn đầu Cụm", "Đơn vị xếp thứ nhất (dẫn đầu Cụm thi đua)",
           "01 đơn vị dẫn đầu", "Đơn vị đứng đầu", "Đơn vị xếp hạng nhất"],
    (2,): ["Đơn vị xếp thứ hai", "Đơn vị xếp thứ 2", "Đơn vị xếp thứ nhì", "Đơn vị đứng thứ hai"],
    (1, 2): ["02 đơn vị dẫn đầu", "Hai đơn vị dẫn đầu", "Các đơn vị xếp thứ nhất và thứ hai",
             "02 đơn vị xếp thứ 1 và thứ 2"],
    (2, 3): ["Các đơn vị xếp thứ hai và thứ ba", "02 đơn vị xếp thứ 2 và thứ 3", "Đơn vị xếp thứ hai, thứ ba",
             "Các đơn vị xếp từ thứ hai đến thứ ba"],
}
STRUCTURES = [  # (award key, ranks) in rank order; the Bằng khen follows
    [("cp", (1,)), ("flag", (2,))],
    [("flag", (1, 2))],
    [("cp", (1,)), ("flag", (2, 3))],
    [("flag", (1,))],
]
REST_WORDS = ["Các đơn vị còn lại", "Những đơn vị còn lại", "Các đơn vị khác", "Đơn vị còn lại"]
TIE_SENTENCES = [
    ([TieStep.VOTE], None, "Trường hợp bằng điểm nhau tại vị trí xét Cờ thi đua, Cụm tổ chức bỏ phiếu kín."),
    ([TieStep.VOTE], None, "Trường hợp các đơn vị bằng điểm nhau thì bỏ phiếu kín."),
    ([TieStep.FEWER_DEDUCTIONS, TieStep.VOTE], None,
     "Trường hợp bằng điểm nhau, ưu tiên đơn vị có ít điểm trừ hơn, sau đó bỏ phiếu."),
    ([TieStep.FEWER_DEDUCTIONS, TieStep.VOTE], None,
     "Nếu các đơn vị bằng điểm thì ưu tiên đơn vị có điểm trừ ít hơn; nếu vẫn bằng nhau thì Cụm biểu quyết."),
    ([TieStep.FEWER_DEDUCTIONS, TieStep.VOTE], None, "Trường hợp đồng điểm thì ưu tiên đơn vị có ít điểm trừ hơn."),
    ([TieStep.WOMEN, TieStep.VOTE], 0.7,
     "Trường hợp bằng điểm, ưu tiên tập thể có từ 70% nữ trở lên, sau đó bỏ phiếu kín."),
    ([TieStep.WOMEN, TieStep.VOTE], 0.6,
     "Khi các đơn vị bằng điểm nhau thì ưu tiên tập thể có tỷ lệ nữ từ 60% trở lên, sau đó Cụm bỏ phiếu kín."),
    ([TieStep.FEWER_DEDUCTIONS, TieStep.WOMEN, TieStep.VOTE], None,
     "Trường hợp bằng điểm nhau thì ưu tiên đơn vị có ít điểm trừ hơn; nếu vẫn bằng nhau thì ưu tiên tập thể nữ; "
     "sau cùng Cụm bỏ phiếu kín."),
]
HEADINGS = ["III. NGUYÊN TẮC XÉT KHEN THƯỞNG", "Nguyên tắc bình xét, đề nghị khen thưởng:",
            "NGUYÊN TẮC XÉT TẶNG DANH HIỆU VÀ HÌNH THỨC KHEN THƯỞNG", "4. Nguyên tắc xét khen thưởng"]
BEFORE = ["Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;",
          "Bảng tiêu chí này áp dụng cho các đơn vị thành viên Cụm thi đua số 18 từ năm 2024.",
          "Điểm tự chấm của đơn vị được Cụm trưởng thẩm định trước Hội nghị tổng kết."]
AFTER_HEADING = "IV. TỔ CHỨC THỰC HIỆN"
AFTER = ["Các đơn vị gửi báo cáo tự chấm điểm về Cụm trưởng trước ngày 10/12 hằng năm.",
         "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Cụm trưởng để tổng hợp."]
IN_SECTION = ["Hồ sơ đề nghị khen thưởng gửi về Cụm trưởng trước ngày 15/12."]
LABELS = ["a)", "-", "1.", "+", ""]


@dataclass
class ExpectedAward:
    name: str
    quota: int | None
    line: ScoreLine | None = None
    excluded: list[str] = field(default_factory=list)


@dataclass
class PrinciplesCase:
    seed: int
    rubric: Rubric
    blocks: list[Block]
    awards: list[ExpectedAward]
    ties: list[TieStep] | None
    women_share: float | None
    traps: list[str]  # sentences that must be listed as not understood
    refused: list[str]  # principles a trap contradicts: listed as not understood too
    unrelated_in_section: list[str]  # may be listed as not understood, never a rule
    notes: list[str] = field(default_factory=list)  # what was drawn, for failure messages


def generate(seed: int) -> PrinciplesCase:
    rng = random.Random(seed)
    place = rng.choice(["city", "city", "province"])
    scale = rng.choice([100, 100, 1000])
    code_style = rng.choice(["arabic", "roman", "letter"])
    rubric, deduction_code, written_code = _rubric(scale, code_style)
    words = PLACES[place]
    names = {"cp": CP, "flag": words["flag"], "bk": words["bk"]}
    structure = rng.choice(STRUCTURES)
    notes = [f"place={place} scale={scale} codes={code_style} structure={structure}"]

    principles: list[list[str]] = []  # each: the sentences of one principle (continuation after it)
    awards: list[ExpectedAward] = []
    flag_sentence = ""
    for key, ranks in structure:
        subject = rng.choice(RANK_WORDS[ranks])
        award_words = rng.choice(CP_WORDS if key == "cp" else words["flag_words"])
        principles.append([f"{subject} {award_words}."])
        awards.append(ExpectedAward(names[key], len(ranks)))
        flag_sentence = principles[-1][0] if key == "flag" else flag_sentence

    line, line_words = _line(rng, scale)
    exclusion_words, excluded = _exclusion(rng, written_code, deduction_code)
    condition = " và ".join(w for w in (line_words, exclusion_words) if w)
    where = rng.choice(["inline", "inline", "continuation", "general"]) if condition else "inline"
    notes.append(f"line={line} exclusion={excluded} where={where}")
    rest = rng.choice(REST_WORDS)
    bk_words = rng.choice(words["bk_words"])
    bk = ExpectedAward(names["bk"], None)
    general: list[str] = []
    if where == "inline":
        principles.append([f"{rest} {condition}, {bk_words}." if condition else f"{rest} {bk_words}."])
        bk.line, bk.excluded = line, excluded
    elif where == "continuation":
        principles.append([f"{rest} {bk_words}.", f"{rng.choice(['Điều kiện', 'Yêu cầu'])}: {condition}."])
        bk.line, bk.excluded = line, excluded
    else:
        principles.append([f"{rest} {bk_words}."])
        general = _general(rng, line_words, exclusion_words)
        for award in [*awards, bk]:
            award.line = line if line_words else None
            award.excluded = list(excluded)
    awards.append(bk)

    ties, women_share = None, None
    if rng.random() < 0.7:
        ties, women_share, sentence = rng.choice(TIE_SENTENCES)
        principles.append([sentence])
    traps, contradicts_flag = _traps(rng, place, structure)
    refused = []
    if contradicts_flag:  # two ranks for the flag: both sentences are refused, the flag is gone
        awards = [a for a in awards if a.name != names["flag"]]
        refused.append(flag_sentence)
    notes.append(f"ties={ties} traps={len(traps)} contradicts_flag={contradicts_flag}")
    blocks, unrelated = _layout(rng, principles, general, traps, notes)
    return PrinciplesCase(seed, rubric, blocks, awards, ties, women_share, traps, refused, unrelated, notes)


def _rubric(scale: int, style: str) -> tuple[Rubric, str, str]:
    """A small rubric (the principles only need its scale and its deduction codes); the code of
    the discipline item as the rubric has it, and as the principles write it."""
    k = scale // 100
    if style == "arabic":
        codes, items = ["1", "2", "3", "4", "5"], ["5.1", "5.2"]
    elif style == "roman":
        codes, items = ["I", "II", "III", "IV", "V"], ["V.1", "V.2"]
    else:
        codes, items = ["A", "B", "C", "D", "Đ"], ["đ1", "đ2"]
    groups = [
        {"code": codes[0], "title": "Thực hiện nhiệm vụ chuyên môn", "max": 60 * k,
         "criteria": [{"code": f"{codes[0]}.1", "title": "Tuyển sinh", "max": 60 * k}]},
        {"code": codes[1], "title": "Công tác xây dựng Đảng", "max": 25 * k,
         "criteria": [{"code": f"{codes[1]}.1", "title": "Chi bộ", "max": 25 * k}]},
        {"code": codes[2], "title": "Công tác thi đua", "max": 15 * k,
         "criteria": [{"code": f"{codes[2]}.1", "title": "Phong trào", "max": 15 * k}]},
        {"code": codes[3], "title": "Điểm thưởng", "kind": "bonus", "max": 5 * k,
         "criteria": [{"code": f"{codes[3]}.1", "title": "Khen thưởng cấp cao", "max": 5 * k}]},
        {"code": codes[4], "title": "Điểm trừ", "kind": "deduction",
         "criteria": [{"code": items[0], "title": "Cán bộ, viên chức bị kỷ luật", "max": 5 * k, "discipline": True},
                      {"code": items[1], "title": "Chậm gửi báo cáo", "max": 1 * k}]},
    ]
    rubric = Rubric.model_validate({"name": "Bảng tiêu chí sinh", "scale": scale, "groups": groups})
    which = 0 if style != "roman" else 1  # "(tiêu chí 5.1)", "(mục V.2)", "(tiêu chí đ1)"
    return rubric, items[which], items[which]


def _vn(value: float) -> str:
    text = f"{value:g}".replace(".", ",")
    return text


def _line(rng: random.Random, scale: int) -> tuple[ScoreLine | None, str]:
    """(the line, its words) — or (None, '') for no line."""
    pick = rng.random()
    if pick < 0.15:
        return None, ""
    pct = rng.choice([80, 80, 80, 75, 85, 90, 82.5])
    points = pct * scale / 100
    scale_words = rng.choice([f"{scale}", "1.000"]) if scale == 1000 else f"{scale}"
    forms = [
        ("points", f"đạt từ {_vn(points)} điểm trở lên"),
        ("points", f"có tổng điểm từ {_vn(points)} điểm trở lên"),
        ("points", f"đạt tối thiểu {_vn(points)} điểm"),
        ("points", f"đạt {_vn(points)}/{scale_words} điểm"),
        ("share", f"đạt từ {_vn(points)} điểm trở lên ({_vn(pct)}% tổng điểm chuẩn)"),
        ("share", f"đạt từ {_vn(pct)}% tổng điểm chuẩn trở lên"),
        ("share", f"đạt từ {_vn(pct)}% điểm chuẩn"),
        ("share", f"đạt từ {_vn(pct)}% thang điểm"),
        ("standard", f"có điểm chuẩn đạt từ {_vn(points)} điểm trở lên"),
    ]
    kind, words = rng.choice(forms)
    of = ScoreBasis.STANDARD if kind == "standard" else ScoreBasis.TOTAL
    if kind != "standard" and rng.random() < 0.5:  # "tổng điểm … (không kể điểm thưởng)" is refused: not drawn
        suffixes = [(" (tính cả điểm thưởng)", ScoreBasis.TOTAL), (" (bao gồm điểm thưởng)", ScoreBasis.TOTAL)]
        if "tổng điểm" not in words:
            suffixes += [(", không tính điểm thưởng", ScoreBasis.STANDARD),
                         (" (không kể điểm thưởng)", ScoreBasis.STANDARD)]
        suffix, of = rng.choice(suffixes)
        words += suffix
    if kind == "share":
        return ScoreLine(share=pct / 100, of=of), words
    return ScoreLine(points=points, of=of), words


def _exclusion(rng: random.Random, written: str, code: str) -> tuple[str, list[str]]:
    pick = rng.random()
    if pick < 0.2:
        return "", []
    if pick < 0.35:
        return "không có cán bộ, viên chức bị kỷ luật", []
    noun = rng.choice(["tiêu chí", "mục"])
    forms = [f"không có cán bộ, viên chức bị kỷ luật ({noun} {written})",
             f"không có cán bộ, viên chức, người lao động bị kỷ luật ({noun} {written})",
             f"không có điểm trừ ở {noun} {written}",
             f"không có cá nhân bị xử lý kỷ luật ({noun} {written})"]
    return rng.choice(forms), [code]


def _general(rng: random.Random, line_words: str, exclusion_words: str) -> list[str]:
    """Conditions for every award, in their own sentences."""
    out = []
    if line_words:
        out.append(f"Đơn vị được đề nghị khen thưởng phải {line_words}.")
    if exclusion_words:
        if "bị kỷ luật" in exclusion_words and rng.random() < 0.5:
            code = exclusion_words[exclusion_words.find("("):] if "(" in exclusion_words else ""
            out.append(f"Đơn vị có cán bộ, viên chức bị kỷ luật {code} không được xét khen thưởng.".replace("  ", " "))
        else:
            out.append(f"Đơn vị được đề nghị khen thưởng phải {exclusion_words}.")
    return out


def _traps(rng: random.Random, place: str, structure: list) -> tuple[list[str], bool]:
    """Sentences tdkt must list as not understood, and whether one gives the flag another rank."""
    flag_word = "UBND Thành phố" if place == "city" else "UBND tỉnh"
    pool = [
        "Đơn vị xếp thứ nhất phải có ít nhất 01 cá nhân đạt danh hiệu Chiến sĩ thi đua thành phố.",
        "Tỷ lệ đơn vị được đề nghị tặng Bằng khen không quá 70% số đơn vị của Cụm.",
        "Đơn vị có điểm thưởng từ 5 điểm trở lên được ưu tiên xét Cờ thi đua của Chính phủ.",
        "Các đơn vị hoàn thành nhiệm vụ nhưng không đạt 80 điểm đề nghị tặng Giấy khen của Giám đốc Sở Nội vụ.",
        "Đơn vị xếp thứ năm đề nghị tặng Bằng khen của Thủ tướng Chính phủ.",
        "Trường hợp bằng điểm nhau thì ưu tiên đơn vị có nhiều sáng kiến hơn.",
        "Đơn vị đang bị thanh tra không được xét khen thưởng.",
        "Đơn vị xếp thứ nhất hoặc thứ hai có thể được đề nghị tặng Cờ thi đua của Chính phủ nếu đủ điều kiện.",
    ]
    contradiction = f"Đơn vị xếp thứ ba đề nghị tặng Cờ thi đua của {flag_word}."
    if ("flag", (2,)) in structure:
        pool.append(contradiction)
    traps = rng.sample(pool, rng.choice([0, 0, 1, 2]))
    return traps, contradiction in traps


def _layout(rng: random.Random, principles: list[list[str]], general: list[str], traps: list[str],
            notes: list[str]) -> tuple[list[Block], list[str]]:
    """Paragraphs of the document: some text before, the principles (heading, numbering, joined
    or not), traps and general conditions as their own sentences, some text after."""
    heading = rng.choice([None, *HEADINGS])
    label = rng.choice(LABELS)
    as_list_label = bool(label) and rng.random() < 0.3
    join = rng.choice(["blocks", "blocks", "semicolon", "period"])
    nfd = rng.random() < 0.3
    notes.append(f"heading={heading} label={label!r} list_label={as_list_label} join={join} nfd={nfd}")
    paragraphs: list[tuple[str, str | None]] = [(t, None) for t in rng.sample(BEFORE, rng.randint(0, 2))]
    if heading:
        paragraphs.append((heading, None))
    items = [" ".join(p) for p in principles]
    extra = general + traps
    unrelated = []
    if heading and rng.random() < 0.3:
        extra.append(IN_SECTION[0])
        unrelated.append(IN_SECTION[0])
    if join == "blocks":
        for i, item in enumerate(items):
            paragraphs.append(_labelled(item, label, i, as_list_label))
    else:
        joiner = "; " if join == "semicolon" else " "
        parts = []
        for i, item in enumerate(items):
            text = item.rstrip(".") if join == "semicolon" else item
            mark = _label(label, i)
            parts.append(f"{mark} {text}".strip() if join == "semicolon" and mark in ("a)", "1.") else text)
        paragraphs.append(("".join([joiner.join(parts), "" if parts[-1].endswith(".") else "."]), None))
    first = len(paragraphs) - (len(items) if join == "blocks" else 1)
    for sentence in extra:  # each in its own paragraph, among the principles
        paragraphs.insert(rng.randint(first, len(paragraphs)), (sentence, None))
    if rng.random() < 0.5:
        paragraphs.append((AFTER_HEADING, None))
        paragraphs += [(t, None) for t in rng.sample(AFTER, rng.randint(1, 2))]
    blocks = []
    for i, (text, list_label) in enumerate(paragraphs):
        raw = unicodedata.normalize("NFD", text) if nfd and rng.random() < 0.7 else text
        kind = BlockKind.HEADING if text == heading and rng.random() < 0.5 else BlockKind.PARAGRAPH
        blocks.append(Block(kind=kind, raw=raw, text=raw, list_label=list_label,
                            provenance=Provenance(file="Bang tieu chi.docx", paragraph=i)))
    return blocks, unrelated


def _label(label: str, i: int) -> str:
    if label == "a)":
        return f"{'abcdefgh'[i]})"
    if label == "1.":
        return f"{i + 1}."
    return label


def _labelled(item: str, label: str, i: int, as_list_label: bool) -> tuple[str, str | None]:
    mark = _label(label, i)
    if not mark:
        return item, None
    return (item, mark) if as_list_label else (f"{mark} {item}", None)
