"""The `tdkt` command: run the inbox pipeline, the built-in demo, or show what tdkt read from a file."""

from __future__ import annotations

import argparse
import atexit
import logging
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cli.checks import DISK_FULL, check_arguments, disk_full, os_error_message
from cli.deploy import add_deploy_command
from cli.vietnamese import Parser, speak_vietnamese
from pipeline.core.collector import settle as settle_collector

# Prefect reads these when it is imported: no telemetry, no growing event tables (stack.md).
_PREFECT_ENV = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED": "events,flow_runs",
}


def main(argv: list[str] | None = None) -> int:
    speak_vietnamese()
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    from pipeline.core.errors import TdktError

    problem = check_arguments(args)
    if problem:
        print(f"Lỗi: {problem}", file=sys.stderr)
        return 1
    try:
        return args.handler(args)
    except TdktError as e:
        print(f"Lỗi: {e}", file=sys.stderr)
        return 1
    except OSError as e:  # a file that went away, a folder that cannot be written: the user's to fix
        print(f"Lỗi: {os_error_message(e)}", file=sys.stderr)
        return 1
    except Exception as e:
        if disk_full(e):  # the ledger's database says so in its own words (sqlite: "database or disk is full")
            print(f"Lỗi: {DISK_FULL}", file=sys.stderr)
            return 1
        # Never a traceback for the user; the details go to the log for whoever asks with -v.
        logging.getLogger("tdkt").debug("lỗi không mong muốn", exc_info=e)
        print(f"Lỗi không mong muốn ({type(e).__name__}): {e}. Chạy lại với -v để xem chi tiết, và báo bộ phận CNTT.",
              file=sys.stderr)
        if getattr(args, "verbose", False):
            raise
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="tdkt",
        description="Tổng hợp báo cáo thi đua, khen thưởng của Cụm thi đua: đọc báo cáo các đơn vị, "
        "chấm điểm theo bảng tiêu chí, dự thảo báo cáo tổng kết và danh sách đề nghị khen thưởng.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="in chi tiết nhật ký xử lý")
    parser.add_argument("--version", action="version", version=f"tdkt {_version()}",
                        help="in phiên bản của tdkt rồi thoát")
    commands = parser.add_subparsers(dest="command", title="lệnh", metavar="LỆNH")

    demo = commands.add_parser("demo", help="chạy thử trên Cụm thi đua mẫu có sẵn")
    demo.add_argument("--workspace", type=Path, default=Path("tdkt-demo"),
                      help="thư mục làm việc sẽ tạo (mặc định: ./tdkt-demo)")
    demo.set_defaults(handler=_demo)

    run = commands.add_parser("run", help="xử lý một thư mục báo cáo")
    run.add_argument("--inbox", type=Path, required=True, help="thư mục chứa báo cáo của các đơn vị")
    run.add_argument("--out", type=Path, required=True, help="thư mục ghi dự thảo và kết quả xử lý")
    run.add_argument("--year", type=int, help="năm tổng kết (mặc định: năm của đa số báo cáo)")
    run.add_argument("--rubric", type=Path, help="bảng tiêu chí YAML (mặc định: bảng tiêu chí Cụm bỏ trong hộp thư, "
                     "nếu có, rồi templates/rubric.yaml)")
    run.add_argument("--rules", type=Path, help="quy tắc khen thưởng YAML (mặc định: nguyên tắc trong bảng tiêu chí "
                     "của Cụm, nếu có, rồi templates/award-rules.yaml)")
    run.add_argument("--cluster", type=Path,
                     help="thông tin Cụm YAML (mặc định: các đơn vị có báo cáo trong thư mục)")
    run.set_defaults(handler=_run)

    process = commands.add_parser("process", help="xử lý hộp thư của một không gian làm việc (một lần)")
    process.add_argument("--workspace", type=Path, default=Path("."), help="thư mục không gian làm việc")
    process.set_defaults(handler=_process)

    serve = commands.add_parser("serve", help="chạy theo lịch: xử lý hộp thư định kỳ (mặc định 10 phút)")
    serve.add_argument("--workspace", type=Path, default=Path("."), help="thư mục không gian làm việc")
    serve.set_defaults(handler=_serve)
    add_deploy_command(commands)

    extract = commands.add_parser("extract", help="xem tdkt đọc được gì từ một tệp")
    extract.add_argument("file", type=Path, help="tệp báo cáo hoặc văn bản cần xem")
    extract.add_argument("--json", action="store_true", help="in toàn bộ dạng JSON (khối văn bản và dữ kiện)")
    extract.add_argument("--rubric", type=Path, help="bảng tiêu chí YAML (mặc định: templates/rubric.yaml)")
    extract.add_argument("--cluster", type=Path, help="thông tin Cụm YAML, để nhận ra tên đơn vị")
    extract.set_defaults(handler=_extract)

    explain = commands.add_parser(
        "explain", help="giải thích điểm của một đơn vị: từng tiêu chí, quy tắc chấm và minh chứng",
        description="In điểm tự chấm, điểm đề xuất, quy tắc và đoạn trích minh chứng (tệp, trang) của một đơn vị, "
        "như Phụ lục của báo cáo tổng kết. Đọc kết quả đã có, không đọc lại báo cáo.")
    explain.add_argument("unit", help="mã, tên, tên viết tắt hoặc một phần tên đơn vị, ví dụ cdyt hoặc “Y tế”")
    explain.add_argument("--workspace", type=Path, default=Path("."), help="không gian làm việc (mặc định: .)")
    explain.add_argument("--cluster-key", help="mã Cụm khi không gian làm việc có nhiều Cụm")
    explain.add_argument("--from-run", type=Path, help="thư mục --out (hoặc tệp ket-qua-xu-ly-….json) của tdkt run")
    explain.add_argument("--year", type=int, help="năm (mặc định: năm mới nhất)")
    explain.add_argument("--all-evidence", action="store_true", help="in mọi đoạn minh chứng, đầy đủ")
    explain.set_defaults(handler=_explain)

    rubric = commands.add_parser("rubric", help="bảng tiêu chí: nhập từ văn bản của Cụm, xuất ra bảng Word")
    rubric_commands = rubric.add_subparsers(dest="rubric_command", title="lệnh", metavar="LỆNH", required=True)
    rubric_import = rubric_commands.add_parser(
        "import", help="đọc bảng tiêu chí của Cụm (.docx, PDF) thành tệp rubric.yaml",
        description="Đọc bảng “STT/Mã | Nội dung tiêu chí | Điểm chuẩn” (nhóm I, II, …, tiêu chí con, điểm thưởng, "
        "điểm trừ) thành tệp YAML tdkt dùng để chấm điểm; báo những dòng không xếp được.")
    rubric_import.add_argument("file", type=Path, help="văn bản bảng tiêu chí (.docx, .pdf, .doc, .odt)")
    rubric_import.add_argument("--out", type=Path, default=Path("rubric.yaml"),
                               help="tệp YAML ghi ra (mặc định: rubric.yaml)")
    rubric_import.add_argument("--rules-out", type=Path,
                               help="tệp quy tắc khen thưởng YAML ghi ra từ nguyên tắc xét khen thưởng trong văn bản "
                               "(mặc định: rules.yaml cạnh tệp --out; chỉ ghi khi văn bản có nêu nguyên tắc)")
    rubric_import.add_argument("--name", help="tên bảng tiêu chí (mặc định: tiêu đề trong văn bản)")
    rubric_import.add_argument("--force", action="store_true", help="ghi đè tệp --out nếu đã có")
    rubric_import.set_defaults(handler=_rubric_import)
    rubric_table = rubric_commands.add_parser("table", help="xuất bảng tiêu chí YAML thành bảng Word để ký, gửi")
    rubric_table.add_argument("rubric", type=Path, help="tệp rubric.yaml")
    rubric_table.add_argument("--out", type=Path, required=True, help="tệp .docx ghi ra")
    rubric_table.add_argument("--force", action="store_true", help="ghi đè tệp --out nếu đã có")
    rubric_table.set_defaults(handler=_rubric_table)

    finalize = commands.add_parser(
        "finalize", help="hoàn thiện bộ hồ sơ sau khi đã sửa danh sách đề nghị khen thưởng trong Word",
        description="Lấy danh sách đề nghị khen thưởng đã sửa (bản lưu gần nhất) làm căn cứ, cập nhật Tờ trình, "
        "bảng điểm và bảng biểu quyết trong Biên bản, phần đề nghị trong Báo cáo tổng kết cho khớp; "
        "không ghi đè tệp nào, bộ hồ sơ mới ghi vào thư mục con hoan-thien/ cùng báo cáo thay đổi.",
    )
    finalize.add_argument("drafts", type=Path,
                          help="thư mục dự thảo: thư mục --out của tdkt run, hoặc drafts/<cụm>/<năm> của không gian "
                          "làm việc")
    finalize.add_argument("--year", type=int, help="năm (mặc định: năm có kết quả xử lý trong thư mục)")
    finalize.add_argument("--danh-sach", dest="nomination_list", type=Path,
                          help="tệp danh sách đã sửa (mặc định: tệp danh-sach-de-nghi-khen-thuong-… lưu gần nhất)")
    finalize.set_defaults(handler=_finalize)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tdkt")
    except PackageNotFoundError:
        return "(chưa cài đặt)"


