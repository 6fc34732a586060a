"""Shared fixtures: the sample cluster, read once per session, and LibreOffice for conversions."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from examples import SAMPLE_CLUSTER_DIR
from pipeline.results.outcome import FileOutcome
from pipeline.runs.steps import load_inputs, read_report, score_cluster, select_reports

SAMPLE_INBOX = SAMPLE_CLUSTER_DIR / "inbox"
GOOD = ["BC TĐKT 2023 - ĐH VHNT Thủ đô.docx", "Bao cao tong ket thi dua 2023_CDYT.pdf",
        "Báo cáo tổng kết TĐKT năm 2023 (CĐSP Tây Hồ).docx"]


@pytest.fixture(scope="session")
def sample_inputs():
    """(rubric, rules, cluster) of the sample cluster."""
    return load_inputs(
        SAMPLE_CLUSTER_DIR / "rubric.yaml", SAMPLE_CLUSTER_DIR / "rules.yaml", SAMPLE_CLUSTER_DIR / "cluster.yaml"
    )


@pytest.fixture(scope="session")
def expected() -> dict[str, dict]:
    """Ground truth written by examples/cluster18-2023/make_sample.py, by unit id."""
    entries = json.loads((SAMPLE_CLUSTER_DIR / "expected.json").read_text(encoding="utf-8"))
    return {e["unit_id"]: e for e in entries}


@pytest.fixture(scope="session")
def sample_facts(sample_inputs, expected):
    """What tdkt reads from each sample report, by unit id."""
    rubric, _, cluster = sample_inputs
    facts = {}
    for unit_id, entry in expected.items():
        outcome = read_report(SAMPLE_INBOX / entry["file"], rubric, cluster)
        assert outcome.rejection is None, outcome.rejection
        facts[unit_id] = outcome.facts
    return facts


@pytest.fixture(scope="session")
def sample_result(sample_facts, sample_inputs):
    """The sample cluster scored, ranked and nominated (no drafts written)."""
    rubric, rules, cluster = sample_inputs
    outcomes = [FileOutcome(file=f.file, sha256=f.sha256, facts=f) for f in sample_facts.values()]
    reports, rejected = select_reports(outcomes, 2023)
    return score_cluster(reports, rejected, rubric, rules, cluster, 2023)


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice's soffice. Missing is a failure (CI installs it) unless TDKT_SKIP_OFFICE=1."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path:
        return path
    if os.environ.get("TDKT_SKIP_OFFICE") == "1":
        pytest.skip("LibreOffice không có và TDKT_SKIP_OFFICE=1")
    pytest.fail("Cần LibreOffice (soffice) cho kiểm thử này: chạy ./scripts/system-tools")


@pytest.fixture(scope="session")
def to_pdf(soffice, tmp_path_factory):
    """Convert .docx files to PDF (or save them again as .docx) with LibreOffice headless, one
    private profile per session."""
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(files: list[Path], out_dir: Path, filter_options: str = "pdf") -> list[Path]:
        out_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", filter_options,
             "--outdir", str(out_dir), *map(str, files)],
            check=True, capture_output=True, timeout=180,
        )
        extension = filter_options.split(":")[0]  # "pdf", or "docx:MS Word 2007 XML" to save as Word does
        pdfs = [out_dir / f"{f.stem}.{extension}" for f in files]
        missing = [p for p in pdfs if not p.exists()]
        assert not missing, f"LibreOffice không tạo được {missing}"
        return pdfs

    return convert


@pytest.fixture(scope="session")
def bad_inbox(tmp_path_factory, to_pdf) -> Path:
    """Three good sample reports, six bad files (cut, encrypted, empty, not a report, an image) and a lock file."""
    inbox = tmp_path_factory.mktemp("inbox")
    for name in GOOD:
        shutil.copy2(SAMPLE_CLUSTER_DIR / "inbox" / name, inbox / name)
    docx_bytes = (inbox / GOOD[0]).read_bytes()
    pdf_bytes = (inbox / GOOD[1]).read_bytes()
    (inbox / "BC CĐNT (chép dở).docx").write_bytes(docx_bytes[: len(docx_bytes) // 2])
    (inbox / "BC CĐĐD bị cắt.pdf").write_bytes(pdf_bytes[: len(pdf_bytes) // 3])
    (inbox / "rong.docx").write_bytes(b"")
    (inbox / "ghi chu.txt").write_text("Gửi kèm báo cáo", encoding="utf-8")
    (inbox / "ảnh chụp.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200))
    (inbox / "~$ TĐKT 2023 - ĐH VHNT Thủ đô.docx").write_bytes(b"\x00lock")
    locked = docx.Document()
    locked.add_paragraph("Báo cáo có mật khẩu")
    work = tmp_path_factory.mktemp("work")
    locked.save(work / "co mat khau.docx")
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"123"}}')
    [pdf] = to_pdf([work / "co mat khau.docx"], work, options)
    shutil.copy2(pdf, inbox / "co mat khau.pdf")
    return inbox


@pytest.fixture(scope="session")
def postgres_url():
    """A throw-away PostgreSQL server for the session (Debian's binaries; as user postgres when root).
    Missing is a failure (CI installs it) unless TDKT_SKIP_POSTGRES=1."""
    import glob
    import socket
    import time as _time

    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not binaries:
        if os.environ.get("TDKT_SKIP_POSTGRES") == "1":
            pytest.skip("PostgreSQL không có và TDKT_SKIP_POSTGRES=1")
        pytest.fail("Cần PostgreSQL cho kiểm thử này: chạy ./scripts/system-tools")
    import tempfile

    bin_dir = Path(binaries[-1])
    # Not under pytest's tmp dirs: they are private to our user, and the server runs as postgres.
    base = Path(tempfile.mkdtemp(prefix="tdkt-postgres-"))
    data, sockets = base / "data", base / "run"
    sockets.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sockets, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
                   check=True, capture_output=True, timeout=120)
    subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o",
                    f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1", "start"],
                   check=True, capture_output=True, timeout=120)
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    deadline = _time.monotonic() + 30
    import psycopg

    while True:
        try:
            psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres").close()
            break
        except psycopg.OperationalError:
            if _time.monotonic() > deadline:
                raise
            _time.sleep(0.5)
    yield url, port
    subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                   capture_output=True, timeout=120)
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture()
def postgres_ledger_url(postgres_url, request):
    """A fresh database on the session's PostgreSQL server for one test."""
    import psycopg

    url, port = postgres_url
    name = "tdkt_" + "".join(ch for ch in request.node.name.lower() if ch.isalnum())[:40]
    with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def prefect_harness():
    """A Prefect server for the flows run in this process (started once: it takes ~10 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
