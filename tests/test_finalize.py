"""Round trip: reviewers edit the nomination list (and the minutes) in Word; `tdkt finalize` makes the
other documents agree, keeps what they wrote, and reports what changed against tdkt's proposal."""

import json
import os
import shutil
from pathlib import Path

import docx
import pytest

from cli.main import main
from pipeline.core.errors import WorkspaceError
from pipeline.drafts.render import render_drafts
from pipeline.results.outcome import RunSummary
from pipeline.tools.finalize import finalize

CDNT, CDDD, CDMN = ("Trường Cao đẳng Nghệ thuật Thăng Long", "Trường Cao đẳng Điều dưỡng Hà Đông",
                    "Trường Cao đẳng Sư phạm Mầm non Hoàng Mai")
BK = "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"


@pytest.fixture()
def drafts(sample_result, tmp_path) -> Path:
    """A drafts folder as `tdkt run` leaves it: the five documents and the result as JSON."""
    folder = tmp_path / "du-thao"
    render_drafts(sample_result, folder)
    summary = RunSummary(year=2023, result=sample_result)
    (folder / "ket-qua-xu-ly-2023.json").write_text(json.dumps(summary.model_dump(mode="json"), ensure_ascii=False),
                                                    encoding="utf-8")
    return folder


def _set(cell, text: str) -> None:
    """Type over a cell's text as Word does: the first run takes the new text, its style stays."""
    runs = cell.paragraphs[0].runs
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def _row(table, name: str):
    return next(r for r in table.rows if r.cells[1].text == name)


def _edit_list(folder: Path) -> Path:
    """The reviewers' decisions: the cdnt–cddd tie voted (cddd gets no award, ranks 5th), cdmn's score
    corrected, a reason reworded, one officer dropped; saved later than the draft, as Word would."""
    path = folder / "danh-sach-de-nghi-khen-thuong-2023.docx"
    doc = docx.Document(str(path))
    units, officers = doc.tables[1], doc.tables[2]
    _set(_row(units, CDDD).cells[4], "Không đề nghị")
    _set(_row(units, CDDD).cells[3], "5")
    _set(_row(units, CDDD).cells[6], "Cụm biểu quyết: 4/6 phiếu chọn Trường Cao đẳng Nghệ thuật Thăng Long")
    _set(_row(units, CDMN).cells[2], "93")
    _set(_row(units, CDNT).cells[5], "Hoàn thành xuất sắc nhiệm vụ năm 2023")
    officers._tbl.remove(officers.rows[6]._tr)  # Ngô Thị Thuỳ Linh
    doc.add_paragraph("Danh sách đã được Hội nghị Cụm thống nhất ngày 05/01/2024.")
    doc.save(path)
    return path


def _edit_minutes(folder: Path) -> Path:
    """What the secretary typed: the place, a discussion paragraph, and the votes for the first two proposals."""
    path = folder / "bien-ban-hoi-nghi-tong-ket-2023.docx"
    doc = docx.Document(str(path))
    place = next(p for p in doc.paragraphs if p.text.startswith("Địa điểm"))
    place.runs[0].text = "Địa điểm: Hội trường A, Trường Đại học Văn hóa Nghệ thuật Thủ đô"
    for run in place.runs[1:]:
        run.text = ""
    talk = next(p for p in doc.paragraphs if p.text.startswith("Ý kiến thảo luận"))
    talk.runs[0].text = ("Ý kiến thảo luận: các đại biểu nhất trí với dự thảo báo cáo, đề nghị bổ sung số liệu "
                         "tuyển sinh.")
    for run in talk.runs[1:]:
        run.text = ""
    ballot = doc.tables[3]
    for row, votes in ((1, "06"), (2, "05")):
        _set(ballot.rows[row].cells[4], votes)
        _set(ballot.rows[row].cells[5], "100" if votes == "06" else "83,3")
    doc.save(path)
    return path


