"""The cluster's criteria document found in an inbox: imported, chosen, written out for review.

A criteria document (bảng tiêu chí chấm điểm thi đua) dropped among the reports is the cluster's
own table: tdkt imports it once per content and scores the cluster on it. What a cluster is
scored with, strongest first:

  rubric   an officer's file for this cluster (rubric.yaml beside its cluster.yaml, or --rubric)
           > the newest criteria document in its inbox > the workspace's shared rubric.yaml
           > tdkt's default (templates/rubric.yaml)
  rules    the same order, the document's nomination principles in the document's place

"Newest" is the later date written in the document, then the later arrival; the older ones are
set aside as superseded, named. A criteria document that cannot be imported is set aside by the
reader (pipeline.runs.steps) with its reason, and the cluster falls back as if it were not there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config.award_rules import AwardRules, check_rules, check_rules_for_rubric, load_rules
from pipeline.config.cluster import Cluster
from pipeline.config.rubric import Rubric, load_rubric
from pipeline.core.errors import ConfigError, RejectReason
from pipeline.core.files import fitted_name, write_text_atomically
from pipeline.core.model import Document
from pipeline.criteria import IMPORTER_VERSION, RubricImport, RubricImportError, import_rubric
from pipeline.criteria.export import rubric_yaml
from pipeline.criteria.principles import principles_yaml
from pipeline.results.outcome import CriteriaChoice, CriteriaDocument, FileOutcome, Origin, Rejection
from pipeline.understanding.header import read_header
from templates import DEFAULT_RUBRIC, DEFAULT_RULES, TEMPLATES_DIR

REVIEW_FOLDER = "bang-tieu-chi"


@dataclass(frozen=True)
class ConfigFiles:
    """A cluster's rubric and rules files before any criteria document: each with its origin
    (an officer's file beats a criteria document; a shared or default file does not)."""

    rubric: Path
    rubric_origin: Origin
    rules: Path
    rules_origin: Origin
    base: Path | None = None  # paths in the run report are shown relative to this folder


@dataclass
class ClusterInputs:
    """What a cluster is scored with, where each part came from, and the criteria documents
    that were not chosen (older ones, identical copies)."""

    rubric: Rubric
    rules: AwardRules
    cluster: Cluster | None
    choice: CriteriaChoice
    set_aside: list[Rejection] = field(default_factory=list)


def command_line_files(rubric: Path | None, rules: Path | None) -> ConfigFiles:
    """`tdkt run`: --rubric and --rules are the officer's files; without them, the defaults."""
    return ConfigFiles(rubric or DEFAULT_RUBRIC, Origin.OFFICER if rubric else Origin.DEFAULT,
                       rules or DEFAULT_RULES, Origin.OFFICER if rules else Origin.DEFAULT)


# --- reading -------------------------------------------------------------------------------


def import_criteria(doc: Document, arrived: float | None) -> CriteriaDocument:
    """A criteria document as imported. Raises RubricImportError when its table cannot be read."""
    imported = import_rubric(doc)
    return CriteriaDocument(file=doc.file, sha256=doc.sha256, arrived=arrived, doc_date=read_header(doc).doc_date,
                            rubric=imported.rubric, principles=imported.principles, unplaced=list(imported.unplaced),
                            problems=list(imported.problems), notes=list(imported.notes),
                            importer=IMPORTER_VERSION)


def criteria_outcome(doc: Document, arrived: float | None) -> FileOutcome:
    """The outcome of an inbox file that is a criteria document: imported, or set aside with
    the reason (an import that fails never stops the run)."""
    try:
        criteria = import_criteria(doc, arrived)
    except RubricImportError as e:
        why = str(e)
    except Exception as e:  # an importer bug: this file is set aside, the run goes on
        why = f"lỗi không mong muốn khi nhập bảng ({type(e).__name__}), hãy báo bộ phận CNTT"
    else:
        return FileOutcome(file=doc.file, arrived=arrived, sha256=doc.sha256, criteria=criteria)
    message = (f"đây là bảng tiêu chí chấm điểm thi đua nhưng tdkt không nhập được ({why}); Cụm được chấm theo "
               "bảng tiêu chí khác (xem mục Bảng tiêu chí)")
    return FileOutcome(file=doc.file, arrived=arrived, sha256=doc.sha256, rejection=Rejection(
        file=doc.file, sha256=doc.sha256, reason=RejectReason.CRITERIA_UNREADABLE, message=message))


# --- choosing ------------------------------------------------------------------------------


def choose_criteria(files: ConfigFiles, found: list[CriteriaDocument], unreadable: list[str],
                    cluster: Cluster | None) -> ClusterInputs:
    """The rubric and rules a cluster is scored with. Raises ConfigError for a broken YAML file,
    or for rules that do not fit the rubric (the rules file is named)."""
    ordered, set_aside = _newest_first(found)
    newest = ordered[0] if ordered else None
    set_aside += [_superseded(old, newest) for old in ordered[1:]]
    rubric, rubric_origin, rubric_file = _rubric(files, newest)
    rules, rules_origin, rules_file, notes = _rules(files, newest, rubric, cluster)
    choice = CriteriaChoice(rubric_origin=rubric_origin, rubric_file=rubric_file, rules_origin=rules_origin,
                            rules_file=rules_file, document=newest, unreadable=unreadable, notes=notes)
    return ClusterInputs(rubric, rules, cluster, choice, set_aside)


def _newest_first(found: list[CriteriaDocument]) -> tuple[list[CriteriaDocument], list[Rejection]]:
    """One document per content, newest first (date written in it, then arrival); the later
    byte-identical copies as duplicates."""
    unique: dict[str, CriteriaDocument] = {}
    copies = []
    for doc in sorted(found, key=lambda d: (d.arrived or 0, len(d.file), d.file)):
        if doc.sha256 in unique:
            copies.append(Rejection(file=doc.file, sha256=doc.sha256, reason=RejectReason.DUPLICATE,
                                    message=f"trùng hoàn toàn với tệp {unique[doc.sha256].file} (đã xử lý)"))
        else:
            unique[doc.sha256] = doc
    ordered = sorted(unique.values(), key=lambda d: (d.doc_date is not None, d.doc_date or dt.date.min,
                                                     d.arrived or 0), reverse=True)
    return ordered, copies


def _superseded(old: CriteriaDocument, newest: CriteriaDocument) -> Rejection:
    return Rejection(file=old.file, sha256=old.sha256, reason=RejectReason.SUPERSEDED, replaced_by=newest.sha256,
                     message=f"đã có bảng tiêu chí mới hơn ({newest.file}); bảng này không dùng để chấm")


def _rubric(files: ConfigFiles, newest: CriteriaDocument | None) -> tuple[Rubric, Origin, str | None]:
    if newest is not None and files.rubric_origin is not Origin.OFFICER:
        return newest.rubric, Origin.DOCUMENT, None
    return load_rubric(files.rubric), files.rubric_origin, shown(files.rubric, files.base)


def _rules(files: ConfigFiles, newest: CriteriaDocument | None, rubric: Rubric,
           cluster: Cluster | None) -> tuple[AwardRules, Origin, str | None, list[str]]:
    notes = []
    fallback = shown(files.rules, files.base)
    if newest is not None and newest.rules is not None and files.rules_origin is not Origin.OFFICER:
        problems = [msg for _, msg in check_rules(newest.rules, cluster)] + _misfits(newest.rules, rubric)
        if not problems:
            return newest.rules, Origin.DOCUMENT, None, notes
        notes.append(f"Nguyên tắc đề nghị khen thưởng đọc từ {newest.file} chưa dùng được ({'; '.join(problems)}); "
                     f"dùng {fallback}")
    rules = load_rules(files.rules, cluster)
    problems = _misfits(rules, rubric)
    if problems:
        raise ConfigError(str(files.rules), problems)
    return rules, files.rules_origin, fallback, notes


def _misfits(rules: AwardRules, rubric: Rubric) -> list[str]:
    """What in the rules the rubric cannot satisfy (deduction codes it does not have, a score
    line above its scale)."""
    return check_rules_for_rubric(rules, rubric)


def shown(path: Path, base: Path | None) -> str:
    """A configuration file as the run report names it: tdkt's defaults as templates/…, a file
    of the workspace relative to it."""
    resolved = path.resolve()
    if resolved.is_relative_to(TEMPLATES_DIR):
        return f"templates/{resolved.relative_to(TEMPLATES_DIR).as_posix()}"
    if base is not None and resolved.is_relative_to(base.resolve()):
        return resolved.relative_to(base.resolve()).as_posix()
    return str(path)


# --- writing out for review ----------------------------------------------------------------


def export_for_review(choice: CriteriaChoice, folder: Path, base: Path, adopt: str) -> CriteriaChoice:
    """Write the chosen criteria document's rubric (and rules) as YAML in ``folder`` for an
    officer to review and adopt, once per content: a file already there is never rewritten.
    ``adopt`` says how to adopt them, "{files}" standing for the files' names."""
    doc = choice.document
    if doc is None:
        return choice
    target = folder / fitted_name(Path(doc.file).stem, f" ({doc.sha256[:8]})")  # a 255-byte name fits too
    texts = {"rubric.yaml": _rubric_text(doc)}
    if doc.rules is not None:
        texts["rules.yaml"] = _rules_text(doc)
    written = []
    for name, text in texts.items():
        path = target / name
        if not path.exists():
            write_text_atomically(path, text)
        written.append(path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path))
    files = " và ".join(texts)
    return choice.model_copy(update={"exported": written, "adopt": adopt.format(files=files)})


def _rubric_text(doc: CriteriaDocument) -> str:
    imported = RubricImport(rubric=doc.rubric, source=doc.file, unplaced=doc.unplaced, notes=doc.notes,
                            problems=doc.problems, principles=doc.principles)
    return _review_header(doc, "rubric.yaml") + rubric_yaml(doc.rubric, imported, how="tdkt, khi tệp được bỏ vào "
                                                                                     "hộp thư")


def _rules_text(doc: CriteriaDocument) -> str:
    return _review_header(doc, "rules.yaml") + principles_yaml(doc.principles, doc.file)


def _review_header(doc: CriteriaDocument, name: str) -> str:
    return (f"# tdkt viết tệp này từ bảng tiêu chí {doc.file} trong hộp thư, để cán bộ rà soát;\n"
            "# tdkt không sửa lại tệp này. Dùng cố định: rà soát, sửa nếu cần, rồi chép thành\n"
            f"# {name} của Cụm (cạnh cluster.yaml), hoặc dùng với tdkt run --{name.removesuffix('.yaml')}.\n"
            "# Tệp cán bộ viết luôn được ưu tiên hơn bảng tiêu chí trong hộp thư.\n")

