"""The parallel paths read and draft exactly what the sequential path does.

One workspace of two clusters is run three times from identical copies: the plain functions one
file after another in this process (no Prefect, no worker processes), `tdkt process`'s flow
(clusters side by side, each cluster's files read side by side by the reading worker processes),
and the same flow on a Dask cluster (a LocalCluster of two worker processes standing in for
machines that share the workspace). The ledgers' facts and scores and the drafts' text must be
byte-identical.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import dask
import docx
import pytest
from distributed import LocalCluster
from test_criteria_in_inbox import ARRIVED, nested_inbox, put

from examples import SAMPLE_CLUSTER_DIR
from pipeline.runs.ledger import FileRow, Ledger
from pipeline.runs.workspace_run import WorkspaceRun, process_workspace

SAMPLE = ["BC TĐKT 2023 - ĐH VHNT Thủ đô.docx", "Bao cao tong ket thi dua 2023_CDYT.pdf",
          "Bao cao tong ket thi dua 2023_CDYT (gui lai).pdf", "Báo cáo tổng kết TĐKT năm 2023 (CĐSP Tây Hồ).docx"]


@pytest.fixture(scope="module")
def two_clusters(tmp_path_factory) -> Path:
    """inbox/ctd18: four sample files (one a copy of another); inbox/ctd24: a 1000-point criteria
    document of its own and two reports scored on it. Arrival times are fixed, so every copy of the
    workspace has the same order of arrival."""
    root = tmp_path_factory.mktemp("two-clusters")
    (root / "tdkt.yaml").write_text("settle_seconds: 0\n", encoding="utf-8")
    first = root / "inbox" / "ctd18"
    for i, name in enumerate(SAMPLE):
        put(first, SAMPLE_CLUSTER_DIR / "inbox" / name, name, ARRIVED + i)
    for name in ("cluster.yaml", "rubric.yaml", "rules.yaml"):
        shutil.copyfile(SAMPLE_CLUSTER_DIR / name, first / name)
    second = root / "inbox" / "ctd24"
    nested_inbox(second, tmp_path_factory.mktemp("scratch"))
    cluster = (SAMPLE_CLUSTER_DIR / "cluster.yaml").read_text(encoding="utf-8")
    (second / "cluster.yaml").write_text(cluster.replace("symbol: CTĐ18", "symbol: CTĐ24"), encoding="utf-8")
    return root


def copy_of(root: Path, where: Path, config: str = "") -> Path:
    shutil.copytree(root, where, copy_function=shutil.copy2)  # keeps the arrival times
    if config:
        with (where / "tdkt.yaml").open("a", encoding="utf-8") as f:
            f.write(config)
    return where


def ledger_facts(root: Path) -> dict[str, tuple]:
    """Everything the ledger knows about each file content, except when it was processed."""
    ledger = Ledger(f"sqlite:///{root / 'ledger.sqlite'}")
    try:
        with ledger.session() as s:
            rows = s.query(FileRow).all()
            return {r.sha256: (r.cluster, r.first_name, r.status, r.reason, r.message, r.unit_id, r.year,
                               r.doc_date, r.facts, r.criteria, r.understood_with) for r in rows}
    finally:
        ledger.close()


def scores(run: WorkspaceRun) -> dict[str, list[tuple]]:
    return {c.key: [(u.member_id, u.total, u.rank) for y in c.years for u in y.summary.result.board.units]
            for c in run.clusters}


def draft_texts(root: Path) -> dict[str, list[str]]:
    """Every draft's paragraphs and table cells, by its path under drafts/."""
    texts = {}
    for path in sorted((root / "drafts").rglob("*.docx")):
        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        texts[path.relative_to(root).as_posix()] = [p.text for p in document.paragraphs] + cells
    return texts


def test_the_parallel_and_dask_paths_give_what_the_sequential_path_gives(two_clusters, prefect_harness, tmp_path,
                                                                       monkeypatch):
    from flows.workspace import run_workspace as flow

    monkeypatch.setenv("TDKT_ISOLATE", "0")  # the reference: everything in this process, in order
    sequential = process_workspace(copy_of(two_clusters, tmp_path / "sequential"), workers=1)
    monkeypatch.delenv("TDKT_ISOLATE")
    # Dask's nanny starts workers as daemons by default, and a daemon may not start the reading
    # worker processes: a real worker is started with DASK_DISTRIBUTED__WORKER__DAEMON=False (README).
    with dask.config.set({"distributed.worker.daemon": False}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        parallel = flow(str(copy_of(two_clusters, tmp_path / "parallel")))
        on_dask = flow(str(copy_of(two_clusters, tmp_path / "dask", f"dask_address: {cluster.scheduler_address}\n")))

    expected = ledger_facts(tmp_path / "sequential")
    assert {row[1] for row in expected.values()} >= {"BC CĐYT 2023.docx", SAMPLE[0]}
    assert scores(sequential)["ctd24"] == [("cdsp", 1000, 1), ("cdyt", 980, 2)]
    assert len(scores(sequential)["ctd18"]) == 3
    texts = draft_texts(tmp_path / "sequential")
    assert len(texts) >= 10 and all(texts.values())
    for path, run in (("parallel", parallel), ("dask", on_dask)):
        assert ledger_facts(tmp_path / path) == expected, path
        assert scores(run) == scores(sequential), path
        assert draft_texts(tmp_path / path) == texts, path
