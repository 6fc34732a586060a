"""Wording of generated documents that are not unit year-end reports (tests/generators/other_documents.py):
who issues them, what they are about, and the sentences each kind is made of.

Sentences are templates filled with ``str.format`` from one dictionary of the document's facts
(``{unit}``, ``{host}``, ``{cluster}``, ``{year}``, ``{next}``, ``{place}``, ``{n}`` …).
"""

from __future__ import annotations

# (name, abbreviation in number lines, place in the date line, parent body in capitals)
UNITS: list[tuple[str, str, str, str]] = [
    ("Trường Cao đẳng Y tế Hà Nội", "CĐYT", "Hà Nội", "UBND THÀNH PHỐ HÀ NỘI"),
    ("Trường Cao đẳng Sư phạm Trung ương", "CĐSPTW", "Hà Nội", "BỘ GIÁO DỤC VÀ ĐÀO TẠO"),
    ("Trường Trung cấp Kỹ thuật - Nghiệp vụ Hải Phòng", "TCKTNV", "Hải Phòng", "UBND THÀNH PHỐ HẢI PHÒNG"),
    ("Sở Giáo dục và Đào tạo thành phố Đà Nẵng", "SGDĐT", "Đà Nẵng", "UBND THÀNH PHỐ ĐÀ NẴNG"),
    ("Bệnh viện Đa khoa Đức Giang", "BVĐKĐG", "Hà Nội", "SỞ Y TẾ HÀ NỘI"),
    ("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên quận Cầu Giấy", "TTGDNN-GDTX", "Hà Nội",
     "UBND QUẬN CẦU GIẤY"),
    ("Trường Cao đẳng Du lịch Huế", "CĐDLH", "Huế", "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
    ("Trường Cao đẳng Nghề Cần Thơ", "CĐNCT", "Cần Thơ", "UBND THÀNH PHỐ CẦN THƠ"),
    ("Trường Trung cấp Y tế Bình Dương", "TCYT", "Thủ Dầu Một", "UBND TỈNH BÌNH DƯƠNG"),
    ("Trường Cao đẳng Công nghệ Thủ Đức", "CĐCNTĐ", "Thành phố Hồ Chí Minh", "UBND THÀNH PHỐ HỒ CHÍ MINH"),
    ("Sở Y tế tỉnh Nghệ An", "SYT", "Nghệ An", "UBND TỈNH NGHỆ AN"),
    ("Bệnh viện Phụ sản Hải Phòng", "BVPS", "Hải Phòng", "SỞ Y TẾ HẢI PHÒNG"),
    ("Trung tâm Kiểm soát bệnh tật tỉnh Quảng Ninh", "CDC", "Quảng Ninh", "SỞ Y TẾ QUẢNG NINH"),
    ("Trường Cao đẳng Nghệ thuật Hà Nội", "CĐNT", "Hà Nội", "UBND THÀNH PHỐ HÀ NỘI"),
    ("Trường Cao đẳng Kinh tế - Kỹ thuật Đồng Nai", "CĐKTKT", "Đồng Nai", "UBND TỈNH ĐỒNG NAI"),
    ("Trường Trung cấp Văn hóa Nghệ thuật Thái Nguyên", "TCVHNT", "Thái Nguyên", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
    ("Trường Đại học Thủ đô Hà Nội", "ĐHTĐ", "Hà Nội", "UBND THÀNH PHỐ HÀ NỘI"),
    ("Trung tâm Văn hóa - Thể thao quận Long Biên", "TTVHTT", "Hà Nội", "UBND QUẬN LONG BIÊN"),
    ("Trường Trung cấp Nông nghiệp Vĩnh Phúc", "TCNN", "Vĩnh Phúc", "SỞ NÔNG NGHIỆP VÀ PTNT VĨNH PHÚC"),
    ("Trường Cao đẳng Cơ điện Hà Nội", "CĐCĐ", "Hà Nội", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
    ("Bệnh viện Y học cổ truyền Đà Nẵng", "BVYHCT", "Đà Nẵng", "SỞ Y TẾ ĐÀ NẴNG"),
    ("Trường Cao đẳng Điện tử - Điện lạnh Hà Nội", "CĐĐT-ĐL", "Hà Nội", "UBND THÀNH PHỐ HÀ NỘI"),
]
# The clusters' own parent bodies and the council that receives their proposals.
CLUSTER_PARENTS = ["UBND THÀNH PHỐ HÀ NỘI", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG THÀNH PHỐ", "UBND TỈNH NGHỆ AN",
                   "BAN THI ĐUA - KHEN THƯỞNG", "UBND THÀNH PHỐ HẢI PHÒNG"]
OFFICIALS = ["Nguyễn Thị Lan Anh", "Trần Văn Hùng", "Lê Minh Đức", "Phạm Thu Hà", "Hoàng Quốc Việt",
             "Đỗ Thị Mai", "Vũ Đức Thắng", "Bùi Thanh Hương", "Ngô Quang Huy", "Đặng Thị Thu Trang"]
ROLES = ["HIỆU TRƯỞNG", "GIÁM ĐỐC", "PHÓ HIỆU TRƯỞNG", "PHÓ GIÁM ĐỐC"]
FONTS = ["Times New Roman", "Times New Roman", "Arial", "Calibri", "Tahoma", "Cambria"]
AWARDS = ["Cờ thi đua của Ủy ban nhân dân Thành phố", "Cờ thi đua của Chính phủ",
          "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố", "Bằng khen của Thủ tướng Chính phủ",
          "Tập thể lao động xuất sắc"]
STAFF_UNITS = ["Phòng Đào tạo", "Khoa Điều dưỡng", "Phòng Tổ chức - Hành chính", "Khoa Khoa học cơ bản",
               "Phòng Công tác học sinh, sinh viên", "Khoa Dược", "Trung tâm Tuyển sinh và Hợp tác doanh nghiệp"]

# Kinds: what the truth calls them (document_kinds.yaml keys; "other" for articles and notes),
# the type code of their number lines, their title, and summary lines under the title.
TYPE_CODES = {"invitation": "GM", "letter": "CV", "plan": "KH", "decision": "QĐ", "proposal": "TTr",
              "minutes": "BB", "notice": "TB", "instruction": "HD"}
TITLES = {"invitation": "giấy mời", "letter": "công văn", "plan": "kế hoạch", "decision": "quyết định",
          "proposal": "tờ trình", "minutes": "biên bản", "notice": "thông báo", "instruction": "hướng dẫn"}
SUMMARIES = {
    "invitation": ["Dự Hội nghị tổng kết công tác thi đua, khen thưởng năm {year} {cluster}",
                   "Tham dự Hội nghị tổng kết phong trào thi đua năm {year} và ký kết giao ước thi đua năm {next}",
                   "Dự Hội nghị bình xét, chấm điểm thi đua năm {year}"],
    "plan": ["Tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm {year} của {cluster}",
             "Phát động phong trào thi đua năm {next}",
             "Thực hiện công tác thi đua, khen thưởng năm {next}",
             "Kiểm tra chéo, chấm điểm thi đua năm {year} giữa các đơn vị trong {cluster}"],
    "decision": ["Về việc khen thưởng thành tích xuất sắc trong phong trào thi đua năm {year}",
                 "Về việc công nhận danh hiệu thi đua năm học {year} - {next}",
                 "Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích năm {year}"],
    "proposal": ["Về việc đề nghị tặng Cờ thi đua và Bằng khen năm {year}",
                 "Đề nghị khen thưởng các đơn vị thuộc {cluster} năm {year}",
                 "Về việc đề nghị xét tặng danh hiệu thi đua, hình thức khen thưởng năm {year}"],
    "minutes": ["Họp {cluster} bình xét, suy tôn thi đua năm {year}",
                "Hội nghị tổng kết công tác thi đua, khen thưởng năm {year} của {cluster}",
                "Kiểm tra, chấm điểm thi đua năm {year}"],
    "notice": ["Kết luận của Cụm trưởng tại Hội nghị tổng kết công tác thi đua năm {year}",
               "Kết quả chấm điểm, xếp hạng thi đua năm {year} của {cluster}",
               "Về việc thay đổi thời gian tổ chức Hội nghị tổng kết năm {year}"],
    "instruction": ["Xây dựng báo cáo tổng kết công tác thi đua, khen thưởng năm {year}",
                    "Chấm điểm, bình xét thi đua năm {year} trong {cluster}",
                    "Thủ tục, hồ sơ đề nghị khen thưởng tổng kết năm {year}"],
}
SUBJECTS = ["V/v gửi báo cáo tổng kết công tác thi đua, khen thưởng năm {year}",
            "V/v đề nghị gửi báo cáo tổng kết và bảng tự chấm điểm thi đua năm {year}",
            "V/v tổ chức Hội nghị tổng kết {cluster} năm {year}",
            "V/v đăng ký danh hiệu thi đua năm {next}",
            "V/v góp ý dự thảo báo cáo tổng kết của {cluster}"]

BODIES: dict[str, list[str]] = {
    "invitation": [
        "Thực hiện Kế hoạch số {n}/KH-CTĐ{c} của {cluster} về việc tổ chức Hội nghị tổng kết công tác thi đua, "
        "khen thưởng năm {year}, {host} (Cụm trưởng) trân trọng kính mời:",
        "Đại diện lãnh đạo {unit}.",
        "Thời gian: 08 giờ 00, ngày {day} tháng 12 năm {year}.",
        "Địa điểm: Hội trường tầng 3, {host}.",
        "Nội dung: Thông qua báo cáo tổng kết công tác thi đua, khen thưởng năm {year} của {cluster}; "
        "kết quả chấm điểm, suy tôn đơn vị dẫn đầu; bầu Cụm trưởng, Cụm phó năm {next}.",
        "Đề nghị các đơn vị gửi báo cáo tổng kết và bảng tự chấm điểm về Cụm trưởng trước ngày {day}/12/{year}. "
        "Rất mong đại biểu đến dự đúng thời gian.",
    ],
    "letter": [
        "Kính gửi: {to}.",
        "Thực hiện Hướng dẫn của {cluster} về công tác thi đua, khen thưởng năm {year}, {unit} gửi Báo cáo tổng kết "
        "công tác thi đua, khen thưởng năm {year} và bảng tự chấm điểm (có văn bản kèm theo).",
        "Để kịp tổng hợp, đề nghị các đơn vị thành viên gửi báo cáo tổng kết năm {year} về Cụm trưởng trước ngày "
        "{day}/12/{year}, đồng thời gửi bản điện tử qua thư điện tử của Cụm.",
        "Năm {year}, {unit} đã hoàn thành 100% chỉ tiêu được giao; tự chấm {score} điểm theo bảng tiêu chí của Cụm.",
        "Mọi chi tiết xin liên hệ đồng chí {official}, điện thoại 09{phone}.",
        "Trân trọng./.",
    ],
    "plan": [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Đánh giá kết quả thực hiện phong trào thi đua năm {year}; biểu dương các tập thể, cá nhân tiêu biểu.",
        "II. CHỈ TIÊU",
        "- Phấn đấu 100% đơn vị thành viên hoàn thành báo cáo tổng kết đúng thời hạn.",
        "- Tỷ lệ người học tốt nghiệp đạt trên 95%; tỷ lệ có việc làm sau tốt nghiệp đạt từ 85% trở lên.",
        "- Các đơn vị phấn đấu đạt từ {target}/100 điểm trở lên theo bảng tiêu chí của Cụm.",
        "III. NỘI DUNG, THỜI GIAN",
        "Các đơn vị gửi báo cáo tổng kết năm {year} và bảng tự chấm điểm về {host} trước ngày {day}/12/{year}.",
        "IV. TỔ CHỨC THỰC HIỆN",
        "Giao {host} chủ trì, phối hợp với Cụm phó triển khai Kế hoạch này.",
    ],
    "decision": [
        "{authority}",
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;",
        "Xét đề nghị của Hội đồng Thi đua - Khen thưởng và báo cáo tổng kết năm {year} của các đơn vị,",
        "QUYẾT ĐỊNH:",
        "Điều 1. Tặng danh hiệu “Tập thể lao động xuất sắc” năm {year} cho {count} tập thể sau:",
        "{list}",
        "Điều 2. Các tập thể có tên tại Điều 1 được hưởng tiền thưởng theo quy định.",
        "Điều 3. Trưởng phòng Tổ chức - Hành chính và các tập thể có tên tại Điều 1 chịu trách nhiệm thi hành "
        "Quyết định này./.",
    ],
    "proposal": [
        "Kính gửi: Hội đồng Thi đua - Khen thưởng Thành phố.",
        "Căn cứ kết quả chấm điểm, bình xét thi đua tại Hội nghị tổng kết năm {year} và báo cáo tổng kết của các "
        "đơn vị thành viên, {cluster} kính trình Hội đồng xem xét, đề nghị:",
        "1. Tặng {award} cho {host} (đạt {score} điểm, dẫn đầu Cụm).",
        "2. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố cho {unit}.",
        "Hồ sơ gồm: Tờ trình, biên bản họp Cụm, báo cáo thành tích của các đơn vị.",
        "Kính trình Hội đồng Thi đua - Khen thưởng Thành phố xem xét, quyết định./.",
    ],
    "minutes": [
        "Thời gian: 14 giờ 00, ngày {day} tháng 12 năm {year}.",
        "Địa điểm: {host}.",
        "Thành phần: Đại diện lãnh đạo {count} đơn vị thành viên {cluster}.",
        "Chủ trì: Đồng chí {official}, Cụm trưởng. Thư ký: Đồng chí {official2}.",
        "NỘI DUNG",
        "1. Các đơn vị trình bày báo cáo tổng kết công tác thi đua, khen thưởng năm {year} và kết quả tự chấm điểm.",
        "2. Cụm trưởng thông qua kết quả chấm điểm; {host} dẫn đầu với {score} điểm.",
        "3. Hội nghị biểu quyết suy tôn {host} đề nghị tặng {award}: 100% đại biểu nhất trí.",
        "Biên bản kết thúc lúc 16 giờ 30 cùng ngày, đã thông qua cho các thành viên dự họp cùng nghe.",
    ],
    "notice": [
        "Ngày {day}/12/{year}, {cluster} tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm {year}.",
        "Sau khi nghe báo cáo tổng kết và kết quả chấm điểm, Cụm trưởng kết luận như sau:",
        "1. Năm {year}, các đơn vị đã hoàn thành tốt nhiệm vụ; {host} đạt {score} điểm, xếp thứ nhất.",
        "2. Thống nhất đề nghị tặng {award} cho {host}.",
        "3. Cụm trưởng năm {next}: {unit}.",
        "Cụm thi đua thông báo để các đơn vị biết, thực hiện./.",
    ],
    "instruction": [
        "1. Báo cáo tổng kết công tác thi đua, khen thưởng năm {year} gồm các phần: Đặc điểm tình hình; "
        "kết quả thực hiện nhiệm vụ; kết quả phong trào thi đua; phương hướng năm {next}.",
        "2. Kèm theo báo cáo là bảng tự chấm điểm theo bảng tiêu chí của Cụm, có minh chứng cho từng tiêu chí.",
        "3. Thời hạn: các đơn vị gửi báo cáo về {host} trước ngày {day}/12/{year}.",
        "4. Đơn vị gửi báo cáo chậm bị trừ 01 điểm theo tiêu chí 5.2.",
        "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ {host} để được hướng dẫn./.",
    ],
}
HEADLINES = ["{cluster_title} tổng kết công tác thi đua, khen thưởng năm {year}",
             "{host} dẫn đầu {cluster_title} năm {year}",
             "Hội nghị tổng kết phong trào thi đua {cluster_title} năm {year}",
             "Sôi nổi phong trào thi đua trong các trường nghề năm {year}",
             "{cluster_title}: {count} đơn vị được đề nghị khen thưởng"]
ARTICLE = [
    "{agency} – Sáng {day}/12, tại {host}, {cluster} tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng "
    "năm {year} và ký kết giao ước thi đua năm {next}.",
    "Báo cáo tổng kết tại hội nghị cho thấy, năm {year} các đơn vị trong Cụm đã hoàn thành xuất sắc nhiệm vụ, "
    "nhiều chỉ tiêu vượt kế hoạch.",
    "Theo kết quả chấm điểm, {host} dẫn đầu Cụm với {score}/100 điểm và được đề nghị tặng {award}.",
    "Phát biểu tại hội nghị, đồng chí {official} ghi nhận kết quả các đơn vị đạt được, đồng thời đề nghị {unit} "
    "tiếp tục phát huy vai trò Cụm trưởng năm {next}.",
    "Dịp này, {count} tập thể và nhiều cá nhân được tặng Bằng khen của Chủ tịch UBND Thành phố.",
]
NOTES = [
    "Kính gửi: {to}.",
    "Em là {official}, cán bộ phụ trách thi đua của {unit}. Em gửi kèm báo cáo tổng kết công tác thi đua, "
    "khen thưởng năm {year} và bảng tự chấm điểm của đơn vị.",
    "Báo cáo tổng kết năm {year} bản có chữ ký, đóng dấu em sẽ gửi qua đường văn thư trong tuần này.",
    "Nếu có gì cần bổ sung, anh/chị liên hệ em theo số điện thoại 09{phone}.",
    "Trân trọng cảm ơn!",
]
EMAIL_HEADS = ["Từ: {official} <thiduakhenthuong.{abbr_mail}@gmail.com>",
               "Gửi: cumthidua{c}@hanoi.gov.vn",
               "Ngày gửi: {day}/12/{year} 10:{minute}",
               "Tiêu đề: Gửi báo cáo tổng kết thi đua năm {year} - {abbr}"]
# Tables some kinds carry: header row, then rows made from the document's facts.
UNIT_SCORE_HEADS = [["STT", "Đơn vị", "Điểm tự chấm", "Điểm Cụm chấm", "Xếp hạng"],
                    ["TT", "Tên đơn vị", "Tổng điểm", "Xếp thứ", "Hình thức đề nghị"],
                    ["STT", "Tên tập thể", "Điểm tự chấm", "Danh hiệu đề nghị", "Ghi chú"]]
PLAN_TABLE_HEAD = ["TT", "Nội dung tiêu chí", "Điểm chuẩn", "Chỉ tiêu", "Điểm phấn đấu"]
PLAN_TABLE_ROWS = [("Công tác tuyển sinh", "20", "100% chỉ tiêu", "20"),
                   ("Chất lượng đào tạo", "25", "tốt nghiệp trên 95%", "24"),
                   ("Công tác nghiên cứu khoa học", "15", "05 đề tài", "14"),
                   ("Công tác thi đua, khen thưởng", "10", "đúng thời hạn", "10")]

# A unit's report carried under a cover letter (positive controls).
REPORT_TITLES = [("BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm {year} và phương hướng, nhiệm vụ năm {next}"),
                 ("BÁO CÁO", "Kết quả thực hiện phong trào thi đua năm {year}"),
                 ("BÁO CÁO TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {year}", "")]
REPORT_BODY = [
    "I. ĐẶC ĐIỂM TÌNH HÌNH",
    "{unit} có 245 cán bộ, viên chức, người lao động; quy mô đào tạo 3.200 người học.",
    "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {year}",
    "Tuyển sinh đạt 1.150/1.100 chỉ tiêu (104,5%); tỷ lệ người học tốt nghiệp đạt 96,2%; 18 đề tài nghiên cứu "
    "khoa học cấp cơ sở được nghiệm thu.",
    "III. KẾT QUẢ PHONG TRÀO THI ĐUA VÀ CÔNG TÁC KHEN THƯỞNG",
    "Năm {year}, đơn vị được tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố; 12 tập thể đạt danh hiệu "
    "Tập thể lao động tiên tiến.",
    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {next}",
    "Tiếp tục đẩy mạnh phong trào thi đua; phấn đấu tuyển sinh đạt 100% chỉ tiêu.",
]

# Variants inside a kind.
SUMMARIES_INSPECTION = "Kiểm tra, chấm điểm thi đua năm {year} tại {unit}"
INSPECTION_BODY = [
    "Thời gian: 08 giờ 30, ngày {day} tháng 12 năm {year}.",
    "Đoàn kiểm tra của {cluster} gồm đại diện {host} (Cụm trưởng) và Cụm phó.",
    "Đơn vị được kiểm tra: {unit}.",
    "Sau khi nghe đơn vị báo cáo tổng kết và đối chiếu minh chứng, Đoàn kiểm tra thống nhất kết quả chấm điểm "
    "như sau:",
]
OUTLINE_TITLE = "ĐỀ CƯƠNG BÁO CÁO TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {year}"
OUTLINE = ["(Kèm theo Công văn của {cluster})",
           "I. ĐẶC ĐIỂM TÌNH HÌNH", "Nêu khái quát chức năng, nhiệm vụ, thuận lợi, khó khăn của đơn vị.",
           "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "Nêu kết quả thực hiện các chỉ tiêu năm {year}, có số liệu so sánh.",
           "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {next}"]
TEMPLATE = ["Phụ lục", "MẪU BÁO CÁO TỔNG KẾT", "TÊN ĐƠN VỊ", "Số:      /BC-…", "BÁO CÁO",
            "Tổng kết công tác thi đua, khen thưởng năm {year}",
            "I. ĐẶC ĐIỂM TÌNH HÌNH", "II. KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "III. PHƯƠNG HƯỚNG NĂM {next}"]
NOTE_LOOSE = ["Báo cáo bản cứng có dấu em gửi sau ạ", "Báo cáo tổng kết năm {year} em gửi lại bản đã sửa"]
SITES = ["Cổng thông tin điện tử Sở Nội vụ", "BÁO HÀ NỘI MỚI", "Trang tin Ban Thi đua - Khen thưởng",
         "Tin tức - Sự kiện"]
MARKS = {"draft": "DỰ THẢO", "urgent": "KHẨN"}
REPORT_SUBJECT = "V/v báo cáo tổng kết công tác thi đua, khen thưởng năm {year}"
