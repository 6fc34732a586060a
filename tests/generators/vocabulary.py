"""Wording of generated criteria tables: what clusters' criteria documents say, by field of work.

Each field gives titles its group row may have and criteria with sub-criteria. Titles are
written as the truth (sentence case; proper nouns such as "Đảng", "Cụm", "Thành phố" capitalised).
No title holds the words that start scoring guidance ("Đạt từ", "Mỗi", "Trường hợp"), a period,
a spaced dash or a number, so title and guidance part where the contract says they do.
"""

from __future__ import annotations

from pipeline.config.rubric import GroupKind

# field → (group titles, [(criterion title, [sub-criterion titles])])
FIELDS: dict[str, tuple[list[str], list[tuple[str, list[str]]]]] = {
    "chuyen_mon": (
        ["Thực hiện nhiệm vụ chuyên môn", "Công tác chuyên môn", "Thực hiện nhiệm vụ chính trị được giao",
         "Công tác đào tạo"],
        [
            ("Công tác tuyển sinh", ["Hoàn thành chỉ tiêu tuyển sinh được giao", "Đa dạng hóa phương thức tuyển sinh",
                                     "Công tác truyền thông, tư vấn tuyển sinh", "Tuyển sinh các ngành nghề mới"]),
            ("Chất lượng đào tạo", ["Tỷ lệ người học tốt nghiệp", "Tỷ lệ người học có việc làm sau tốt nghiệp",
                                    "Tổ chức thi, kiểm tra đúng quy chế",
                                    "Lấy ý kiến người học về hoạt động giảng dạy"]),
            ("Phát triển chương trình đào tạo", ["Rà soát, cập nhật chương trình đào tạo",
                                                 "Xây dựng chương trình đào tạo mới",
                                                 "Biên soạn giáo trình, tài liệu giảng dạy"]),
            ("Kiểm định chất lượng giáo dục", ["Hoàn thành tự đánh giá cơ sở đào tạo",
                                               "Chương trình đào tạo được kiểm định",
                                               "Thực hiện kế hoạch cải tiến chất lượng"]),
            ("Công tác học sinh, sinh viên", ["Tổ chức tuần sinh hoạt công dân đầu khóa",
                                              "Thực hiện chế độ, chính sách cho người học",
                                              "Tư vấn, hỗ trợ việc làm cho người học"]),
            ("Bồi dưỡng đội ngũ nhà giáo", ["Nhà giáo có trình độ chuẩn theo quy định",
                                            "Cử nhà giáo đi bồi dưỡng nâng cao trình độ",
                                            "Tổ chức hội giảng nhà giáo cấp trường"]),
            ("Ứng dụng công nghệ thông tin trong giảng dạy", ["Xây dựng bài giảng điện tử",
                                                              "Sử dụng phần mềm quản lý đào tạo",
                                                              "Tổ chức dạy học trực tuyến"]),
            ("Gắn kết đào tạo với doanh nghiệp", ["Ký kết thỏa thuận hợp tác với doanh nghiệp",
                                                  "Tổ chức thực tập tại doanh nghiệp",
                                                  "Mời chuyên gia doanh nghiệp tham gia giảng dạy"]),
        ],
    ),
    "khoa_hoc": (
        ["Công tác nghiên cứu khoa học", "Nghiên cứu khoa học và chuyển giao công nghệ",
         "Hoạt động khoa học, công nghệ"],
        [
            ("Đề tài nghiên cứu khoa học các cấp", ["Đề tài cấp cơ sở được nghiệm thu",
                                                    "Đề tài cấp Bộ, cấp Thành phố được nghiệm thu",
                                                    "Đăng ký đề tài mới đúng tiến độ"]),
            ("Công bố khoa học", ["Bài báo đăng trên tạp chí khoa học trong nước", "Bài báo đăng trên tạp chí quốc tế",
                                  "Báo cáo tham luận tại hội thảo khoa học"]),
            ("Hoạt động sáng kiến", ["Sáng kiến được công nhận cấp cơ sở", "Sáng kiến được áp dụng hiệu quả",
                                     "Phổ biến sáng kiến trong đơn vị"]),
            ("Tổ chức hội thảo, tọa đàm khoa học", ["Hội thảo khoa học cấp trường",
                                                    "Tọa đàm chuyên đề với các đơn vị trong Cụm"]),
            ("Nghiên cứu khoa học của sinh viên", ["Số đề tài sinh viên được nghiệm thu",
                                                   "Sinh viên tham gia hội nghị khoa học"]),
            ("Chuyển giao công nghệ", ["Hợp đồng chuyển giao công nghệ được ký kết",
                                       "Sản phẩm khoa học được ứng dụng vào thực tiễn"]),
        ],
    ),
    "dang_doan_the": (
        ["Công tác xây dựng Đảng và các đoàn thể", "Xây dựng tổ chức đảng, đoàn thể vững mạnh",
         "Công tác chính trị, tư tưởng"],
        [
            ("Xây dựng tổ chức đảng trong sạch, vững mạnh", ["Học tập, quán triệt nghị quyết của Đảng",
                                                             "Thực hiện quy chế làm việc của cấp ủy",
                                                             "Công tác phát triển đảng viên"]),
            ("Hoạt động của tổ chức Công đoàn", ["Chăm lo đời sống người lao động",
                                                 "Tổ chức hội nghị viên chức, người lao động",
                                                 "Công đoàn cơ sở được xếp loại vững mạnh"]),
            ("Hoạt động của Đoàn Thanh niên", ["Tổ chức các hoạt động tình nguyện",
                                               "Phát triển đoàn viên mới",
                                               "Tham gia phong trào thanh niên của Thành phố"]),
            ("Thực hiện quy chế dân chủ ở cơ sở", ["Công khai chủ trương, chính sách",
                                                   "Tổ chức đối thoại với viên chức, người lao động"]),
            ("Công tác tuyên truyền, giáo dục chính trị", ["Tổ chức học tập chính trị đầu năm",
                                                            "Tuyên truyền các ngày lễ lớn của đất nước"]),
        ],
    ),
    "thi_dua": (
        ["Công tác thi đua, khen thưởng", "Tổ chức phong trào thi đua", "Thi đua, khen thưởng"],
        [
            ("Tổ chức phát động phong trào thi đua", ["Ban hành kế hoạch phát động thi đua",
                                                      "Tổ chức ký kết giao ước thi đua",
                                                      "Sơ kết, tổng kết phong trào thi đua"]),
            ("Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến", ["Xây dựng mô hình điển hình tiên tiến",
                                                                       "Tuyên truyền gương người tốt, việc tốt"]),
            ("Thực hiện công tác khen thưởng", ["Khen thưởng kịp thời, đúng quy định",
                                                "Hồ sơ khen thưởng đầy đủ, đúng thời hạn",
                                                "Công khai kết quả khen thưởng"]),
            ("Tham gia hoạt động của Cụm thi đua", ["Tham dự đầy đủ hội nghị của Cụm",
                                                    "Phối hợp tổ chức hoạt động chung của Cụm"]),
            ("Tuyên truyền về công tác thi đua, khen thưởng", ["Đưa tin trên trang thông tin điện tử",
                                                                "Tổ chức chuyên mục thi đua trên bản tin"]),
        ],
    ),
    "hanh_chinh": (
        ["Cải cách hành chính", "Công tác cải cách hành chính và chuyển đổi số", "Công tác hành chính, quản trị"],
        [
            ("Cải cách thủ tục hành chính", ["Rà soát, đơn giản hóa thủ tục hành chính",
                                             "Niêm yết công khai thủ tục hành chính",
                                             "Giải quyết hồ sơ đúng hạn"]),
            ("Ứng dụng công nghệ thông tin, chuyển đổi số", ["Sử dụng văn bản điện tử, chữ ký số",
                                                             "Cập nhật cơ sở dữ liệu chuyên ngành",
                                                             "Vận hành trang thông tin điện tử"]),
            ("Thực hiện chế độ thông tin, báo cáo", ["Gửi báo cáo định kỳ đúng thời hạn",
                                                     "Nội dung báo cáo đầy đủ, chính xác",
                                                     "Báo cáo đột xuất theo yêu cầu"]),
            ("Thực hành tiết kiệm, chống lãng phí", ["Ban hành chương trình thực hành tiết kiệm",
                                                     "Sử dụng điện, nước tiết kiệm"]),
            ("Công tác văn thư, lưu trữ", ["Quản lý văn bản đi, đến đúng quy định",
                                           "Chỉnh lý tài liệu lưu trữ"]),
        ],
    ),
    "an_ninh": (
        ["Công tác bảo đảm an ninh, trật tự", "Bảo đảm an ninh, an toàn cơ quan", "Công tác quốc phòng, an ninh"],
        [
            ("Bảo vệ an ninh chính trị nội bộ", ["Quản lý cán bộ, viên chức đi nước ngoài",
                                                 "Bảo vệ bí mật nhà nước"]),
            ("Công tác phòng cháy, chữa cháy", ["Kiện toàn đội phòng cháy, chữa cháy cơ sở",
                                                "Tổ chức diễn tập phương án chữa cháy",
                                                "Trang bị phương tiện chữa cháy"]),
            ("Bảo đảm an toàn, vệ sinh lao động", ["Huấn luyện an toàn lao động",
                                                   "Kiểm tra định kỳ thiết bị có yêu cầu nghiêm ngặt"]),
            ("Phòng, chống tệ nạn xã hội", ["Tuyên truyền phòng, chống ma túy",
                                            "Xây dựng môi trường học đường an toàn"]),
            ("Thực hiện nhiệm vụ quốc phòng", ["Giáo dục quốc phòng và an ninh cho người học",
                                               "Xây dựng lực lượng tự vệ"]),
        ],
    ),
    "to_chuc": (
        ["Công tác tổ chức cán bộ", "Xây dựng đội ngũ", "Công tác tổ chức, nhân sự"],
        [
            ("Quy hoạch, bổ nhiệm cán bộ", ["Rà soát, bổ sung quy hoạch cán bộ",
                                            "Bổ nhiệm, bổ nhiệm lại đúng quy trình"]),
            ("Đánh giá, xếp loại viên chức", ["Đánh giá viên chức đúng thời hạn", "Công khai kết quả đánh giá"]),
            ("Thực hiện chế độ, chính sách đối với người lao động", ["Nâng lương đúng hạn",
                                                                      "Giải quyết chế độ nghỉ hưu kịp thời"]),
            ("Tuyển dụng viên chức", ["Xây dựng kế hoạch tuyển dụng", "Tổ chức tuyển dụng công khai, minh bạch"]),
            ("Bồi dưỡng cán bộ quản lý", ["Cử cán bộ đi bồi dưỡng lý luận chính trị",
                                          "Bồi dưỡng kỹ năng lãnh đạo, quản lý"]),
        ],
    ),
    "tai_chinh": (
        ["Công tác quản lý tài chính, tài sản", "Quản lý tài chính và cơ sở vật chất"],
        [
            ("Lập và thực hiện dự toán ngân sách", ["Lập dự toán đúng thời hạn", "Giải ngân vốn đầu tư công"]),
            ("Quản lý, sử dụng tài sản công", ["Kiểm kê tài sản định kỳ", "Sử dụng tài sản đúng mục đích"]),
            ("Công khai tài chính", ["Công khai dự toán, quyết toán", "Công khai các khoản thu"]),
            ("Thực hiện cơ chế tự chủ tài chính", ["Xây dựng quy chế chi tiêu nội bộ",
                                                   "Tăng nguồn thu sự nghiệp"]),
            ("Đầu tư cơ sở vật chất", ["Sửa chữa, cải tạo phòng học", "Mua sắm thiết bị đào tạo"]),
        ],
    ),
    "phong_trao": (
        ["Thực hiện các phong trào, cuộc vận động", "Hoạt động văn hóa, văn nghệ, thể thao",
         "Công tác xã hội và các phong trào"],
        [
            ("Tham gia các cuộc vận động", ["Hưởng ứng cuộc vận động của Mặt trận Tổ quốc",
                                            "Thực hiện phong trào thi đua yêu nước"]),
            ("Hoạt động văn nghệ, thể dục thể thao", ["Tổ chức hội diễn văn nghệ",
                                                       "Tham gia hội thao của Cụm"]),
            ("Công tác xã hội, từ thiện", ["Ủng hộ quỹ vì người nghèo", "Tham gia hiến máu tình nguyện"]),
            ("Xây dựng cơ quan văn hóa", ["Thực hiện quy tắc ứng xử", "Xây dựng cảnh quan xanh, sạch, đẹp"]),
            ("Thực hiện chính sách dân số, bình đẳng giới", ["Tuyên truyền về bình đẳng giới",
                                                             "Chăm sóc sức khỏe người lao động"]),
        ],
    ),
}

