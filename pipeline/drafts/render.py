"""Render drafts from the .docx templates (docxtpl) and write them without touching earlier ones."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from pydantic import BaseModel

from pipeline.core.errors import TemplateError
from pipeline.core.files import write_atomically
from pipeline.drafts import minutes, nominations, pledge, proposal_letter, summary
from pipeline.drafts.document import DraftDocument
from pipeline.drafts.docx_format import enforce_fonts
from pipeline.drafts.spelling import canonical_context, verbatim_texts
from pipeline.results.outcome import ClusterResult
from templates import TEMPLATES_DIR

# The conference set, in the order its drafts are written: each document's module holds its
# context, how it is built and its entry (DOCUMENT).
DOCUMENTS: dict[str, DraftDocument] = {
    module.DOCUMENT.kind: module.DOCUMENT for module in (summary, nominations, proposal_letter, minutes, pledge)
}
SUMMARY = summary.DOCUMENT.kind
NOMINATIONS = nominations.DOCUMENT.kind
PROPOSAL = proposal_letter.DOCUMENT.kind
MINUTES = minutes.DOCUMENT.kind
PLEDGE = pledge.DOCUMENT.kind
SUMMARY_TEMPLATE = summary.DOCUMENT.template
NOMINATION_TEMPLATE = nominations.DOCUMENT.template

# What the nomination list decides: finalize rewrites these from the reviewers' list.
DEPENDS_ON_LIST = (PROPOSAL, MINUTES, SUMMARY)


class _CompiledOnce(jinja2.Environment):
    """Strict, escaping jinja that compiles each template text once: docxtpl hands it the same XML
    of a template's parts for every draft of that kind, and compiling was a quarter of rendering.
    Jinja's templates are immutable once compiled and render side by side safely."""

    _KEPT = 64  # distinct part texts kept (a template has a few; emptied when full)

    def __init__(self) -> None:
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=True)
        self._compiled: dict[str, jinja2.Template] = {}
        self._lock = threading.Lock()

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        with self._lock:
            found = self._compiled.get(source)
        if found is None:
            found = super().from_string(source)
            with self._lock:
                if len(self._compiled) >= self._KEPT:
                    self._compiled.clear()
                self._compiled[source] = found
        return found


_JINJA = _CompiledOnce()


def render_template(template: Path, context: BaseModel, out: Path) -> Path:
    """Render ``template`` with ``context`` into a new file at ``out`` (or a new version beside it).

    Variables the template names but the context lacks are errors (StrictUndefined); values are
    XML-escaped. The file is written under a temporary name and renamed, so a crash never leaves
    a half-written draft; an existing draft (perhaps edited by a reviewer) is never overwritten.
    """
    doc = DocxTemplate(str(template))
    try:
        doc.render(context.model_dump(), jinja_env=_JINJA, autoescape=True)
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
    """One document of the set, its text in the set's one spelling (drafts/spelling.py)."""
    document = DOCUMENTS[kind]
    context = canonical_context(document.context(result), keep=verbatim_texts(result))
    return render_template(templates / document.template, context, out)


def render_drafts(result: ClusterResult, out_dir: Path, templates: Path = TEMPLATES_DIR) -> dict[str, Path]:
    """The whole conference set for ``result``, by kind."""
    return {
        kind: render_document(kind, result, out_dir / document.name_for(result.year), templates)
        for kind, document in DOCUMENTS.items()
    }