def _quiet_prefect(verbose: bool, console_level: str = "CRITICAL") -> None:
    """Prefect's run loggers at INFO, so that each file's line reaches the run's logs in the Prefect
    UI; its console handler quiet, so that the terminal shows tdkt's own lines (printed by the run's
    watcher) and its one-line errors, not Prefect's English chatter and tracebacks. -v shows all.
    `tdkt serve` keeps warnings and errors on its console (the service's journal); its scheduled
    runs inherit this environment."""
    for key, value in _PREFECT_ENV.items():
        os.environ.setdefault(key, value)
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "INFO" if verbose else console_level)
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")


def _run_flow(args: argparse.Namespace, inbox: Path, out: Path, rubric: Path | None, rules: Path | None,
              cluster: Path | None) -> int:
    _quiet_prefect(args.verbose)
    from flows.server_choice import choose_server

    api_url, sentence = choose_server(None)
    print(f"Đang xử lý {inbox}. {sentence}", flush=True)
    server = _temporary_server(api_url)
    _warm_up_while_a_server_starts(api_url, None)
    from cli.output import console, print_summary
    from flows.inbox import run_inbox

    settle_collector()
    with _watching(console, temporary_server=api_url is None):
        if server is not None:
            server.wait_ready()
        summary = run_inbox(inbox, out, year=getattr(args, "year", None), rubric=rubric, rules=rules,
                            cluster=cluster)
    print_summary(summary)
    return 0 if summary.drafts else 1