def _later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, (stat.st_atime, stat.st_mtime + 60))


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_finalize_makes_the_set_agree_with_the_edited_list(drafts):
    edited = _edit_list(drafts)
    minutes = _edit_minutes(drafts)
    for path in (edited, minutes):
        _later(path)
    before = {p.name: p.read_bytes() for p in drafts.iterdir() if p.is_file()}

    done = finalize(drafts)

    assert {p.name: p.read_bytes() for p in drafts.iterdir() if p.is_file()} == before  # nothing touched
    out = drafts / "hoan-thien"
    assert sorted(p.name for p in done.written) == sorted([
        "danh-sach-de-nghi-khen-thuong-2023.docx", "to-trinh-de-nghi-khen-thuong-2023.docx",
        "bien-ban-hoi-nghi-tong-ket-2023.docx", "bao-cao-tong-ket-2023.docx", "giao-uoc-thi-dua-nam-2024.docx"])
    # The list is the reviewers', except tdkt's reasons that quoted what they changed.
    listed = docx.Document(str(out / "danh-sach-de-nghi-khen-thuong-2023.docx")).tables[1]
    assert _row(listed, CDMN).cells[5].text == "Xếp thứ 6/6 với 93 điểm (điểm chuẩn đạt 92/100)"
    assert _row(listed, CDDD).cells[5].text == "Hội nghị Cụm bình xét, không đề nghị khen thưởng"
    assert _row(listed, CDNT).cells[5].text == "Hoàn thành xuất sắc nhiệm vụ năm 2023"  # the reviewers' own words
    assert _row(listed, CDDD).cells[6].text == f"Cụm biểu quyết: 4/6 phiếu chọn {CDNT}"

    # The proposal letter lists the decided awards and ranks.
    letter = _paragraphs(out / "to-trinh-de-nghi-khen-thuong-2023.docx")
    assert f"c) {BK} (03 tập thể):" in letter
    assert [t for t in letter if t.startswith("- Trường")] == [
        "- Trường Đại học Văn hóa Nghệ thuật Thủ đô.", "- Trường Cao đẳng Y tế Thủ đô.",
        "- Trường Cao đẳng Sư phạm Tây Hồ;", f"- {CDNT};", f"- {CDMN}."]
    # The cluster leader's own Giấy khen is not proposed to the city (rules: decided_by cluster).
    assert not any("Giấy khen của Cụm trưởng" in t for t in letter)
    ranking = next(t for t in letter if t.startswith("Kết quả:"))
    assert f"{CDDD} xếp thứ 5 (96 điểm); {CDMN} xếp thứ 6 (93 điểm)." in ranking

    # The minutes: the ballot table follows the list, the secretary's words and votes stay.
    doc = docx.Document(str(out / "bien-ban-hoi-nghi-tong-ket-2023.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert "Địa điểm: Hội trường A, Trường Đại học Văn hóa Nghệ thuật Thủ đô" in texts
    assert any(t.startswith("Ý kiến thảo luận: các đại biểu nhất trí") for t in texts)
    ballot = [[c.text for c in r.cells] for r in doc.tables[3].rows]
    assert [r[1] for r in ballot[1:]] == ["Trường Đại học Văn hóa Nghệ thuật Thủ đô", "Trường Cao đẳng Y tế Thủ đô",
                                          "Trường Cao đẳng Sư phạm Tây Hồ", CDNT, CDMN]
    assert ballot[1][4:6] == ["06", "100"] and ballot[2][4:6] == ["05", "83,3"]
    assert ballot[3][4:6] == ["……", "……"]
    scores = [[c.text for c in r.cells] for r in doc.tables[2].rows]
    assert scores[5][1:] == [CDDD, "96", "96", "5"] and scores[6][1:] == [CDMN, "93,5", "93", "6"]
    officers = next(t for t in texts if t.startswith("Hội nghị thống nhất đề nghị tặng"))
    assert "cho 05 cá nhân" in officers and "Ngô Thị Thuỳ Linh" not in officers

    # The summary: proposals and totals follow the list; everything before them is the draft as it was.
    summary = _paragraphs(out / "bao-cao-tong-ket-2023.docx")
    assert f"- Đề nghị tặng {BK} cho Trường Cao đẳng Sư phạm Tây Hồ, {CDNT} và {CDMN}." in summary
    assert (f"- Chưa đề nghị khen thưởng đối với {CDDD}: hội nghị Cụm bình xét, không đề nghị khen thưởng."
            in summary)
    assert ("Tổng số đề nghị: 01 Cờ thi đua của Chính phủ; 01 Cờ thi đua của Ủy ban nhân dân Thành phố; "
            f"03 {BK}.") in summary
    original = _paragraphs(drafts / "bao-cao-tong-ket-2023.docx")
    cut = original.index("1. Kết quả theo nhóm tiêu chí") + 1
    assert original[cut] == summary[cut] == "Kết quả chấm điểm theo từng nhóm tiêu chí như sau:"
    assert summary[:cut] == original[:cut]  # what no score changes is the draft as it was
    assert ("Điểm bình quân của các đơn vị đạt 97 điểm; cao nhất là Trường Đại học Văn hóa Nghệ thuật Thủ đô "
            f"(101,5 điểm), thấp nhất là {CDMN} (93 điểm).") in summary  # was 96,92 and 92,5
    assert any(t.startswith(f"{CDMN}: ") and "Cụm chấm 93 điểm, xếp thứ 6/6" in t for t in summary)
    assert ("- Tổng điểm theo danh sách đề nghị khen thưởng Hội nghị Cụm thống nhất: 93 (dự thảo đề xuất 92,5); "
            "điểm từng tiêu chí dưới đây là điểm đề xuất trước Hội nghị") in summary  # the appendix says why

    # The change report says exactly what the reviewers changed.
    report = done.report.read_text(encoding="utf-8")
    assert done.changes == [
        f"{CDNT}: lý do sửa thành “Hoàn thành xuất sắc nhiệm vụ năm 2023”.",
        f"{CDDD}: hình thức đề nghị đổi từ “{BK}” thành “Không đề nghị”.",
        f"{CDDD}: xếp hạng sửa từ 4 thành 5.",
        f"{CDDD}: ghi chú sửa thành “Cụm biểu quyết: 4/6 phiếu chọn {CDNT}”.",
        f"{CDMN}: tổng điểm sửa từ 92,5 thành 93.",
        f"Bỏ cá nhân khỏi danh sách: Ngô Thị Thuỳ Linh ({CDMN}).",
    ]
    assert "Danh sách đề nghị khen thưởng dùng làm căn cứ: danh-sach-de-nghi-khen-thuong-2023.docx" in report
    assert "Biên bản hội nghị (bien-ban-hoi-nghi-tong-ket-2023.docx): đã cập nhật phần “bảng kết quả chấm điểm”, " \
           "“biểu quyết đề nghị khen thưởng”" in report
    assert f"{CDNT} và {CDDD} cùng 96 điểm nhưng xếp hạng khác nhau (4 và 5)" in report
    assert not [p for p in done.problems if p.startswith("Số liệu chưa khớp")]  # the set read back agrees


SPTH, CDYT = "Trường Cao đẳng Sư phạm Tây Hồ", "Trường Cao đẳng Y tế Thủ đô"


def test_every_figure_of_the_finished_set_follows_the_list(drafts):
    """A reviewer corrects a score (97,5 → 95,5) and the ranks after it, changes an award, drops a unit;
    another rewords one unit's passage in the summary. Read back, the five finished documents agree
    with the list everywhere but in that passage, which is listed with its old and new figures."""
    path = drafts / "danh-sach-de-nghi-khen-thuong-2023.docx"
    doc = docx.Document(str(path))
    units = doc.tables[1]
    for name, total, rank in ((SPTH, "95,5", "5"), (CDNT, None, "3"), (CDDD, None, "3")):
        if total:
            _set(_row(units, name).cells[2], total)
        _set(_row(units, name).cells[3], rank)
    _set(_row(units, CDYT).cells[4], BK)
    units._tbl.remove(_row(units, CDMN)._tr)
    doc.save(path)
    _later(path)
    summary_path = drafts / "bao-cao-tong-ket-2023.docx"
    doc = docx.Document(str(summary_path))
    passage = next(p for p in doc.paragraphs if p.text.startswith(f"{SPTH}: "))
    passage.runs[-1].text = ": đơn vị có nhiều cố gắng trong năm, Cụm chấm 97,5 điểm."
    doc.save(summary_path)
    _later(summary_path)

    done = finalize(drafts)

    out = drafts / "hoan-thien"
    from pipeline.results.run_report import load_run_result
    from pipeline.tools.nomination_list import apply_list, read_nomination_list
    from pipeline.tools.set_check import check_set

    decided = apply_list(load_run_result(drafts), read_nomination_list(path, load_run_result(drafts)))
    disagreements = check_set(sorted(out.glob("*.docx")), decided)
    assert disagreements == [f"bao-cao-tong-ket-2023.docx: “{SPTH}: đơn vị có nhiều cố gắng trong năm, Cụm chấm 97,5 "
                             f"điểm.” — {SPTH}: ghi 97,5 điểm, danh sách ghi 95,5"]
    assert any("phần “kết quả của từng đơn vị” đã được người rà soát sửa tay" in p
               and f"{SPTH}: tổng điểm 97,5 → 95,5; xếp thứ 3 → 5" in p for p in done.problems), done.problems
    # The same figures, read directly in each document.
    letter = " ".join(_paragraphs(out / "to-trinh-de-nghi-khen-thuong-2023.docx"))
    assert f"{SPTH} xếp thứ 5 (95,5 điểm)" in letter and f"{CDMN}" not in letter.split("kính đề nghị")[1]
    minutes = docx.Document(str(out / "bien-ban-hoi-nghi-tong-ket-2023.docx"))
    assert [c.text for c in _row(minutes.tables[2], SPTH).cells][3:5] == ["95,5", "5"]
    summary = docx.Document(str(out / "bao-cao-tong-ket-2023.docx"))
    scores = next(t for t in summary.tables if "Điểm Cụm chấm" in [c.text for c in t.rows[0].cells])
    assert [c.text for c in _row(scores, SPTH).cells][2:5] == ["97,5", "95,5", "5"]
    appendix = [p.text for p in summary.paragraphs]
    assert "- Tổng điểm theo danh sách đề nghị khen thưởng Hội nghị Cụm thống nhất: 95,5 (dự thảo đề xuất 97,5); " \
           "điểm từng tiêu chí dưới đây là điểm đề xuất trước Hội nghị" in appendix
    listed = docx.Document(str(out / "danh-sach-de-nghi-khen-thuong-2023.docx")).tables[1]
    assert _row(listed, SPTH).cells[5].text.startswith("Xếp thứ 5/6 với 95,5 điểm")
    assert _row(listed, CDYT).cells[4].text == BK


def test_a_data_part_the_reviewers_reworded_is_kept_and_reported(drafts):
    _later(_edit_list(drafts))
    letter = drafts / "to-trinh-de-nghi-khen-thuong-2023.docx"
    doc = docx.Document(str(letter))
    request = next(p for p in doc.paragraphs if p.text.startswith("Cụm thi đua số 18 kính đề nghị"))
    request.runs[0].text = "Cụm thi đua số 18 trân trọng đề nghị Hội đồng xem xét khen thưởng:"
    doc.save(letter)
    _later(letter)

    done = finalize(drafts)

    out = _paragraphs(drafts / "hoan-thien" / "to-trinh-de-nghi-khen-thuong-2023.docx")
    assert "Cụm thi đua số 18 trân trọng đề nghị Hội đồng xem xét khen thưởng:" in out
    assert f"c) {BK} (04 tập thể):" in out  # the reworded part is left as the reviewer wrote it
    assert any("to-trinh-de-nghi-khen-thuong-2023.docx: phần “đề nghị khen thưởng” đã được người rà soát sửa tay"
               in p for p in done.problems)
    assert f"{CDDD} xếp thứ 5 (96 điểm)" in " ".join(out)  # the ranking part was untouched, so it is updated


def test_regions_survive_a_save_in_libreoffice(drafts, to_pdf, tmp_path):
    """LibreOffice saves a bookmark that spans paragraphs in its own way; finalize still finds it."""
    _later(_edit_list(drafts))
    saved = to_pdf([drafts / "bien-ban-hoi-nghi-tong-ket-2023.docx"], tmp_path / "lo", "docx:MS Word 2007 XML")[0]
    shutil.copyfile(saved, drafts / "bien-ban-hoi-nghi-tong-ket-2023 (bản 2).docx")
    _later(drafts / "bien-ban-hoi-nghi-tong-ket-2023 (bản 2).docx")
    _later(drafts / "bien-ban-hoi-nghi-tong-ket-2023 (bản 2).docx")

    done = finalize(drafts)

    doc = docx.Document(str(drafts / "hoan-thien" / "bien-ban-hoi-nghi-tong-ket-2023.docx"))
    ballot = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Yêu cầu")
    assert CDDD not in [r.cells[1].text for r in ballot.rows]
    assert any("bien-ban-hoi-nghi-tong-ket-2023 (bản 2).docx): đã cập nhật" in u for u in done.updates)
    assert not [p for p in done.problems if "bien-ban" in p]


def test_an_unchanged_list_changes_nothing_and_a_second_run_never_overwrites(drafts):
    first = finalize(drafts)
    assert first.changes == [] and first.problems == []
    report = first.report.read_text(encoding="utf-8")
    assert "Không có thay đổi: danh sách giữ nguyên đề xuất của tdkt." in report
    assert "không có phần nào cần cập nhật" in report
    kept = (drafts / "hoan-thien" / "to-trinh-de-nghi-khen-thuong-2023.docx").read_bytes()
    second = finalize(drafts)
    assert (drafts / "hoan-thien" / "to-trinh-de-nghi-khen-thuong-2023.docx").read_bytes() == kept
    assert "to-trinh-de-nghi-khen-thuong-2023 (bản 2).docx" in [p.name for p in second.written]
    assert second.report.name == "bao-cao-hoan-thien-2023 (bản 2).txt"


def test_an_unknown_unit_and_an_unknown_award_are_kept_as_written(drafts):
    path = drafts / "danh-sach-de-nghi-khen-thuong-2023.docx"
    doc = docx.Document(str(path))
    units = doc.tables[1]
    _set(_row(units, CDMN).cells[4], "Giấy khen của Sở Giáo dục và Đào tạo")
    row = units.add_row()
    for cell, text in zip(row.cells, ["7", "Trường Trung cấp Kỹ thuật Ba Vì", "90", "7", BK, "Bổ sung", ""],
                          strict=True):
        cell.text = text
    doc.save(path)
    done = finalize(drafts)
    assert any("không nhận ra đơn vị “Trường Trung cấp Kỹ thuật Ba Vì”" in p for p in done.problems)
    assert f"Thêm vào danh sách: Trường Trung cấp Kỹ thuật Ba Vì — {BK}." in done.changes
    letter = _paragraphs(drafts / "hoan-thien" / "to-trinh-de-nghi-khen-thuong-2023.docx")
    assert "d) Giấy khen của Sở Giáo dục và Đào tạo (01 tập thể):" in letter
    assert "- Trường Trung cấp Kỹ thuật Ba Vì." in letter


def test_finalize_from_the_command_line(drafts, capsys):
    _later(_edit_list(drafts))
    assert main(["finalize", str(drafts)]) == 0
    out = capsys.readouterr().out
    assert f"{CDDD}: hình thức đề nghị đổi từ “{BK}” thành “Không đề nghị”." in out
    assert "hoan-thien" in out
    assert main(["finalize", str(drafts / "khong-co")]) == 1


def test_a_folder_without_a_result_is_a_plain_error(tmp_path):
    with pytest.raises(WorkspaceError, match="ket-qua-xu-ly"):
        finalize(tmp_path)


def test_a_damaged_edited_copy_is_named_and_a_fresh_document_written(drafts):
    _later(_edit_list(drafts))
    broken = drafts / "to-trinh-de-nghi-khen-thuong-2023 - sửa.docx"
    broken.write_bytes(b"PK\x03\x04 half-saved")
    _later(broken)
    _later(broken)
    done = finalize(drafts)
    assert any(p.startswith("to-trinh-de-nghi-khen-thuong-2023 - sửa.docx: không mở được bản đã sửa")
               for p in done.problems)
    letter = _paragraphs(drafts / "hoan-thien" / "to-trinh-de-nghi-khen-thuong-2023.docx")
    assert f"c) {BK} (03 tập thể):" in letter
    assert broken.read_bytes() == b"PK\x03\x04 half-saved"
