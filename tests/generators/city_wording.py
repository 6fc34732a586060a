"""Wording of the city corpus's year-end reports (tests/generators/city_corpus.py) beyond the
criteria's own sentences (tests/generators/evidence_wording.py): the units' names, the people, the
departments and programmes of the figures' tables, and the parts general prose is put together
from (an opening, who acts, what is done, to what end), so that a long report says many different
things instead of repeating a few sentences.

Placeholders as in evidence_wording: {n} {m} small counts, {big} a count, {pct} a percentage,
{doc} a document number, {date} a date in the report's year, {y} the report's year, {y0} the
year before, {y1} the next; also {dept} a department of the unit.

Nothing here states a discipline ("bị kỷ luật": a deduction rule of the sample rubric) or an award
(the awards paragraph of the report states them, with their truth): a general sentence never
changes a unit's scoring.
"""

from __future__ import annotations

# Units of a city's clusters of training institutions: kind (as named, short form in aliases),
# field, and the district in the name. Their parent body in the header depends on the field.
KINDS = [("Trường Cao đẳng", "CĐ"), ("Trường Cao đẳng", "CĐ"), ("Trường Trung cấp", "TC"), ("Trường Đại học", "ĐH")]
FIELDS = [
    ("Y tế", "SỞ Y TẾ HÀ NỘI"), ("Điều dưỡng", "SỞ Y TẾ HÀ NỘI"), ("Dược", "SỞ Y TẾ HÀ NỘI"),
    ("Sư phạm", "UBND THÀNH PHỐ HÀ NỘI"), ("Sư phạm Mầm non", "UBND THÀNH PHỐ HÀ NỘI"),
    ("Nghệ thuật", "UBND THÀNH PHỐ HÀ NỘI"), ("Văn hóa Nghệ thuật", "UBND THÀNH PHỐ HÀ NỘI"),
    ("Du lịch", "UBND THÀNH PHỐ HÀ NỘI"), ("Kinh tế", "UBND THÀNH PHỐ HÀ NỘI"),
    ("Kinh tế - Kỹ thuật", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"), ("Công nghệ", "UBND THÀNH PHỐ HÀ NỘI"),
    ("Cơ điện", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"), ("Xây dựng", "SỞ XÂY DỰNG HÀ NỘI"),
    ("Giao thông Vận tải", "SỞ GIAO THÔNG VẬN TẢI HÀ NỘI"), ("Nông nghiệp", "SỞ NÔNG NGHIỆP VÀ PTNT HÀ NỘI"),
    ("Thương mại", "SỞ CÔNG THƯƠNG HÀ NỘI"), ("Điện tử - Điện lạnh", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
    ("Thể dục Thể thao", "SỞ VĂN HÓA VÀ THỂ THAO HÀ NỘI"), ("Công nghệ Thông tin", "UBND THÀNH PHỐ HÀ NỘI"),
    ("Kỹ thuật Y tế", "SỞ Y TẾ HÀ NỘI"),
]
PLACES = ["Hà Đông", "Tây Hồ", "Thanh Trì", "Mê Linh", "Sơn Tây", "Đông Anh", "Gia Lâm", "Long Biên", "Hoàng Mai",
          "Cầu Giấy", "Ba Đình", "Đống Đa", "Hai Bà Trưng", "Thanh Xuân", "Bắc Từ Liêm", "Nam Từ Liêm", "Sóc Sơn",
          "Ba Vì", "Phúc Thọ", "Thạch Thất", "Quốc Oai", "Chương Mỹ", "Thanh Oai", "Thường Tín", "Phú Xuyên",
          "Ứng Hòa", "Mỹ Đức", "Đan Phượng", "Hoài Đức", "Thăng Long"]
HEAD_TITLES = ["Hiệu trưởng", "Hiệu trưởng", "Hiệu trưởng", "Phó Hiệu trưởng phụ trách"]

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
            "Đinh", "Trịnh", "Phan", "Tạ", "Đoàn", "Lương"]
MIDDLES = ["Văn", "Thị", "Minh", "Thu", "Quốc", "Đức", "Thanh", "Ngọc", "Hồng", "Xuân", "Anh", "Hải", "Thùy",
           "Mạnh", "Kim", "Bảo"]
GIVENS = ["Anh", "Bình", "Cường", "Dung", "Duy", "Giang", "Hà", "Hạnh", "Hiền", "Hòa", "Hùng", "Hương", "Khánh",
          "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Ngân", "Nhung", "Phong", "Phương", "Quân", "Quang", "Sơn",
          "Tâm", "Thảo", "Thắng", "Trang", "Trung", "Tuấn", "Vân", "Việt", "Yến", "Huyền", "Đạt", "Hiếu", "Lộc",
          "Thủy"]

DEPARTMENTS = ["Phòng Đào tạo", "Phòng Tổ chức - Hành chính", "Phòng Tài chính - Kế toán", "Phòng Quản trị - Thiết bị",
               "Phòng Công tác học sinh, sinh viên", "Phòng Khảo thí và Đảm bảo chất lượng",
               "Phòng Khoa học và Hợp tác quốc tế", "Khoa Khoa học cơ bản", "Khoa Ngoại ngữ - Tin học",
               "Khoa Kinh tế", "Khoa Điều dưỡng", "Khoa Dược", "Khoa Sư phạm", "Khoa Nghệ thuật", "Khoa Du lịch",
               "Khoa Công nghệ", "Khoa Cơ khí", "Khoa Điện - Điện tử", "Trung tâm Thông tin - Thư viện",
               "Trung tâm Tuyển sinh và Quan hệ doanh nghiệp", "Trung tâm Đào tạo thường xuyên",
               "Khoa Lý luận chính trị", "Khoa Giáo dục thể chất", "Ban Quản lý ký túc xá"]
PROGRAMMES = ["Điều dưỡng", "Dược", "Kỹ thuật xét nghiệm y học", "Hộ sinh", "Giáo dục mầm non", "Giáo dục tiểu học",
              "Sư phạm âm nhạc", "Thanh nhạc", "Biểu diễn nhạc cụ truyền thống", "Quản trị kinh doanh", "Kế toán",
              "Tài chính - Ngân hàng", "Quản trị khách sạn", "Hướng dẫn du lịch", "Công nghệ thông tin",
              "Quản trị mạng máy tính", "Điện công nghiệp", "Công nghệ ô tô", "Cắt gọt kim loại", "Thiết kế đồ họa",
              "Tiếng Anh", "Tiếng Hàn Quốc", "Tiếng Nhật", "Công tác xã hội", "Thư ký văn phòng", "Logistics",
              "Kỹ thuật xây dựng", "Chăn nuôi - Thú y", "Thương mại điện tử", "Marketing"]
STAFF_ROLES = ["Giảng viên", "Giảng viên chính", "Trưởng khoa", "Phó Trưởng khoa", "Trưởng phòng", "Phó Trưởng phòng",
               "Chuyên viên", "Kế toán viên", "Thư viện viên", "Nhân viên"]
RESEARCH_SUBJECTS = ["Nghiên cứu giải pháp nâng cao", "Đánh giá thực trạng", "Xây dựng bộ công cụ đánh giá",
                     "Ứng dụng công nghệ số trong", "Khảo sát mức độ hài lòng của người học về",
                     "Đề xuất mô hình", "Nghiên cứu các yếu tố ảnh hưởng đến", "Thiết kế học liệu điện tử cho"]
RESEARCH_OBJECTS = ["chất lượng dạy học thực hành", "kỹ năng mềm của sinh viên năm thứ nhất",
                    "hoạt động tự học của người học", "công tác tư vấn tuyển sinh",
                    "hiệu quả thực tập tại doanh nghiệp", "năng lực ngoại ngữ của sinh viên",
                    "hoạt động kiểm tra, đánh giá", "công tác quản lý ký túc xá", "hoạt động ngoại khóa",
                    "việc làm của người học sau tốt nghiệp", "năng lực số của giảng viên",
                    "chương trình đào tạo theo chuẩn đầu ra"]
RESEARCH_RESULTS = ["Xuất sắc", "Tốt", "Tốt", "Khá", "Đạt"]
COURSES = ["Bồi dưỡng nghiệp vụ sư phạm", "Bồi dưỡng lý luận chính trị trung cấp", "Tập huấn kỹ năng số",
           "Bồi dưỡng ngoại ngữ theo Khung năng lực 6 bậc", "Tập huấn công tác thi đua, khen thưởng",
           "Bồi dưỡng kiến thức quốc phòng và an ninh", "Tập huấn phần mềm quản lý đào tạo",
           "Bồi dưỡng chuẩn chức danh nghề nghiệp", "Tập huấn công tác phòng cháy, chữa cháy",
           "Bồi dưỡng kỹ năng tư vấn tâm lý học đường", "Tập huấn xây dựng bài giảng điện tử",
           "Bồi dưỡng nghiệp vụ kế toán, tài chính"]
MONTHS = ["tháng 01", "tháng 02", "tháng 3", "tháng 4", "tháng 5", "tháng 6", "tháng 7", "tháng 8", "tháng 9",
          "tháng 10", "tháng 11", "tháng 12", "quý I", "quý II", "quý III", "quý IV"]

# General prose: sections of a report and, for each, what is done; put together as
# "<opening> <actor> <action>, <end>." (thousands of different sentences from these parts).
OPENINGS = ["Trong năm {y},", "Ngay từ đầu năm,", "Thực hiện chỉ đạo của cấp trên,", "Bám sát kế hoạch năm học,",
            "Trong {month},", "Với sự phối hợp chặt chẽ của các đơn vị,", "Theo kế hoạch đã ban hành,",
            "Để thực hiện thắng lợi nhiệm vụ năm {y},", "Tiếp nối kết quả năm {y0},", "Trong kỳ báo cáo,",
            "Thực hiện Kế hoạch số {doc} ngày {date},", "Căn cứ chức năng, nhiệm vụ được giao,", ""]
ACTORS = ["Nhà trường", "Ban Giám hiệu Nhà trường", "{dept}", "Đảng ủy Nhà trường", "Hội đồng trường",
          "các phòng, khoa, trung tâm", "{dept} phối hợp với các đơn vị liên quan", "tập thể viên chức, người lao động"]
ENDS = ["góp phần hoàn thành các chỉ tiêu được giao", "tạo chuyển biến rõ nét trong nhận thức và hành động",
        "được viên chức, người lao động đồng tình hưởng ứng", "đạt kết quả tích cực, đúng tiến độ đề ra",
        "bảo đảm đúng quy định và hiệu quả", "nâng cao hiệu lực, hiệu quả quản lý", "tạo sự đồng thuận trong tập thể",
        "đáp ứng yêu cầu nhiệm vụ trong tình hình mới", "góp phần xây dựng môi trường làm việc chuyên nghiệp",
        "được cấp trên ghi nhận, đánh giá cao", "từng bước khắc phục những hạn chế của năm {y0}",
        "tạo nền tảng cho việc thực hiện nhiệm vụ năm {y1}"]
TOPICS: dict[str, list[str]] = {
    "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH": [
        "ban hành {n} văn bản chỉ đạo, hướng dẫn thực hiện nhiệm vụ trọng tâm",
        "tổ chức {m} cuộc họp giao ban định kỳ để đánh giá tiến độ công việc",
        "rà soát, sửa đổi {n} quy chế, quy định nội bộ cho phù hợp với quy định mới",
        "phân công nhiệm vụ cụ thể cho từng thành viên Ban Giám hiệu và các đơn vị",
        "xây dựng chương trình công tác năm với {m} nhiệm vụ trọng tâm",
        "thực hiện nghiêm chế độ thông tin, báo cáo theo yêu cầu của cấp trên",
        "tổ chức đối thoại với viên chức, người lao động và người học vào {month}",
        "kiện toàn {n} hội đồng tư vấn của Nhà trường",
    ],
    "CÔNG TÁC TUYÊN TRUYỀN": [
        "đăng tải {big} tin, bài trên cổng thông tin điện tử và trang mạng xã hội của Nhà trường",
        "tổ chức {n} buổi sinh hoạt chuyên đề về các chủ trương, chính sách mới",
        "phối hợp với cơ quan báo chí thực hiện {n} phóng sự về hoạt động của Nhà trường",
        "in ấn, phát hành {m} bản tin nội bộ phục vụ viên chức và người học",
        "tuyên truyền các gương điển hình trong lao động, học tập trên bảng tin của các khoa",
        "treo {m} băng rôn, khẩu hiệu chào mừng các ngày lễ lớn của đất nước",
        "tổ chức cuộc thi tìm hiểu pháp luật với {big} lượt người học tham gia",
    ],
    "CÔNG TÁC TỔ CHỨC, CÁN BỘ": [
        "thực hiện quy trình bổ nhiệm, bổ nhiệm lại {n} viên chức quản lý",
        "tiếp nhận, tuyển dụng {n} viên chức theo vị trí việc làm được phê duyệt",
        "nâng lương thường xuyên cho {m} viên chức và nâng lương trước thời hạn cho {n} trường hợp",
        "rà soát đề án vị trí việc làm và cơ cấu viên chức theo chức danh nghề nghiệp",
        "đánh giá, xếp loại viên chức năm {y} đúng quy trình, công khai",
        "giải quyết chế độ nghỉ hưu cho {n} viên chức đúng quy định",
        "cập nhật hồ sơ viên chức trên phần mềm quản lý nhân sự của Thành phố",
    ],
    "CÔNG TÁC TÀI CHÍNH, TÀI SẢN": [
        "lập và giao dự toán ngân sách năm {y} cho các đơn vị đúng thời hạn",
        "thực hiện tự chủ tài chính theo phương án đã được phê duyệt",
        "kiểm kê tài sản, công cụ dụng cụ cuối năm tại {m} đơn vị",
        "công khai dự toán, quyết toán theo quy định tại hội nghị viên chức",
        "thanh toán đầy đủ, kịp thời tiền lương, phụ cấp cho viên chức, người lao động",
        "sửa chữa, cải tạo {n} phòng học và phòng thực hành với tổng kinh phí {n},{m} tỷ đồng",
        "mua sắm bổ sung {big} đầu sách, tài liệu tham khảo cho thư viện",
    ],
    "CÔNG TÁC HỌC SINH, SINH VIÊN": [
        "tổ chức tuần sinh hoạt công dân đầu khóa cho {big} người học mới nhập học",
        "xét, cấp học bổng khuyến khích học tập cho {big} lượt người học",
        "thực hiện miễn, giảm học phí cho {m} người học thuộc diện chính sách",
        "tổ chức {n} chương trình tư vấn nghề nghiệp, giới thiệu việc làm",
        "đánh giá kết quả rèn luyện của người học theo từng học kỳ",
        "phối hợp với công an địa phương quản lý người học ngoại trú",
        "tổ chức gặp mặt, tặng quà người học có hoàn cảnh khó khăn nhân dịp Tết",
    ],
    "CÔNG TÁC VĂN HÓA, THỂ THAO": [
        "tổ chức hội thao truyền thống với {m} nội dung thi đấu và {big} lượt vận động viên",
        "tham gia Hội diễn văn nghệ quần chúng của ngành với {n} tiết mục",
        "duy trì {n} câu lạc bộ văn hóa, thể thao của viên chức và người học",
        "tổ chức các hoạt động chào mừng kỷ niệm Ngày Nhà giáo Việt Nam 20/11",
        "phát động phong trào rèn luyện thân thể theo gương Bác Hồ vĩ đại",
        "tổ chức giải bóng đá sinh viên với {n} đội tham gia",
    ],
    "CÔNG TÁC THANH TRA, KIỂM TRA": [
        "xây dựng kế hoạch kiểm tra nội bộ với {n} nội dung trọng tâm",
        "kiểm tra việc thực hiện quy chế đào tạo tại {m} khoa chuyên môn",
        "kiểm tra hồ sơ giảng dạy của {big} giảng viên",
        "tiếp nhận và giải quyết {n} kiến nghị của người học đúng thời hạn",
        "kiểm tra công tác thu, chi tài chính và quản lý tài sản tại các đơn vị",
        "phối hợp với đoàn kiểm tra của cấp trên cung cấp đầy đủ hồ sơ, tài liệu",
    ],
    "CÔNG TÁC PHỐI HỢP VỚI DOANH NGHIỆP": [
        "ký kết thỏa thuận hợp tác với {m} doanh nghiệp trong và ngoài Thành phố",
        "tổ chức cho {big} người học đi thực tập tại doanh nghiệp",
        "mời {n} chuyên gia doanh nghiệp tham gia giảng dạy và góp ý chương trình đào tạo",
        "tổ chức ngày hội việc làm với {m} doanh nghiệp tham gia tuyển dụng",
        "phối hợp với doanh nghiệp đặt hàng đào tạo {n} lớp theo nhu cầu",
    ],
}
# Strengths, causes and lessons of the assessment section (no criterion's own difficulty).
STRENGTHS = [
    "Tập thể lãnh đạo Nhà trường đoàn kết, thống nhất, chỉ đạo quyết liệt, sát thực tế.",
    "Đội ngũ viên chức có tinh thần trách nhiệm, tâm huyết với nghề, không ngừng học tập nâng cao trình độ.",
    "Các phong trào thi đua được triển khai gắn với nhiệm vụ chuyên môn, có nội dung, tiêu chí cụ thể.",
    "Sự quan tâm, chỉ đạo sát sao của cấp trên và sự phối hợp của các cơ quan, đơn vị liên quan.",
    "Cơ chế phối hợp giữa chính quyền và các tổ chức đoàn thể trong Nhà trường được phát huy.",
]
CAUSES = [
    "Nguồn kinh phí dành cho đầu tư, mua sắm còn hạn chế so với nhu cầu thực tế.",
    "Một số đơn vị chưa chủ động trong việc xây dựng kế hoạch và tổng hợp kết quả thực hiện.",
    "Khối lượng công việc lớn trong khi biên chế được giao chưa tăng tương ứng.",
    "Việc ứng dụng công nghệ thông tin trong quản lý ở một số khâu còn chưa đồng bộ.",
]
LESSONS = [
    "Phải có sự lãnh đạo, chỉ đạo thống nhất của cấp ủy, sự vào cuộc của cả hệ thống chính trị trong Nhà trường.",
    "Kế hoạch phải cụ thể, phân công rõ người, rõ việc, rõ thời hạn hoàn thành và thường xuyên kiểm tra, đôn đốc.",
    "Kịp thời biểu dương, nhân rộng những cách làm hay, tạo động lực cho tập thể và cá nhân.",
    "Phát huy vai trò gương mẫu của người đứng đầu và tinh thần trách nhiệm của mỗi viên chức.",
]
PROPOSALS = [
    "Đề nghị Cụm thi đua tổ chức trao đổi kinh nghiệm giữa các đơn vị thành viên về công tác thi đua, khen thưởng.",
    "Đề nghị cấp trên quan tâm bố trí kinh phí đầu tư cơ sở vật chất, trang thiết bị thực hành.",
    "Đề nghị Ban Thi đua - Khen thưởng Thành phố tổ chức tập huấn nghiệp vụ cho cán bộ làm công tác thi đua.",
    "Đề nghị Cụm trưởng hướng dẫn thống nhất mẫu báo cáo và bảng tự chấm điểm ngay từ đầu năm.",
]
# Awards a unit received in the year (the report's awards paragraph): as written, recipient.
AWARDS = [
    ("Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố", "tập thể"),
    ("Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo", "tập thể"),
    ("Cờ thi đua của Ủy ban nhân dân Thành phố", "tập thể"),
    ("Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố", "cá nhân"),
    ("Giấy khen của Giám đốc Sở", "cá nhân"),
]
TITLES_OF_STAFF = ["Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Giấy khen của Hiệu trưởng"]
EMPLOYMENT = [
    "Tỷ lệ người học có việc làm sau tốt nghiệp đạt {pct}%.",
    "Theo khảo sát, {pct}% người học tốt nghiệp năm {y0} có việc làm phù hợp với ngành được đào tạo.",
]
