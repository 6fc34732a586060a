"""argparse in Vietnamese: its headings, help line and error messages (argparse looks each
message up through the module-level gettext functions it imported, so they are replaced there),
and a parser whose errors are one Vietnamese line and exit status 1, like tdkt's other errors."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

_MESSAGES = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in phiên bản của tdkt rồi thoát",
    "the following arguments are required: %s": "còn thiếu: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s không rõ, có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "tham số %r bị bỏ qua",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
}
_PLURALS = {("expected %s argument", "expected %s arguments"): "cần %s giá trị"}


def _gettext(message: str) -> str:
    return _MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _PLURALS.get((singular, plural), singular if n == 1 else plural)


def speak_vietnamese() -> None:
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]


# How help names the value an option takes (argparse would write the English "INBOX", "YEAR").
_METAVARS = {
    "inbox": "THƯ_MỤC", "out": "THƯ_MỤC", "workspace": "THƯ_MỤC", "drafts": "THƯ_MỤC", "year": "NĂM",
    "rubric": "TỆP", "rules": "TỆP", "cluster": "TỆP", "file": "TỆP", "rules_out": "TỆP",
    "nomination_list": "TỆP", "from_run": "ĐƯỜNG_DẪN", "name": "TÊN", "cluster_key": "MÃ_CỤM", "unit": "ĐƠN_VỊ",
}


class Parser(argparse.ArgumentParser):
    def add_argument(self, *names: str, **kwargs: object) -> argparse.Action:
        action = super().add_argument(*names, **kwargs)
        if "metavar" not in kwargs and action.dest in _METAVARS and action.nargs != 0:
            action.metavar = _METAVARS[action.dest]
        return action

    def error(self, message: str) -> NoReturn:
        print(f"Lỗi: {message} (xem: {self.prog} --help)", file=sys.stderr)
        sys.exit(1)
