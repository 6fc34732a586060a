"""Next year's pledge (Bản giao ước thi đua): the members sign up to common goals and to the
rubric's criteria and points for next year, and to how the cluster will run them; the signatures
stand two by two.
"""

from __future__ import annotations

from pydantic import BaseModel

from pipeline.config.drafting import drafting_vocabulary
from pipeline.config.rubric import Group, GroupKind
from pipeline.core.textnorm import Verbatim
from pipeline.core.textnorm import format_number as fmt
from pipeline.drafts import prose
from pipeline.drafts.common import CommonContext, bases, common_context
from pipeline.drafts.document import DraftDocument
from pipeline.results.outcome import ClusterResult


class PledgeCriterion(BaseModel):
    code: str
    title: str
    max: str
    group: bool


class PledgeSigner(BaseModel):
    unit: str
    title: str
    name: Verbatim


class SignerPair(BaseModel):
    left: PledgeSigner
    right: PledgeSigner | None


class PledgeContext(CommonContext):
    bases: list[str]
    members_intro: str
    member_names: list[str]
    goals: list[str]
    criteria: list[PledgeCriterion]
    points_note: str
    organisation: list[str]
    signer_pairs: list[SignerPair]


def pledge_context(result: ClusterResult) -> PledgeContext:
    common = common_context(result, "GƯTĐ")
    cluster, next_year = result.cluster, result.year + 1
    members = cluster.members
    rubric = result.rubric
    signers = [PledgeSigner(unit=m.name.upper(), title=m.head_title.upper(), name=m.head_name or "")
               for m in members]
    signers = _aligned(signers)
    standard = sum(g.points for g in rubric.groups_of(GroupKind.STANDARD))
    bonus = rubric.bonus_cap or sum(g.points for g in rubric.groups_of(GroupKind.BONUS))
    deductions = rubric.deduction_cap or sum(g.points for g in rubric.groups_of(GroupKind.DEDUCTION))
    note = f"Tổng điểm chuẩn: {fmt(standard)} điểm"
    if bonus:
        note += f"; điểm thưởng tối đa {fmt(bonus)} điểm"
    if deductions:
        note += f"; điểm trừ tối đa {fmt(deductions)} điểm"
    ld = result.nominations.leadership
    return PledgeContext(
        **common.model_dump(),
        bases=[
            *bases(result, adopted=False),
            f"Căn cứ kết quả Hội nghị tổng kết công tác thi đua, khen thưởng năm {result.year} của {cluster.name}",
        ],
        members_intro=(f"Các đơn vị thành viên {cluster.name} ({prose.two_digits(len(members))} đơn vị) cùng ký kết "
                       f"giao ước thi đua năm {next_year}:"),
        member_names=[m.name for m in members],
        goals=[
            f"Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm {next_year} của từng đơn vị; thực hiện tốt các chủ "
            "trương của Đảng, chính sách, pháp luật của Nhà nước và các chỉ tiêu được giao.",
            "Đẩy mạnh phong trào thi đua yêu nước, phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến, mô hình "
            "hay, cách làm sáng tạo; thực hiện công tác khen thưởng kịp thời, chính xác, công khai.",
            "Đoàn kết, phối hợp, trao đổi kinh nghiệm giữa các đơn vị trong Cụm.",
        ],
        criteria=[row for group in rubric.groups for row in _pledge_rows(group)],
        points_note=note + ".",
        organisation=[
            f"{ld.leader or 'Cụm trưởng'} (Cụm trưởng năm {next_year})"
            + (f" và {ld.deputy} (Cụm phó)" if ld.deputy else "")
            + " chủ trì, đôn đốc các đơn vị thực hiện giao ước; tổ chức sơ kết 6 tháng và tổng kết cuối năm.",
            f"Các đơn vị gửi báo cáo tổng kết và bảng tự chấm điểm năm {next_year} kèm minh chứng về đơn vị Cụm "
            "trưởng đúng thời hạn theo hướng dẫn của Cụm.",
            "Bản giao ước được lập thành các bản có giá trị như nhau, mỗi đơn vị giữ một bản.",
        ],
        signer_pairs=[SignerPair(left=signers[i], right=signers[i + 1] if i + 1 < len(signers) else None)
                      for i in range(0, len(signers), 2)],
    )


DOCUMENT = DraftDocument(
    kind="pledge",
    label="Bản giao ước thi đua",
    template="giao-uoc-thi-dua.docx",
    file_name="giao-uoc-thi-dua-nam-{next_year}.docx",
    context=pledge_context,
)


# A unit's name in the signature grid: 13 pt bold capitals in a cell of 82 mm hold about 27
# characters a line (LibreOffice, Word alike); lines are broken well before that, so that no word
# processor breaks them itself.
SIGNATURE_LINE_CHARS = 26
_EMPTY_LINE = "\u00a0"  # a line break followed by nothing is not drawn by every word processor


def _aligned(signers: list[PledgeSigner]) -> list[PledgeSigner]:
    """Every unit name broken into lines of at most SIGNATURE_LINE_CHARS and padded to the
    longest, so titles and names stand on the same lines across the grid."""
    lines = [_name_lines(s.unit) for s in signers]
    height = max((len(ls) for ls in lines), default=1)
    return [s.model_copy(update={"unit": "\n".join(ls + [_EMPTY_LINE] * (height - len(ls)))})
            for s, ls in zip(signers, lines, strict=True)]


def _name_lines(name: str) -> list[str]:
    """The fewest lines of at most SIGNATURE_LINE_CHARS: a break after the unit's type when that
    fits ("TRƯỜNG CAO ĐẲNG" / "SƯ PHẠM MẦM NON HOÀNG MAI"), else lines filled in turn."""
    types = sorted((t.upper() for t in drafting_vocabulary().unit_types), key=len, reverse=True)
    head = next((t for t in types if name.startswith(t + " ")), None)
    if len(name) > SIGNATURE_LINE_CHARS and head and len(name) - len(head) - 1 <= SIGNATURE_LINE_CHARS:
        return [head, name[len(head) + 1:]]
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= SIGNATURE_LINE_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _pledge_rows(group: Group) -> list[PledgeCriterion]:
    """The group and its criteria as next year's pledge lists them, points as the table writes
    them ("10", "+0,5", "-0,25/trường hợp", "Tối đa 5"); a row without a code of its own stays
    without one."""
    def shown(code: str) -> str:
        return "" if code.endswith("]") else code

    rows = [PledgeCriterion(code=shown(group.code), title=group.title, max=group.points_text().capitalize(),
                            group=True)]
    for c in group.walk():
        rows.append(PledgeCriterion(code=shown(c.code), title=c.title, max=c.points_text(), group=False))
    return rows