def _temporary_server(api_url: str | None) -> object | None:
    """With no server to use, the run's temporary one, started now: it starts while this process
    imports the flows (flows/temporary_server.py)."""
    if api_url is not None:
        return None
    from flows.temporary_server import TemporaryServer

    server = TemporaryServer()
    os.environ["PREFECT_API_URL"] = server.start()
    return server


def _warm_up_while_a_server_starts(api_url: str | None, workspace: object | None, new_files: bool = True) -> None:
    """A temporary Prefect server takes seconds to start: the reading workers start meanwhile, if
    there may be files to read (with a running server a run with nothing new would only pay for them)."""
    if api_url is not None or not new_files:
        return
    from pipeline.core.settings import Settings
    from pipeline.runs.isolation import warm_up

    warm_up(workspace.config().limits.settings() if workspace is not None else Settings())


def _settled(workspace: object) -> object | None:
    """The run, done here without Prefect, when no cluster has anything to do: a temporary server
    would take longer to start and stop than the whole run (with a running server the flow runs as
    usual and is recorded there). Asked only when no inbox entry looks new (_maybe_new_files), so a
    run with work does not check twice."""
    from cli.output import console
    from pipeline.runs.workspace_run import settled_workspace

    with _watching(console, temporary_server=False):
        settled = settled_workspace(workspace.root)
    if settled is not None:
        print("Không có gì mới trong hộp thư và cấu hình không đổi: lần chạy này không cần máy chủ Prefect.")
    return settled


