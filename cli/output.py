"""What the CLI prints: where the drafts are, a short results table, files set aside and why."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from pipeline.config.rubric import GroupKind
from pipeline.core.textnorm import format_number as fmt
from pipeline.core.textnorm import printable
from pipeline.criteria.importer import RubricImport
from pipeline.nomination.nominate import Status
from pipeline.results.explain import UnitExplanation
from pipeline.results.outcome import FileOutcome, Rejection, RunSummary, YearHeadline
from pipeline.results.run_report import criteria_lines
from pipeline.runs.workspace_run import WorkspaceRun
from pipeline.understanding.facts import AwardFact, MetricFact, ReportFacts

# soft_wrap: a line is never broken by rich (a path cut in two cannot be copied; a log keeps one line).
console = Console(highlight=False, soft_wrap=True)


def print_workspace_run(run: WorkspaceRun) -> None:
    if not run.clusters:
        console.print("Hộp thư trống: chưa có báo cáo nào và chưa có tệp thông tin Cụm.")
    for cluster in run.clusters:
        console.print(f"\n[bold]Cụm {cluster.key}[/bold]")
        if cluster.problem:
            console.print(f"  Không xử lý được Cụm này: {cluster.problem}", markup=False)
            continue
        # Each file's line was printed as it was done (cli.progress_view).
        if cluster.waiting:
            console.print(f"  Để lần sau (đang sao chép hoặc vừa đến): {', '.join(cluster.waiting)}", markup=False)
        if cluster.drafting_skipped:
            console.print("  Một lần chạy khác đang viết dự thảo của Cụm này.")
        for year in cluster.years:
            if year.version is None:
                console.print(f"  Năm {year.year}: không có gì mới; dự thảo giữ nguyên.")
            else:
                console.print(f"  Năm {year.year}: đã ghi dự thảo bản {year.version}.")
            print_headline(year.headline, [], "Dự thảo (bản mới nhất):")


def print_summary(summary: RunSummary, rejected: bool = True, drafts_label: str = "Dự thảo đã ghi:") -> None:
    year = summary.result.year if summary.result else summary.year or 0
    print_headline(YearHeadline.of(year, summary), summary.rejected if rejected else [], drafts_label)


def print_headline(headline: YearHeadline, rejected: list[Rejection], drafts_label: str) -> None:
    if headline.criteria:
        for line in criteria_lines(headline.criteria):
            console.print(line, markup=False)
    if headline.nominations is not None:
        table = Table(title=f"Kết quả chấm điểm năm {headline.year}", title_justify="left")
        for column in ("Hạng", "Đơn vị", "Điểm", "Đề xuất"):
            table.add_column(column, justify="right" if column in ("Hạng", "Điểm") else "left")
        for nomination in headline.nominations.nominations:
            award = nomination.award or "Không đề nghị"
            if nomination.status is Status.TIE_VOTE:
                award += " (đồng điểm, Cụm biểu quyết)"
            table.add_row(str(nomination.rank), nomination.name, fmt(nomination.total), award)
        console.print(table)
        leadership = headline.nominations.leadership
        console.print(f"Cụm trưởng năm {headline.year + 1}: {leadership.leader or 'Cụm biểu quyết'}; "
                      f"Cụm phó: {leadership.deputy or 'Cụm biểu quyết'}")
    if rejected:
        console.print(f"\n[bold]Tệp không dùng ({len(rejected)}):[/bold]")
        for rejection in rejected:
            console.print(printable(f"  - {rejection.file}: {rejection.message}"), markup=False)
    if headline.problem:
        console.print(f"\n[bold red]Không tạo được dự thảo:[/bold red] {headline.problem}")
    if headline.drafts:
        console.print(f"\n[bold]{drafts_label}[/bold]")
        for path in headline.drafts:
            console.print(f"  {path}", markup=False)
        folder = Path(headline.drafts[0]).parent
        console.print(f"Sửa danh sách đề nghị khen thưởng trong Word xong, chạy: tdkt finalize \"{folder}\" để cập "
                      "nhật Tờ trình, Biên bản và Báo cáo theo danh sách.", markup=False)
    if headline.report:
        console.print(f"Kết quả xử lý chi tiết: {headline.report}", markup=False)


def print_extract(outcome: FileOutcome) -> None:
    if outcome.rejection:
        console.print(f"{outcome.file}: {outcome.rejection.message}", markup=False)
        return
    if outcome.criteria:
        console.print(f"{outcome.file}: bảng tiêu chí chấm điểm thi đua của Cụm ({outcome.criteria.describe()}), "
                      "không phải báo cáo của đơn vị. Bỏ vào hộp thư cùng các báo cáo để Cụm được chấm theo bảng "
                      "này, hoặc xem chi tiết: tdkt rubric import", markup=False)
        return
    facts = outcome.facts
    unit = f"{facts.unit.name} (ghi là “{facts.unit.as_written}”)" if facts.unit else "chưa xác định"
    console.print(f"Tệp: {facts.file}\nĐơn vị: {unit}\nNăm: {facts.year}\n"
                  f"Số văn bản: {facts.doc_number or '-'}  Ngày: {facts.doc_date or '-'}", markup=False)
    if facts.self_scores:
        table = Table(title="Bảng tự chấm điểm", title_justify="left")
        for column in ("Mã", "Nội dung", "Tối đa", "Tự chấm", "Vị trí"):
            table.add_column(column)
        for row in facts.self_scores.rows:
            table.add_row(row.code or row.code_as_written, row.label[:60],
                          fmt(row.max_points) if row.max_points is not None else "",
                          row.self_score_as_written, row.provenance.describe())
        console.print(table)
    for award in facts.awards:
        console.print(f"Khen thưởng: {award.award} — {award.count} {award.recipient.value} "
                      f"({award.quote.provenance.describe()})", markup=False)
    for metric in facts.metrics:
        console.print(f"Số liệu: {metric.measure} = {fmt(metric.value)} {metric.unit}", markup=False)
    _print_history(facts)
    for note in facts.notes:
        console.print(f"Lưu ý: {note}", markup=False)


def _print_history(facts: ReportFacts) -> None:
    """Earlier years' awards and figures the report recalls: shown with their year, not counted."""
    not_counted = f"không tính cho năm {facts.year}"
    if facts.past_awards:
        console.print(f"Khen thưởng các năm trước ({not_counted}):", markup=False)
        for award in facts.past_awards:
            console.print(f"  - {_stated_year(award)}: {award.award} — {award.count} {award.recipient.value} "
                          f"({award.quote.provenance.describe()})", markup=False)
    if facts.past_metrics:
        console.print(f"Số liệu các năm trước ({not_counted}):", markup=False)
        for metric in facts.past_metrics:
            console.print(f"  - {_stated_year(metric)}: {metric.measure} = {fmt(metric.value)} {metric.unit}",
                          markup=False)


