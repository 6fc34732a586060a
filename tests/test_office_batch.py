"""The .doc, .odt and .rtf files of a batch are converted by one LibreOffice call
(pipeline/runs/office_batch.py), and each is read exactly as its own conversion would have read it;
a file the batch leaves unconverted (broken, hanging, the batch out of time) is converted alone and
named with the reason it always had.

LibreOffice is counted through a wrapper put first on PATH, which writes down each call (its
profile and its files) and hangs on a file that says "TDKT-TREO" (after converting the files before
it, as LibreOffice does with a file it hangs on). The counted tests read in this process
(TDKT_ISOLATE=0): the reading workers keep the PATH they started with.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from examples import SAMPLE_CLUSTER_DIR
from extractors import extract, file_sha256
from extractors.sniff import may_need_libreoffice
from pipeline.core.errors import RejectReason
from pipeline.core.model import Document
from pipeline.core.settings import Settings
from pipeline.runs.inbox_run import PlainInboxSteps, list_inbox
from pipeline.runs.office_batch import converted_together, current_conversions
from pipeline.runs.steps import open_file_isolated

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
LEGACY = ["doc/A-dhvhnt.doc", "doc/B-cdyt-tcvn3.doc", "odt/A-cdnt.odt", "odt/B-cddd.odt", "rtf/A-cdmn.rtf",
          "rtf/B-dhvhnt.rtf"]
HANGS = r"{\rtf1\ansi Bao cao TDKT-TREO\par}"
NOT_OPENED = "LibreOffice không mở được tệp (tệp có thể bị hỏng hoặc không phải văn bản)"

_WRAPPER = '''#!{python}
import json, os, subprocess, sys, time
REAL = {real!r}
args = sys.argv[1:]
head = args[:args.index("--outdir") + 2]
files = args[len(head):]
profile = next(a for a in args if a.startswith("-env:UserInstallation="))
with open({log!r}, "a", encoding="utf-8") as out:
    out.write(json.dumps({{"profile": profile, "files": [os.path.basename(f) for f in files]}}) + "\\n")
hang = next((f for f in files if b"TDKT-TREO" in open(f, "rb").read()), None)
if hang is None:
    os.execv(REAL, [REAL, *args])
before = files[:files.index(hang)]
for _ in range(2 if before else 0):  # a new profile: LibreOffice stops once (81) after setting it up
    if subprocess.run([REAL, *head, *before]).returncode != 81:
        break
time.sleep(600)
'''


@dataclass
class Calls:
    log: Path

    def conversions(self) -> list[list[str]]:
        """The files of each conversion, in order: one per profile (a new profile makes LibreOffice
        stop once after setting it up, so a conversion may be two calls)."""
        seen: dict[str, list[str]] = {}
        lines = self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []
        for line in lines:
            call = json.loads(line)
            seen.setdefault(call["profile"], call["files"])
        return list(seen.values())


@pytest.fixture()
def counted(tmp_path, monkeypatch, soffice) -> Calls:
    real = Path(soffice).resolve().with_name("soffice.bin")
    folder = tmp_path / "bin"
    folder.mkdir()
    wrapper = folder / "soffice"
    log = tmp_path / "soffice-calls.jsonl"
    wrapper.write_text(_WRAPPER.format(python=sys.executable, real=str(real), log=str(log)), encoding="utf-8")
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("TDKT_ISOLATE", "0")
    return Calls(log)


@pytest.fixture(scope="module")
def alone(soffice) -> dict[str, Document]:
    """Each corpus legacy file read the way it always was: converted by a LibreOffice call of its own."""
    return {Path(f).name: extract(CORPUS / f) for f in LEGACY}


def _inbox(tmp_path: Path, files: dict[str, Path | str]) -> Path:
    inbox = tmp_path / "inbox"
    for name, source in files.items():
        (inbox / name).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            shutil.copyfile(source, inbox / name)
        else:
            (inbox / name).write_text(source, encoding="ascii")
    return inbox


def _open(inbox: Path) -> dict[str, object]:
    listing = list_inbox(inbox)
    opened = PlainInboxSteps().open([(path, listing.name(path)) for path in listing.files])
    return {o.outcome.file: o for o in opened}


def _without_names(doc: Document) -> dict:
    """The document with every file name (its own, each block's provenance) left out."""
    def walk(value: object) -> object:
        if isinstance(value, dict):
            return {k: "" if k == "file" else walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return walk(doc.model_dump(mode="json"))


def test_six_legacy_files_are_converted_in_one_call_and_read_as_each_alone(tmp_path, counted, alone):
    sample = SAMPLE_CLUSTER_DIR / "inbox"
    inbox = _inbox(tmp_path, {**{Path(f).name: CORPUS / f for f in LEGACY},
                              "BC.docx": sample / "BC TĐKT 2023 - ĐH VHNT Thủ đô.docx",
                              "BC.pdf": sample / "Bao cao tong ket thi dua 2023_CDYT.pdf"})
    opened = _open(inbox)
    assert counted.conversions() == [[f"{file_sha256(CORPUS / f)}.{Path(f).suffix[1:]}" for f in sorted(
        LEGACY, key=lambda f: Path(f).name)]]  # one call, the inbox's six legacy files, nothing else
    for name, document in alone.items():
        assert opened[name].document == document, name
    assert [opened[n].document.format.value for n in ("A-dhvhnt.doc", "A-cdnt.odt", "A-cdmn.rtf")] == [
        "doc", "odt", "rtf"]
    assert opened["BC.docx"].document.format.value == "docx" and opened["BC.pdf"].document.pages


def test_files_named_alike_or_awkwardly_each_get_their_own_conversion(tmp_path, counted, alone):
    """Two inputs called input.doc in two folders, a name LibreOffice would take for an option, and
    a byte-identical copy (converted once)."""
    inbox = _inbox(tmp_path, {"a/input.doc": CORPUS / LEGACY[0], "b/input.doc": CORPUS / LEGACY[1],
                              "c/input.doc": CORPUS / LEGACY[0], "-BC quý 4; (bản cuối) #2.rtf": CORPUS / LEGACY[4]})
    opened = _open(inbox)
    [conversion] = counted.conversions()
    assert len(conversion) == 3
    for name, source in (("a/input.doc", LEGACY[0]), ("b/input.doc", LEGACY[1]), ("c/input.doc", LEGACY[0]),
                         ("-BC quý 4; (bản cuối) #2.rtf", LEGACY[4])):
        document = opened[name].document
        assert _without_names(document) == _without_names(alone[Path(source).name]), name
        assert document.file == name and {b.provenance.file for b in document.blocks} == {name}


def test_a_broken_file_in_a_batch_is_named_alone_and_the_others_are_read(tmp_path, counted, alone):
    broken = (CORPUS / LEGACY[1]).read_bytes()[:5000]  # a Word 97 file cut short: LibreOffice cannot open it
    (tmp_path / "cut.doc").write_bytes(broken)
    inbox = _inbox(tmp_path, {"1.doc": CORPUS / LEGACY[0], "2-cut.doc": tmp_path / "cut.doc",
                              "3.odt": CORPUS / LEGACY[2], "4.rtf": CORPUS / LEGACY[4]})
    opened = _open(inbox)
    conversions = counted.conversions()
    assert [len(c) for c in conversions] == [4, 1]  # the batch, then the broken file alone
    assert conversions[1] == ["input.doc"]  # today's conversion of one file
    rejection = opened["2-cut.doc"].outcome.rejection
    assert (rejection.file, rejection.reason, rejection.message) == ("2-cut.doc", RejectReason.CORRUPT, NOT_OPENED)
    for name, source in (("1.doc", LEGACY[0]), ("3.odt", LEGACY[2]), ("4.rtf", LEGACY[4])):
        assert _without_names(opened[name].document) == _without_names(alone[Path(source).name])


def test_a_file_that_hangs_libreoffice_is_named_alone_and_the_others_are_read(tmp_path, counted, alone,
                                                                               monkeypatch):
    """The batch converts the files before it, then is stopped at its time limit; the files it
    left are converted one by one, the one that hangs until its own limit."""
    monkeypatch.setenv("TDKT_MAX_SECONDS", "8")
    inbox = _inbox(tmp_path, {"1.doc": CORPUS / LEGACY[0], "2.odt": CORPUS / LEGACY[2],
                              "3-treo.rtf": HANGS, "4.rtf": CORPUS / LEGACY[4]})
    opened = _open(inbox)
    assert [len(c) for c in counted.conversions()] == [4, 1, 1]  # the batch, then 3-treo.rtf and 4.rtf alone
    rejection = opened["3-treo.rtf"].outcome.rejection
    assert (rejection.file, rejection.reason) == ("3-treo.rtf", RejectReason.LIMIT)
    assert rejection.message.startswith("LibreOffice chưa chuyển xong tệp sau 6,4 giây (giới hạn max_seconds)")
    for name, source in (("1.doc", LEGACY[0]), ("2.odt", LEGACY[2]), ("4.rtf", LEGACY[4])):
        assert _without_names(opened[name].document) == _without_names(alone[Path(source).name])


def test_a_batch_out_of_time_leaves_every_file_to_its_own_conversion(tmp_path, counted, alone, monkeypatch):
    import extractors.office_convert as office

    monkeypatch.setattr(office, "_BATCH_START_SECONDS", 0.5)  # the wrapper writes the call down, no more
    monkeypatch.setattr(office, "_BATCH_SECONDS_PER_FILE", 0.0)
    names = [Path(f).name for f in LEGACY[:3]]
    opened = _open(_inbox(tmp_path, {Path(f).name: CORPUS / f for f in LEGACY[:3]}))
    assert [len(c) for c in counted.conversions()] == [3, 1, 1, 1]
    assert [opened[n].document for n in names] == [alone[n] for n in names]


def test_the_workers_read_what_a_batch_converted_in_a_worker_of_its_own(tmp_path, alone):
    """With the reading isolated (the default): the batch's worker leaves a .docx per content, named
    by its sha256, which each file's worker reads; the folder is gone afterwards. A batch whose
    worker runs out of time converts nothing, and the files are still read."""
    paths = [CORPUS / f for f in LEGACY]
    with converted_together(paths, Settings()):
        folder = current_conversions()
        assert sorted(p.name for p in folder.glob("*.docx")) == sorted(f"{file_sha256(p)}.docx" for p in paths)
        opened = [open_file_isolated(p, p.name) for p in paths]
    assert [o.document for o in opened] == [alone[p.name] for p in paths]
    assert not folder.exists() and current_conversions() is None
    with converted_together(paths[:2], Settings(max_seconds=0.05)):
        assert list(current_conversions().glob("*.docx")) == []
        first = open_file_isolated(paths[0], paths[0].name)
    assert first.document == alone[paths[0].name]


def test_a_workspace_converts_its_new_legacy_files_together_and_its_copies_not_at_all(tmp_path, counted,
                                                                                      monkeypatch):
    from pipeline.runs import intake
    from pipeline.runs.intake import Outcome
    from pipeline.runs.workspace_run import process_workspace

    root = tmp_path / "ws"
    (root / "inbox").mkdir(parents=True)
    for name in ("cluster.yaml", "rubric.yaml", "rules.yaml"):
        shutil.copyfile(SAMPLE_CLUSTER_DIR / name, root / name)
    (root / "tdkt.yaml").write_text("settle_seconds: 0\n", encoding="utf-8")
    for f in LEGACY[:4]:
        shutil.copyfile(CORPUS / f, root / "inbox" / Path(f).name)
    shutil.copyfile(CORPUS / LEGACY[0], root / "inbox" / "A-dhvhnt (gửi lại).doc")
    [cluster] = process_workspace(root).clusters
    outcomes = {i.name: i.outcome for i in cluster.ingested}
    assert outcomes["A-dhvhnt (gửi lại).doc"] is Outcome.DUPLICATE
    assert [outcomes[Path(f).name] for f in LEGACY[:4]] == [Outcome.READ] * 4
    assert [len(c) for c in counted.conversions()] == [4]
    # A new reader: the reports are read again from the archive, their conversions in one call too.
    monkeypatch.setattr(intake, "READER_VERSION", "đọc lại")
    process_workspace(root)
    assert [len(c) for c in counted.conversions()] == [4, 4]


def test_which_files_may_need_libreoffice_is_told_from_their_first_bytes(tmp_path):
    sample = SAMPLE_CLUSTER_DIR / "inbox"
    assert all(may_need_libreoffice(CORPUS / f) for f in LEGACY)
    assert not any(may_need_libreoffice(p) for p in sample.iterdir())  # .docx and .pdf
    odt = tmp_path / "khac.odt"  # a valid .odt whose mimetype entry is not first: left to its reading
    with zipfile.ZipFile(CORPUS / LEGACY[2]) as source, zipfile.ZipFile(odt, "w") as out:
        for item in [*source.infolist()[1:], source.infolist()[0]]:
            out.writestr(item, source.read(item.filename))
    assert not may_need_libreoffice(odt) and not may_need_libreoffice(tmp_path / "không có.doc")