def _maybe_new_files(workspace: object) -> bool:
    """Whether any inbox entry changed since the SQLite ledger was last written (its ctime moves
    when a file is copied, moved or renamed in, whatever mtime the copy keeps). A guess that only
    decides whether to start the reading workers early: a PostgreSQL ledger always says yes."""
    ledger = workspace.ledger_file
    if workspace.config().ledger_url or not ledger.exists():
        return True
    since = max([ledger.stat().st_mtime, *(p.stat().st_mtime for p in ledger.parent.glob("ledger.sqlite-*"))])
    for folder, _, names in os.walk(workspace.inbox):
        for name in names:
            try:
                stat = os.lstat(os.path.join(folder, name))
            except OSError:
                continue
            if max(stat.st_mtime, stat.st_ctime) > since:
                return True
    return False


@contextmanager
def _watching(console: object, temporary_server: bool) -> Iterator[None]:
    """The run reports its files to a progress display while it works (lines only when the output
    is not a terminal)."""
    from cli.progress_view import ProgressView
    from pipeline.runs.progress import watching

    starting = "đang khởi động máy chủ Prefect tạm thời …" if temporary_server else "đang chuẩn bị …"
    with ProgressView(console, starting) as view, watching(view):
        yield


def _run(args: argparse.Namespace) -> int:
    from pipeline.runs.steps import load_inputs

    if not args.inbox.is_dir():
        print(f"Lỗi: không thấy thư mục hộp thư {args.inbox}", file=sys.stderr)
        return 1
    load_inputs(args.rubric, args.rules, args.cluster)  # a broken file is said before any server starts
    return _run_flow(args, args.inbox, args.out, args.rubric, args.rules, args.cluster)


def _demo(args: argparse.Namespace) -> int:
    """Make a workspace holding the sample cluster (never deleting anything there) and process it."""
    from examples import SAMPLE_CLUSTER_DIR

    ws = args.workspace
    inbox = ws / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    for name in ("cluster.yaml", "rubric.yaml", "rules.yaml"):
        if not (ws / name).exists():
            shutil.copyfile(SAMPLE_CLUSTER_DIR / name, ws / name)
    # The sample files "arrived" a minute ago, one after another, the resent copy last.
    arrived = time.time() - 60
    sources = sorted((SAMPLE_CLUSTER_DIR / "inbox").iterdir(), key=lambda p: (len(p.name), p.name))
    for i, source in enumerate(sources):
        target = inbox / source.name
        if not target.exists():
            shutil.copyfile(source, target)
            os.utime(target, (arrived + i, arrived + i))
    print(f"Không gian làm việc mẫu: {ws.resolve()}")
    return _process_workspace(args, ws)


def _process(args: argparse.Namespace) -> int:
    if not (args.workspace / "inbox").is_dir():
        print(f"Lỗi: {args.workspace} chưa có thư mục inbox/ (hộp thư)", file=sys.stderr)
        return 1
    return _process_workspace(args, args.workspace)


def _process_workspace(args: argparse.Namespace, ws: Path) -> int:
    _quiet_prefect(args.verbose)
    from flows.server_choice import choose_server
    from pipeline.runs.workspace import Workspace

    workspace = Workspace(ws.resolve())
    api_url, sentence = choose_server(workspace)
    from cli.output import console, print_workspace_run

    new_files = _maybe_new_files(workspace)
    if api_url is None and not new_files and (settled := _settled(workspace)) is not None:
        print_workspace_run(settled)
        return 1 if any(c.problem for c in settled.clusters) else 0
    if api_url:
        os.environ["PREFECT_API_URL"] = api_url
    print(sentence, flush=True)
    server = _temporary_server(api_url)
    _warm_up_while_a_server_starts(api_url, workspace, new_files)
    from flows.workspace import run_workspace

    settle_collector()
    with _watching(console, temporary_server=api_url is None):
        if server is not None:
            server.wait_ready()
        run = run_workspace(str(ws.resolve()))
    print_workspace_run(run)
    return 1 if any(c.problem for c in run.clusters) else 0


def _serve(args: argparse.Namespace) -> int:
    _quiet_prefect(args.verbose, console_level="WARNING")
    from flows.serve import serve_workspace
    from pipeline.runs.workspace import Workspace

    settle_collector()
    return serve_workspace(Workspace(args.workspace.resolve()).create())