def _stated_year(fact: AwardFact | MetricFact) -> str:
    return f"Năm {fact.first_year}-{fact.year}" if fact.first_year else f"Năm {fact.year}"


def print_explanation(unit: UnitExplanation, year: int) -> None:
    console.print(f"[bold]{unit.name}[/bold] — năm {year}", markup=True)
    console.print(f"Tự chấm {unit.self_total} điểm; Cụm chấm {unit.total} điểm; xếp thứ {unit.rank}. "
                  f"Minh chứng trích từ tệp {unit.file} (trừ khi ghi tệp khác).", markup=False)
    for note in unit.notes:
        console.print(f"  ! {note}", markup=False)
    for c in unit.criteria:
        mark = " [bold yellow]≠[/bold yellow]" if c.differs and c.self_score else ""
        console.print(f"\n[bold]{c.code}[/bold] {_escape(c.title)} — chuẩn {c.max}, tự chấm {c.self_score or '-'}, "
                      f"đề xuất [bold]{c.proposed}[/bold]{mark}")
        if c.guidance:
            console.print(f"  Cách chấm (theo bảng tiêu chí): {c.guidance}", markup=False)
        console.print(f"  {c.reason}", markup=False)
        for flag in c.flags:
            console.print(f"  Cần rà soát: {flag}", markup=False)
        for e in c.evidence:
            console.print(f"  “{e.quote}” ({e.source})", markup=False)
        if c.more_evidence:
            console.print(f"  (và {c.more_evidence} đoạn minh chứng khác; --all-evidence để xem hết)", markup=False)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def print_rubric_import(imported: RubricImport, out: object, rules_out: object | None = None) -> None:
    rubric = imported.rubric
    table = Table(title=f"{rubric.name} — thang điểm {fmt(rubric.scale)}", title_justify="left")
    for column in ("Mã", "Nhóm tiêu chí", "Loại", "Điểm", "Số tiêu chí", "Cộng/trừ bên trong"):
        table.add_column(column, justify="right" if column in ("Điểm", "Số tiêu chí") else "left")
    kinds = {GroupKind.STANDARD: "điểm chuẩn", GroupKind.BONUS: "điểm thưởng", GroupKind.DEDUCTION: "điểm trừ"}
    for group in rubric.groups:
        leaves = list(group.leaves())
        inside = [c for c in leaves if c.kind is not group.kind]
        table.add_row(group.code, _escape(group.title), kinds[group.kind], group.points_text() or "-",
                      str(len(leaves) - len(inside)), f"{len(inside)} mục" if inside else "")
    console.print(table)
    caps = _caps(rubric)
    if caps:
        console.print("Mức tối đa theo bảng: " + "; ".join(caps), markup=False)
    guided = sum(1 for _, c in rubric.walk() if c.guidance)
    if guided:
        console.print(f"Hướng dẫn chấm được giữ riêng với tên tiêu chí ở {guided} tiêu chí.", markup=False)
    for title, lines in (("Cần sửa trước khi dùng", imported.problems),
                         ("Dòng không xếp được vào bảng", imported.unplaced), ("Lưu ý", imported.notes)):
        if lines:
            console.print(f"[bold]{title} ({len(lines)}):[/bold]")
            for line in lines:
                console.print(f"  - {line}", markup=False)
    console.print(f"Đã ghi: {out}" + (" (sửa các mục trên rồi dùng)" if imported.problems else ""), markup=False)
    principles = imported.principles
    if principles is not None and (principles.understood or principles.not_understood):
        for line in principles.summary():
            console.print(line, markup=False)
    if rules_out is not None:
        console.print(f"Đã ghi quy tắc khen thưởng theo nguyên tắc của văn bản: {rules_out}", markup=False)
    else:
        console.print("Văn bản không nêu nguyên tắc xét khen thưởng tdkt hiểu được: Cụm dùng quy tắc mặc định "
                      "(templates/award-rules.yaml; mức xét là tổng điểm từ 80% thang điểm chuẩn).", markup=False)


def _caps(rubric: object) -> list[str]:
    """'a1: điểm trừ tối đa 1,5', 'cả bảng: điểm thưởng tối đa 3'."""
    nodes = [*((g.code, g) for g in rubric.groups), *((c.code, c) for _, c in rubric.walk())]
    lines = []
    for code, node in [*nodes, ("cả bảng", rubric)]:
        for what, cap in (("điểm thưởng", node.bonus_cap), ("điểm trừ", node.deduction_cap)):
            if cap is not None:
                lines.append(f"{code}: {what} tối đa {fmt(cap)}")
    return lines
