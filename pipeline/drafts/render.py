"""Render drafts from the .docx templates (docxtpl) and write them without touching earlier ones."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from pydantic import BaseModel

from pipeline.drafts.context import nomination_context, summary_context
from pipeline.drafts.docx_format import enforce_fonts
from pipeline.errors import TemplateError
from pipeline.outcome import ClusterResult
from templates import TEMPLATES_DIR

SUMMARY_TEMPLATE = "bao-cao-tong-ket.docx"
NOMINATION_TEMPLATE = "danh-sach-de-nghi-khen-thuong.docx"


def render_template(template: Path, context: BaseModel, out: Path) -> Path:
    """Render ``template`` with ``context`` into a new file at ``out`` (or a new version beside it).

    Variables the template names but the context lacks are errors (StrictUndefined); values are
    XML-escaped. The file is written under a temporary name and renamed, so a crash never leaves
    a half-written draft; an existing draft (perhaps edited by a reviewer) is never overwritten.
    """
    doc = DocxTemplate(str(template))
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    try:
        doc.render(context.model_dump(), jinja_env=env, autoescape=True)
    except jinja2.TemplateError as e:
        raise TemplateError(f"Mẫu {template.name} không hợp lệ hoặc dùng dữ liệu không có: {e}") from e
    word = doc.docx
    enforce_fonts(word.element)
    enforce_fonts(word.styles.element)
    for section in word.sections:
        for part in (section.header, section.first_page_header, section.footer, section.first_page_footer):
            enforce_fonts(part._element)
    target = free_path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tdkt-", suffix=".docx", dir=target.parent)
    os.close(fd)
    try:
        word.save(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def free_path(path: Path) -> Path:
    """``path`` if nothing is there yet, else the first free 'name (bản N).docx' beside it."""
    if not path.exists():
        return path
    n = 2
    while (candidate := path.with_name(f"{path.stem} (bản {n}){path.suffix}")).exists():
        n += 1
    return candidate


def render_drafts(result: ClusterResult, out_dir: Path, templates: Path = TEMPLATES_DIR) -> list[Path]:
    year = result.year
    summary = out_dir / f"bao-cao-tong-ket-{year}.docx"
    nominations = out_dir / f"danh-sach-de-nghi-khen-thuong-{year}.docx"
    return [
        render_template(templates / SUMMARY_TEMPLATE, summary_context(result), summary),
        render_template(templates / NOMINATION_TEMPLATE, nomination_context(result), nominations),
    ]