def _extract(args: argparse.Namespace) -> int:
    from cli.output import print_extract
    from extractors import extract as extract_document
    from pipeline.runs.steps import load_inputs, read_report, ruleset_for
    from pipeline.understanding import understand

    logging.basicConfig(level=logging.WARNING)
    rubric, _, cluster = load_inputs(args.rubric, None, args.cluster)
    if args.json:
        document = extract_document(args.file)
        facts = understand(document, rubric, ruleset_for(rubric, cluster))
        payload = {"document": document.model_dump(mode="json"), "facts": facts.model_dump(mode="json")}
        import json

        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    outcome = read_report(args.file, rubric, cluster)
    print_extract(outcome)
    return 0 if outcome.facts or outcome.criteria else 1


def _refuse_overwrite(path: Path, force: bool) -> bool:
    if path.exists() and not force:
        print(f"Lỗi: {path} đã có (có thể đã được sửa tay); chọn tệp khác bằng --out hoặc thêm --force để ghi đè",
              file=sys.stderr)
        return True
    return False


def _rubric_import(args: argparse.Namespace) -> int:
    from cli.output import print_rubric_import
    from pipeline.criteria import RubricImportError, import_file
    from pipeline.criteria.export import rubric_yaml
    from pipeline.criteria.principles import principles_yaml

    rules_out = args.rules_out or args.out.with_name("rules.yaml")
    if _refuse_overwrite(args.out, args.force):
        return 1
    if not args.file.is_file():
        print(f"Lỗi: không thấy tệp {args.file}", file=sys.stderr)
        return 1
    try:
        imported = import_file(args.file, args.name)
    except RubricImportError as e:
        print(f"Lỗi: {args.file.name}: {e}", file=sys.stderr)
        return 1
    if imported.rules is not None and _refuse_overwrite(rules_out, args.force):
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(rubric_yaml(imported.rubric, imported), encoding="utf-8")
    written_rules = None
    if imported.rules is not None:
        rules_out.parent.mkdir(parents=True, exist_ok=True)
        rules_out.write_text(principles_yaml(imported.principles, imported.source), encoding="utf-8")
        written_rules = rules_out
    print_rubric_import(imported, args.out, written_rules)
    return 1 if imported.problems else 0


def _rubric_table(args: argparse.Namespace) -> int:
    from pipeline.config.rubric import load_rubric
    from pipeline.tools.rubric_docx import write_rubric_docx

    if _refuse_overwrite(args.out, args.force):
        return 1
    path = write_rubric_docx(load_rubric(args.rubric), args.out)
    print(f"Đã ghi bảng tiêu chí: {path}")
    return 0


def _explain(args: argparse.Namespace) -> int:
    from cli.output import print_explanation
    from pipeline.results.explain import explain_unit, find_unit

    if args.from_run:
        from pipeline.results.run_report import load_run_result

        result = load_run_result(args.from_run, args.year)
    else:
        from pipeline.runs.workspace_run import workspace_result

        result = workspace_result(args.workspace.resolve(), args.cluster_key, args.year)
    unit = find_unit(result, args.unit)
    if args.all_evidence:
        explanation = explain_unit(result, unit, quotes=10_000, quote_chars=None, flagged_quotes=10_000)
    else:
        explanation = explain_unit(result, unit, quotes=2, quote_chars=240)
    print_explanation(explanation, result.year)
    return 0


def _finalize(args: argparse.Namespace) -> int:
    from pipeline.tools.finalize import finalize

    done = finalize(args.drafts, args.year, args.nomination_list)
    print(done.report.read_text(encoding="utf-8"), end="")
    print(f"Báo cáo hoàn thiện: {done.report}")
    return 0


def run() -> None:
    """The `tdkt` program: main(), then out without tearing the interpreter down. Python's own exit
    frees every object one by one (half a second with Prefect and the readers loaded, a sixth of a
    no-op `tdkt process`); the atexit handler registered here first runs last, after Prefect's
    (which send the run's last logs to its server) and after the output is flushed."""
    code: list[int] = [1]

    def leave() -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code[0])

    atexit.register(leave)
    try:
        code[0] = main()
    except SystemExit as e:  # --help, --version, argparse's errors
        code[0] = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        if isinstance(e.code, str):
            print(e.code, file=sys.stderr)


if __name__ == "__main__":
    run()
