"""Load a YAML configuration file into a pydantic model, with errors that name file and line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from pipeline.core.errors import ConfigError

M = TypeVar("M", bound=BaseModel)
Loc = Sequence[str | int]
# A semantic check returns (location in the YAML data, Vietnamese message) pairs.
Check = Callable[[M], list[tuple[Loc, str]]]

_PYDANTIC_MESSAGES = {
    "missing": "thiếu mục bắt buộc",
    "extra_forbidden": "mục không được hỗ trợ (kiểm tra chính tả)",
    "float_parsing": "phải là một số",
    "float_type": "phải là một số",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "string_type": "phải là chuỗi văn bản",
    "list_type": "phải là một danh sách",
    "dict_type": "phải là một nhóm mục (dạng khóa: giá trị)",
    "model_type": "phải là một nhóm mục (dạng khóa: giá trị)",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "literal_error": "giá trị không nằm trong các lựa chọn cho phép",
    "enum": "giá trị không nằm trong các lựa chọn cho phép",
    "greater_than_equal": "giá trị quá nhỏ",
    "greater_than": "giá trị quá nhỏ",
    "less_than_equal": "giá trị quá lớn",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_type": "phải là ngày dạng YYYY-MM-DD",
}


def _line_of(node: yaml.Node | None, loc: Loc) -> int | None:
    """1-based line of the YAML node at ``loc``, or of its nearest existing parent."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for key in loc:
        child = None
        if isinstance(node, yaml.MappingNode) and isinstance(key, str):
            child = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
        if child is None:
            return line
        node, line = child, child.start_mark.line + 1
    return line


def _at(line: int | None) -> str:
    """'dòng 4: ', or nothing when the place is not known (never 'dòng None')."""
    return f"dòng {line}: " if line is not None else ""


def _describe(loc: Loc) -> str:
    return ".".join(str(k) for k in loc) or "(toàn tệp)"


# Bounds on what a configuration file may be, checked on the parser's events before anything is
# built: a file within them costs milliseconds; one beyond (a billion-laughs alias bomb, a huge or
# deeply nested document) is refused with a plain reason instead of hanging or crashing the run.
MAX_BYTES = 5_000_000
MAX_NODES = 200_000
MAX_DEPTH = 64


def _check_shape(path: Path, text: str) -> None:
    nodes = depth = 0
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1
                raise ConfigError(str(path), [f"dòng {line}: tdkt không nhận bí danh YAML (*…); hãy viết đầy đủ "
                                              "giá trị"])
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ConfigError(str(path), [f"dòng {event.start_mark.line + 1}: các mục lồng nhau quá sâu "
                                                  f"(trên {MAX_DEPTH} cấp)"])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                nodes += 1
                if nodes > MAX_NODES:
                    raise ConfigError(str(path), [f"tệp có quá nhiều mục (trên {MAX_NODES:,}) cho một tệp cấu hình"
                                                  .replace(",", ".")])
    except yaml.YAMLError:
        return  # load_model reports the syntax error with its line


# libyaml's safe loader when PyYAML has it (about ten times faster on a rubric, same nodes and line
# marks); the pure-Python one otherwise.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_model(path: Path, model: type[M], check: Check | None = None) -> M:
    """Read ``path`` as YAML into ``model``; raise ConfigError listing every problem by line."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ConfigError(str(path), [f"tệp quá lớn cho một tệp cấu hình (trên {MAX_BYTES // 1_000_000} MB)"])
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ConfigError(str(path), ["không phải tệp văn bản UTF-8 (có phải tệp cấu hình YAML không?)"]) from e
    except OSError as e:
        raise ConfigError(str(path), [f"không đọc được tệp ({e.strerror or type(e).__name__})"]) from e
    _check_shape(path, text)
    try:
        root = yaml.compose(text, Loader=_LOADER)
        # The data from the same nodes (the line numbers' source), not from a second parse.
        data = _LOADER("").construct_document(root) if root is not None else None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"dòng {mark.line + 1}: " if mark else ""
        raise ConfigError(str(path), [f"{where}lỗi cú pháp YAML ({getattr(e, 'problem', e)})"]) from e
    try:
        obj = model.model_validate(data if data is not None else {})
    except ValidationError as e:
        problems = []
        for err in e.errors():
            loc = [k for k in err["loc"] if not (isinstance(k, str) and k.startswith("function-"))]
            line = _line_of(root, loc)
            msg = _PYDANTIC_MESSAGES.get(err["type"], err["msg"])
            problems.append(f"{_at(line)}{_describe(loc)}: {msg}")
        raise ConfigError(str(path), problems) from e
    if check is not None:
        issues = check(obj)
        if issues:
            raise ConfigError(str(path), [f"{_at(_line_of(root, loc))}{msg}" for loc, msg in issues])
    return obj