# Fourth level, when a sub-criterion is split again.
STEPS = ["Xây dựng kế hoạch triển khai", "Tổ chức thực hiện đúng tiến độ", "Kiểm tra, giám sát việc thực hiện",
         "Báo cáo kết quả thực hiện", "Có văn bản hướng dẫn cụ thể", "Lưu trữ hồ sơ đầy đủ"]

BONUS_SECTION = ["Điểm thưởng", "Điểm cộng", "Điểm thưởng, điểm cộng", "Tiêu chí điểm thưởng"]
DEDUCTION_SECTION = ["Điểm trừ", "Tiêu chí điểm trừ", "Các nội dung điểm trừ"]

# (title, what one amount may be counted per)
BONUS_ITEMS = [
    ("Được tặng Cờ thi đua của Chính phủ", []),
    ("Được tặng Bằng khen của Thủ tướng Chính phủ", []),
    ("Được tặng Cờ thi đua của Ủy ban nhân dân Thành phố", []),
    ("Có sáng kiến được công nhận cấp Thành phố", ["sáng kiến"]),
    ("Đăng cai tổ chức hoạt động chung của Cụm", ["lần"]),
    ("Có bài báo khoa học đăng trên tạp chí quốc tế", ["bài báo"]),
    ("Có đề tài nghiên cứu khoa học cấp Bộ được nghiệm thu", ["đề tài"]),
    ("Có tập thể, cá nhân đạt giải trong hội thi cấp Thành phố", ["giải"]),
    ("Có mô hình mới, cách làm hay được nhân rộng", ["mô hình"]),
    ("Có đóng góp nổi bật cho hoạt động của Cụm", []),
    ("Hoàn thành vượt chỉ tiêu tuyển sinh", []),
    ("Được cơ quan cấp trên biểu dương", ["lần"]),
]
DEDUCTION_ITEMS = [
    ("Gửi báo cáo chậm so với thời hạn quy định", ["lần", "báo cáo"]),
    ("Có cá nhân bị kỷ luật từ khiển trách trở lên", ["trường hợp", "cá nhân"]),
    ("Để xảy ra vụ việc mất an ninh, trật tự", ["vụ việc"]),
    ("Không tham gia hoạt động chung của Cụm", ["lần"]),
    ("Có đơn thư khiếu nại, tố cáo vượt cấp", ["trường hợp"]),
    ("Báo cáo sai lệch số liệu", ["lần"]),
    ("Vi phạm quy định về phòng cháy, chữa cháy", ["lần"]),
    ("Có tập thể bị cấp trên phê bình bằng văn bản", ["lần"]),
    ("Không hoàn thành nhiệm vụ được giao", []),
    ("Để xảy ra sai phạm trong quản lý tài chính", ["vụ việc"]),
]
# Rows of a section that hold items of their own: (title, [(item title, what it is counted per)]).
SECTION_HOLDERS = {
    GroupKind.BONUS: [
        ("Được khen thưởng trong năm", [("Cờ thi đua của Chính phủ", []), ("Bằng khen của Thủ tướng Chính phủ", []),
                                        ("Cờ thi đua của Ủy ban nhân dân Thành phố", []),
                                        ("Bằng khen của Bộ trưởng", ["bằng khen"])]),
        ("Thành tích nổi bật khác", [("Sáng kiến được áp dụng trong toàn ngành", ["sáng kiến"]),
                                     ("Đạt giải trong hội thi cấp quốc gia", ["giải"]),
                                     ("Mô hình hay được cấp trên nhân rộng", ["mô hình"])]),
    ],
    GroupKind.DEDUCTION: [
        ("Vi phạm kỷ luật, pháp luật", [("Có cá nhân bị kỷ luật từ khiển trách trở lên", ["trường hợp"]),
                                        ("Để xảy ra vụ việc mất an ninh, trật tự", ["vụ việc"]),
                                        ("Có đơn thư tố cáo đúng được kết luận", ["trường hợp"])]),
        ("Chấp hành chế độ báo cáo", [("Gửi báo cáo chậm so với thời hạn", ["lần", "báo cáo"]),
                                      ("Báo cáo thiếu nội dung theo yêu cầu", ["báo cáo"]),
                                      ("Không gửi báo cáo", ["lần"])]),
    ],
}

