"""Wording of the generated evidence reports (tests/generators/evidence_reports.py), by criterion
of the sample rubric (examples/cluster18-2023/rubric.yaml).

Per criterion: ``facts`` are sentences that state a result for it (a figure, a document issued,
an achievement) and contain one of its evidence phrases and no other criterion's; the rest share
its words without being evidence: a section heading, difficulties, next year's targets, a table
header row, the note a unit writes in its self-scoring table. Placeholders: {n} {m} small counts,
{big} {of} a result and its target, {pct} a percentage, {doc} a document number, {date} a date
in the report's year, {y} the report's year, {y0} the
year before, {y1} the next.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CriterionWords:
    heading: list[str]
    facts: list[str]
    difficulties: list[str]
    targets: list[str]
    table_header: list[str] = field(default_factory=list)  # a table's header cells, when it has one
    note: str = ""


WORDS: dict[str, CriterionWords] = {
    "I.1": CriterionWords(
        heading=["Công tác tuyển sinh", "Tuyển sinh và quản lý người học"],
        facts=[
            "Năm {y}, Nhà trường tuyển sinh được {big}/{of} người học, đạt {pct}% chỉ tiêu được giao.",
            "Tổng số thí sinh trúng tuyển và nhập học là {big} người, vượt {n}% chỉ tiêu tuyển sinh.",
            "Nhà trường hoàn thành chỉ tiêu tuyển sinh năm {y} theo Quyết định số {doc} ngày {date}.",
            "Kết quả tuyển sinh đạt {pct}%, trong đó hệ chính quy {big} sinh viên.",
        ],
        difficulties=[
            "Tuy nhiên, công tác tuyển sinh chịu sự cạnh tranh gay gắt của các cơ sở đào tạo ngoài công lập.",
            "Một số ngành tuyển sinh chưa đạt chỉ tiêu được giao.",
            "Công tác tuyển sinh các ngành năng khiếu còn gặp nhiều khó khăn.",
        ],
        targets=[
            "Phấn đấu tuyển sinh đạt 100% chỉ tiêu được giao.",
            "Năm {y1}, Nhà trường phấn đấu tuyển sinh vượt {n}% chỉ tiêu.",
        ],
        table_header=["Ngành đào tạo", "Chỉ tiêu tuyển sinh", "Số trúng tuyển", "Tỷ lệ (%)"],
        note="Báo cáo tuyển sinh năm {y}",
    ),
    "I.2": CriterionWords(
        heading=["Chất lượng đào tạo", "Công tác đào tạo, kiểm định chất lượng"],
        facts=[
            "Tỷ lệ người học tốt nghiệp đạt {pct}%, trong đó {m}% xếp loại khá, giỏi.",
            "Có {n} chương trình đào tạo được công nhận đạt tiêu chuẩn kiểm định chất lượng theo Quyết định số {doc}.",
            "Nhà trường tổ chức xét công nhận tốt nghiệp cho {big} học sinh, sinh viên.",
            "Nhà trường rà soát, cập nhật {n} chương trình đào tạo theo chuẩn đầu ra mới.",
        ],
        difficulties=[
            "Tuy nhiên, tỷ lệ người học tốt nghiệp đúng hạn ở một số ngành còn thấp.",
            "Việc chuẩn bị hồ sơ kiểm định chất lượng còn gặp nhiều khó khăn.",
        ],
        targets=[
            "Phấn đấu năm {y1} hoàn thành kiểm định chất lượng thêm {n} chương trình đào tạo.",
            "Năm {y1}, nâng tỷ lệ tốt nghiệp lên trên {pct}%.",
        ],
        note="QĐ công nhận tốt nghiệp",
    ),
    "I.4": CriterionWords(
        heading=["Nghiên cứu khoa học", "Hoạt động nghiên cứu khoa học, biên soạn giáo trình"],
        facts=[
            "Nhà trường nghiệm thu {n} đề tài cấp cơ sở và {m} đề tài cấp Thành phố.",
            "Viên chức của Nhà trường công bố {big} bài báo trên các tạp chí chuyên ngành.",
            "Nhà trường biên soạn mới {n} giáo trình theo Quyết định số {doc} ngày {date}.",
            "Năm {y}, có {n} công trình nghiên cứu khoa học được ứng dụng vào thực tiễn.",
        ],
        difficulties=[
            "Tuy nhiên, số đề tài có khả năng ứng dụng thực tiễn chưa nhiều.",
            "Số bài báo công bố quốc tế còn hạn chế.",
        ],
        targets=[
            "Phấn đấu năm {y1} nghiệm thu {n} đề tài cấp cơ sở.",
            "Năm {y1}, biên soạn thêm {n} giáo trình.",
        ],
        table_header=["Cấp đề tài", "Số đề tài đăng ký", "Số đề tài nghiệm thu"],
        note="QĐ nghiệm thu đề tài",
    ),
    "I.5": CriterionWords(
        heading=["Xây dựng đội ngũ", "Phát triển đội ngũ"],
        facts=[
            "Trong năm, Nhà trường cử {n} giảng viên đi học nghiên cứu sinh và {m} giảng viên học cao học.",
            "Đến tháng 12/{y}, Nhà trường có {n} tiến sĩ và {big} thạc sĩ, tăng {m} tiến sĩ so với năm trước.",
            "Nhà trường tổ chức {n} lớp bồi dưỡng nghiệp vụ sư phạm cho {big} lượt viên chức.",
            "Có {n} viên chức hoàn thành chương trình bồi dưỡng theo Kế hoạch số {doc}.",
        ],
        difficulties=[
            "Tuy nhiên, số lượng giảng viên có trình độ tiến sĩ còn ít.",
            "Đội ngũ giảng viên trẻ còn thiếu kinh nghiệm thực tế.",
        ],
        targets=[
            "Phấn đấu năm {y1} có thêm {n} tiến sĩ.",
            "Năm {y1}, tiếp tục cử giảng viên đi bồi dưỡng ở nước ngoài.",
        ],
        table_header=["Trình độ", "Tiến sĩ", "Thạc sĩ", "Đại học"],
        note="Kế hoạch bồi dưỡng viên chức",
    ),
    "I.6": CriterionWords(
        heading=["Cơ sở vật chất", "Chuyển đổi số và hợp tác quốc tế"],
        facts=[
            "Nhà trường hoàn thành cải tạo {n} phòng học và {m} phòng thực hành, tổng kinh phí đầu tư cơ sở vật chất "
            "là {big} triệu đồng.",
            "Có {pct}% hồ sơ người học đã được số hóa.",
            "Nhà trường ký mới {n} thỏa thuận hợp tác quốc tế với các trường của Nhật Bản, Hàn Quốc.",
            "Nhà trường ban hành Kế hoạch số {doc} ngày {date} về chuyển đổi số và đưa vào vận hành {n} phần mềm "
            "quản lý.",
        ],
        difficulties=[
            "Tuy nhiên, cơ sở vật chất khu giảng đường cũ đã xuống cấp.",
            "Hạ tầng phục vụ chuyển đổi số còn hạn chế.",
        ],
        targets=[
            "Phấn đấu năm {y1} hoàn thành số hóa toàn bộ tài liệu thư viện.",
            "Năm {y1}, mở rộng hợp tác quốc tế với {n} đối tác mới.",
        ],
        note="Biên bản bàn giao công trình",
    ),
    "II.1": CriterionWords(
        heading=["Tổ chức các phong trào thi đua", "Công tác chỉ đạo phong trào thi đua"],
        facts=[
            "Nhà trường ban hành Kế hoạch thi đua số {doc} ngày {date}.",
            "Ngay từ đầu năm, Nhà trường phát động {n} đợt thi đua gắn với các ngày lễ lớn.",
            "Nhà trường tổ chức ký giao ước thi đua giữa {n} khoa, phòng ngày {date}.",
            "Có {pct}% viên chức, người lao động đăng ký tham gia phong trào thi đua “Dạy tốt - Học tốt”.",
        ],
        difficulties=[
            "Tuy nhiên, một số phong trào thi đua còn hình thức.",
            "Việc sơ kết các phong trào thi đua ở một số đơn vị còn chậm.",
        ],
        targets=[
            "Phấn đấu năm {y1} phát động phong trào thi đua theo chuyên đề.",
            "Năm {y1}, xây dựng kế hoạch thi đua sát với nhiệm vụ chính trị.",
        ],
        note="KH thi đua năm {y}",
    ),
    "II.2": CriterionWords(
        heading=["Tham gia hoạt động của Cụm", "Hoạt động trong Cụm thi đua"],
        facts=[
            "Nhà trường tham gia đầy đủ {n}/{n} hoạt động của Cụm trong năm {y}.",
            "Nhà trường cử {n} đồng chí tham dự hội nghị cụm ngày {date}.",
            "Nhà trường hoàn thành nhiệm vụ Cụm phó Cụm thi đua số 18, chủ trì {n} đợt kiểm tra chéo.",
        ],
        difficulties=[
            "Tuy nhiên, việc trao đổi kinh nghiệm giữa các đơn vị trong Cụm thi đua số 18 còn hạn chế.",
        ],
        targets=[
            "Năm {y1}, phối hợp tổ chức tốt các hoạt động của Cụm.",
        ],
        note="Cụm trưởng",
    ),
    "II.3": CriterionWords(
        heading=["Công tác phát hiện điển hình tiên tiến", "Nhân rộng điển hình tiên tiến"],
        facts=[
            "Nhà trường biểu dương {n} điển hình tiên tiến tiêu biểu tại Hội nghị ngày {date}.",
            "Có {n} gương người tốt việc tốt được giới thiệu trên cổng thông tin điện tử.",
            "Nhà trường nhân rộng {n} mô hình hay trong công tác giảng dạy.",
        ],
        difficulties=[
            "Tuy nhiên, việc nhân rộng các điển hình tiên tiến chưa thường xuyên.",
        ],
        targets=[
            "Phấn đấu năm {y1} tuyên truyền {n} điển hình tiên tiến.",
        ],
        note="Biểu dương người tốt việc tốt",
    ),
    "II.4": CriterionWords(
        heading=["Kết quả công tác khen thưởng", "Công tác khen thưởng"],
        facts=[
            "Năm {y}, {n} tập thể và {m} cá nhân được tặng Giấy khen của Hiệu trưởng.",
            "Có {n} tập thể đạt danh hiệu Tập thể lao động tiên tiến và {big} cá nhân đạt danh hiệu Lao động "
            "tiên tiến.",
            "Nhà trường hoàn thành hồ sơ khen thưởng đúng hạn theo Quyết định số {doc} ngày {date}.",
        ],
        difficulties=[
            "Tuy nhiên, việc đề xuất khen thưởng đột xuất còn chậm.",
        ],
        targets=[
            "Năm {y1}, thực hiện công tác khen thưởng kịp thời, đúng quy định.",
        ],
        table_header=["Hình thức khen thưởng", "Tập thể", "Cá nhân"],
        note="Hồ sơ khen thưởng",
    ),
    "III.1": CriterionWords(
        heading=["Công tác xây dựng Đảng", "Xây dựng Đảng bộ"],
        facts=[
            "Đảng bộ Nhà trường kết nạp {n} đảng viên mới.",
            "Năm {y0}, Đảng bộ được cấp trên xếp loại trong sạch, vững mạnh.",
            "Có {n}/{n} chi bộ trực thuộc được xếp loại hoàn thành tốt nhiệm vụ trở lên.",
        ],
        difficulties=[
            "Tuy nhiên, sinh hoạt chuyên đề ở một số chi bộ còn hạn chế.",
        ],
        targets=[
            "Phấn đấu năm {y1} kết nạp {n} đảng viên mới.",
        ],
        note="Nghị quyết Đảng bộ",
    ),
    "III.2": CriterionWords(
        heading=["Hoạt động của các đoàn thể", "Công đoàn, Đoàn Thanh niên"],
        facts=[
            "Công đoàn tổ chức khám sức khỏe định kỳ cho {pct}% đoàn viên.",
            "Đoàn Thanh niên tổ chức {n} chương trình tình nguyện với {big} lượt sinh viên tham gia.",
            "Hội Sinh viên được Thành hội tặng {n} Giấy chứng nhận tiêu biểu.",
        ],
        difficulties=[
            "Tuy nhiên, nguồn kinh phí hoạt động của Công đoàn còn hạn chế.",
        ],
        targets=[
            "Năm {y1}, Đoàn Thanh niên phấn đấu tổ chức {n} hoạt động tình nguyện.",
        ],
        note="Báo cáo của Công đoàn",
    ),
    "III.3": CriterionWords(
        heading=["Cải cách hành chính", "Thực hành tiết kiệm, phòng, chống tham nhũng"],
        facts=[
            "Nhà trường tiết kiệm {big} triệu đồng chi thường xuyên.",
            "Nhà trường đưa {n} thủ tục lên cổng dịch vụ trực tuyến, đẩy mạnh cải cách hành chính.",
            "Nhà trường ban hành Kế hoạch phòng, chống tham nhũng số {doc} ngày {date}.",
        ],
        difficulties=[
            "Tuy nhiên, cải cách hành chính ở một số khâu còn chậm.",
        ],
        targets=[
            "Năm {y1}, tiếp tục đẩy mạnh cải cách hành chính.",
        ],
        note="Báo cáo cải cách hành chính",
    ),
    "III.4": CriterionWords(
        heading=["An ninh trật tự, phòng cháy, chữa cháy", "Bảo đảm an ninh trật tự"],
        facts=[
            "Nhà trường tổ chức diễn tập phòng cháy, chữa cháy cho {big} lượt viên chức, sinh viên ngày {date}.",
            "Trong năm, Nhà trường không để xảy ra mất an ninh trật tự trong khuôn viên.",
            "Nhà trường lắp đặt {n} camera giám sát bảo đảm an toàn cơ quan.",
        ],
        difficulties=[
            "Tuy nhiên, hệ thống phòng cháy ở khu ký túc xá cũ còn gặp nhiều khó khăn.",
        ],
        targets=[
            "Năm {y1}, phấn đấu bảo đảm tuyệt đối an ninh trật tự.",
        ],
        note="Biên bản kiểm tra phòng cháy",
    ),
    "IV.2": CriterionWords(
        heading=["Sáng kiến, mô hình mới"],
        facts=[
            "Sáng kiến “Phần mềm quản lý thực tập” được Hội đồng Sáng kiến Thành phố công nhận ngày {date}.",
            "Có {n} sáng kiến được công nhận cấp cơ sở theo Quyết định số {doc}.",
            "Mô hình mới “Lớp học cuối tuần” được Sở công nhận là mô hình tiêu biểu năm {y}.",
        ],
        difficulties=[
            "Tuy nhiên, một số khoa chưa chủ động đăng ký sáng kiến.",
        ],
        targets=[
            "Phấn đấu năm {y1} có {n} sáng kiến cấp Thành phố.",
        ],
        note="Sáng kiến cấp TP",
    ),
    "IV.3": CriterionWords(
        heading=["Đăng cai hoạt động chung"],
        facts=[
            "Nhà trường đăng cai Hội nghị sơ kết 6 tháng ngày {date}.",
            "Nhà trường đăng cai Chương trình giao lưu nghệ thuật với {n} đơn vị tham gia.",
        ],
        difficulties=[],
        targets=[
            "Năm {y1}, Nhà trường đăng ký đăng cai Hội nghị tổng kết.",
        ],
        note="Hội nghị Cụm",
    ),
}

# Describing the unit: never evidence, though it names what the unit does.
DESCRIPTIONS = [
    "{unit} được thành lập năm {founded}, có chức năng, nhiệm vụ tuyển sinh, đào tạo và nghiên cứu khoa học.",
    "{unit} là đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố, có đội ngũ {big} viên chức.",
    "Tổ chức bộ máy của Nhà trường gồm Ban Giám hiệu, {n} phòng, {m} khoa, Đảng bộ, Công đoàn và Đoàn Thanh niên.",
    "Nhà trường có chức năng đào tạo, bồi dưỡng nguồn nhân lực và hợp tác quốc tế trong lĩnh vực được giao.",
]
# Neither evidence nor sharing any criterion's words.
NEUTRAL = [
    "Nhà trường triển khai kịp thời các văn bản chỉ đạo của cấp trên.",
    "Các đơn vị trong Nhà trường phối hợp chặt chẽ, thống nhất.",
    "Kết quả trên thể hiện sự nỗ lực của tập thể viên chức, người lao động.",
]
