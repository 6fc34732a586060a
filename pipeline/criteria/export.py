"""A rubric written out: as the YAML tdkt reads (with what the import noticed as comments), and
as the Word table clusters sign ("STT | Nội dung tiêu chí | Điểm chuẩn")."""

from __future__ import annotations

from pathlib import Path

import docx
import yaml

from pipeline.drafts.docx_format import fixed_widths, repeat_header_row, setup_document
from pipeline.rubric import Criterion, GroupKind, Rubric
from pipeline.criteria.importer import RubricImport
from pipeline.textnorm import format_number as fmt


class _Dumper(yaml.SafeDumper):
    pass


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = bool(data) and all(isinstance(x, str | int | float) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_float(dumper: yaml.SafeDumper, data: float) -> yaml.Node:
    if data.is_integer():
        return dumper.represent_int(int(data))
    return dumper.represent_float(data)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(float, _represent_float)


def rubric_yaml(rubric: Rubric, imported: RubricImport | None = None) -> str:
    """The rubric as YAML, keys in reading order, defaults left out; with an import's notes."""
    data = rubric.model_dump(mode="json", exclude_defaults=True)
    data.setdefault("scale", rubric.scale)
    data.setdefault("step", rubric.step)
    for group, model in zip(data["groups"], rubric.groups, strict=True):
        group["kind"] = model.kind.value
        _drop_inherited_kinds(group.get("criteria", []), model.kind.value)
        first = ("code", "title", "kind", "max")
        ordered = {k: group[k] for k in first if k in group} | {k: v for k, v in group.items() if k not in first}
        group.clear()
        group.update(ordered)
    keys = ("name", "scale", "step", "bonus_cap", "deduction_cap", "groups")
    body = yaml.dump({k: data[k] for k in keys if k in data}, Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, width=110)
    head = ["# Bảng tiêu chí chấm điểm thi đua cho tdkt (cấu trúc: xem templates/rubric.yaml)."]
    if imported is not None:
        head.append(f"# Nhập từ tệp {imported.source} bằng: tdkt rubric import")
        head.append("# Cụm từ minh chứng (evidence) là gợi ý từ tên tiêu chí: hãy rà soát, bổ sung.")
        for title, lines in (("Cần sửa trước khi dùng", imported.problems),
                             ("Dòng không xếp được vào bảng", imported.unplaced),
                             ("Lưu ý", imported.notes)):
            if lines:
                head.append(f"# {title}:")
                head += [f"#   - {line}" for line in lines]
    return "\n".join(head) + "\n" + body


def _drop_inherited_kinds(criteria: list[dict], inherited: str) -> None:
    """A criterion's kind is written only where it differs from what holds it (a bonus item
    inside a standard criterion), as an officer would write it."""
    for criterion in criteria:
        kind = criterion.get("kind", inherited)
        if kind == inherited:
            criterion.pop("kind", None)
        _drop_inherited_kinds(criterion.get("criteria", []), kind)


def write_rubric_docx(rubric: Rubric, path: Path) -> Path:
    """The rubric as a Word table, coded as clusters write it (I / 1 / a); importing it again
    gives the same rubric."""
    doc = docx.Document()
    setup_document(doc)
    doc.add_paragraph(rubric.name.upper() if len(rubric.name) < 90 else rubric.name, style="TDKT Trích yếu")
    doc.add_paragraph(f"(Thang điểm {fmt(rubric.scale)} điểm)", style="TDKT Căn cứ")
    table = doc.add_table(rows=1, cols=3)
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, ("STT", "Nội dung tiêu chí", "Điểm chuẩn"), strict=True):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = doc.styles["TDKT Bảng tiêu đề"]
    for group in rubric.groups:
        prefix = {GroupKind.BONUS: "tối đa ", GroupKind.DEDUCTION: "trừ tối đa "}.get(group.kind, "")
        _row(doc, table, _last(group.code), group.title, f"{prefix}{fmt(group.max)}", bold=True)
        for criterion in group.criteria:
            _criterion_rows(doc, table, criterion, group.kind, depth=1)
    standard = rubric.scale
    _row(doc, table, "", "TỔNG CỘNG (điểm chuẩn)", fmt(standard), bold=True)
    fixed_widths(table, [18, 120, 27])
    repeat_header_row(table)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def _criterion_rows(doc: object, table: object, criterion: Criterion, kind: GroupKind, depth: int) -> None:
    points = fmt(criterion.max)
    if kind is GroupKind.DEDUCTION:
        points = f"-{points}"
    _row(doc, table, _last(criterion.code), criterion.title, points, bold=bool(criterion.criteria))
    for child in criterion.criteria:
        _criterion_rows(doc, table, child, kind, depth + 1)


def _last(code: str) -> str:
    return code.rsplit(".", 1)[-1]


def _row(doc: object, table: object, code: str, title: str, points: str, bold: bool) -> None:
    cells = table.add_row().cells
    for cell, text, style in ((cells[0], code, "TDKT Bảng giữa"), (cells[1], title, "TDKT Bảng"),
                              (cells[2], points, "TDKT Bảng giữa")):
        cell.paragraphs[0].style = doc.styles[style]
        run = cell.paragraphs[0].add_run(text)
        run.bold = bold