# Items inside a standard criterion ("+1", "-0,25/01 trường hợp").
NESTED_BONUS = [
    ("Có báo cáo chuyên đề gửi Cụm", ["báo cáo"]),
    ("Có sáng kiến được áp dụng hiệu quả", ["sáng kiến"]),
    ("Hoàn thành trước thời hạn", []),
    ("Được cấp trên đánh giá xuất sắc", []),
    ("Có sản phẩm được giới thiệu trên báo chí", ["bài báo"]),
    ("Có cách làm mới được nhân rộng", []),
]
NESTED_DEDUCTION = [
    ("Chậm nộp báo cáo", ["lần", "báo cáo"]),
    ("Số liệu báo cáo không chính xác", ["lần"]),
    ("Không tham dự hội nghị của Cụm", ["lần"]),
    ("Có viên chức vi phạm quy định", ["trường hợp"]),
    ("Hồ sơ không đầy đủ", ["trường hợp"]),
    ("Không thực hiện đúng kế hoạch", []),
]

CLUSTERS = ["CỤM THI ĐUA SỐ 18", "CỤM THI ĐUA SỐ 7", "CỤM THI ĐUA CÁC TRƯỜNG CAO ĐẲNG",
            "CỤM THI ĐUA CÁC CƠ SỞ GIÁO DỤC NGHỀ NGHIỆP", "CỤM THI ĐUA SỐ 3"]
