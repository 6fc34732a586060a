"""Render drafts from the .docx templates (docxtpl) and write them without touching earlier ones."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from pydantic import BaseModel

from pipeline.core.errors import TemplateError
from pipeline.core.files import write_atomically
from pipeline.drafts.conference import minutes_context, pledge_context, proposal_letter_context
from pipeline.drafts.context import nomination_context, summary_context
from pipeline.drafts.docx_format import enforce_fonts
from pipeline.results.outcome import ClusterResult
from templates import TEMPLATES_DIR

SUMMARY_TEMPLATE = "bao-cao-tong-ket.docx"
NOMINATION_TEMPLATE = "danh-sach-de-nghi-khen-thuong.docx"


@dataclass(frozen=True)
class DraftDocument:
    """One document of the conference set: its template, its file name, how its context is built."""

    kind: str
    label: str  # how messages name it
    template: str
    file_name: str  # may name {year} and {next_year}
    context: Callable[[ClusterResult], BaseModel]

    def name_for(self, year: int) -> str:
        return self.file_name.format(year=year, next_year=year + 1)


SUMMARY, NOMINATIONS, PROPOSAL, MINUTES, PLEDGE = "summary", "nominations", "proposal", "minutes", "pledge"
DOCUMENTS: dict[str, DraftDocument] = {d.kind: d for d in (
    DraftDocument(SUMMARY, "Báo cáo tổng kết", SUMMARY_TEMPLATE, "bao-cao-tong-ket-{year}.docx",
                  summary_context),
    DraftDocument(NOMINATIONS, "Danh sách đề nghị khen thưởng", NOMINATION_TEMPLATE,
                  "danh-sach-de-nghi-khen-thuong-{year}.docx", nomination_context),
    DraftDocument(PROPOSAL, "Tờ trình", "to-trinh-de-nghi-khen-thuong.docx",
                  "to-trinh-de-nghi-khen-thuong-{year}.docx", proposal_letter_context),
    DraftDocument(MINUTES, "Biên bản hội nghị", "bien-ban-hoi-nghi.docx", "bien-ban-hoi-nghi-tong-ket-{year}.docx",
                  minutes_context),
    DraftDocument(PLEDGE, "Bản giao ước thi đua", "giao-uoc-thi-dua.docx", "giao-uoc-thi-dua-nam-{next_year}.docx",
                  pledge_context),
)}
# What the nomination list decides: finalize rewrites these from the reviewers' list.
DEPENDS_ON_LIST = (PROPOSAL, MINUTES, SUMMARY)


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
    return write_new(out, word.save)


def write_new(out: Path, write: Callable[[str], object]) -> Path:
    """Write a new file at ``out`` (or beside it as '(bản N)' if taken) through ``write(temp_path)``
    and a rename: never a half-written file, never over an existing one."""
    target = free_path(out)
    write_atomically(target, write)
    return target


def free_path(path: Path) -> Path:
    """``path`` if nothing is there yet, else the first free 'name (bản N).docx' beside it."""
    if not path.exists():
        return path
    n = 2
    while (candidate := path.with_name(f"{path.stem} (bản {n}){path.suffix}")).exists():
        n += 1
    return candidate


def render_document(kind: str, result: ClusterResult, out: Path, templates: Path = TEMPLATES_DIR) -> Path:
    document = DOCUMENTS[kind]
    return render_template(templates / document.template, document.context(result), out)


def render_drafts(result: ClusterResult, out_dir: Path, templates: Path = TEMPLATES_DIR) -> dict[str, Path]:
    """The whole conference set for ``result``, by kind."""
    return {
        kind: render_document(kind, result, out_dir / document.name_for(result.year), templates)
        for kind, document in DOCUMENTS.items()
    }
