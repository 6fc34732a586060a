"""A rubric written out as the YAML tdkt reads, with what the import noticed as comments (the
Word table for signing is a reviewer tool: pipeline/tools/rubric_docx.py)."""

from __future__ import annotations

import yaml

from pipeline.config.rubric import Rubric
from pipeline.criteria.importer import RubricImport


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


def rubric_yaml(rubric: Rubric, imported: RubricImport | None = None, how: str = "tdkt rubric import") -> str:
    """The rubric as YAML, keys in reading order, defaults left out; with an import's notes and
    ``how`` it was imported (the command, or the inbox)."""
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
        head.append(f"# Nhập từ tệp {imported.source} bằng: {how}")
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
