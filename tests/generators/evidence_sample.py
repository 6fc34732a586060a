"""Evidence in the sample cluster's reports (examples/cluster18-2023), labelled by hand.

``KNOWN[unit][criterion]``: passages that state a result for the criterion (a quote is right when
it holds one of them). ``NEVER[unit]``: passages of the same reports that share criteria's words
but are not evidence (the title, headings, the unit's description, difficulties, next year's
targets, the opening reference, the self-scoring table's notes): no quote may be one of them, or
part of one, or mostly one (see ``is_never``).
"""

from __future__ import annotations

KNOWN: dict[str, dict[str, list[str]]] = {
    "dhvhnt": {
        "I.1": ["tuyển sinh được 1.250/1.200 chỉ tiêu, đạt 104,2%"],
        "I.4": ["nghiệm thu 18 đề tài nghiên cứu khoa học cấp cơ sở", "công bố 46 bài báo khoa học",
                "đưa vào sử dụng 12 giáo trình"],
        "I.5": ["đội ngũ giảng viên của Nhà trường có 52 tiến sĩ", "cử 27 lượt viên chức tham gia các lớp bồi dưỡng"],
        "II.1": ["tham mưu ban hành Kế hoạch thi đua năm 2023 và phát động phong trào thi đua",
                 "chủ trì tổ chức ký kết giao ước thi đua của Cụm ngày 24/02/2023"],
        "II.4": ["02 cá nhân được tặng Bằng khen của Thủ tướng Chính phủ",
                 "04 tập thể đạt danh hiệu Tập thể lao động xuất sắc"],
        "III.1": ["kết nạp 23 đảng viên mới", "9/9 chi bộ trực thuộc được xếp loại"],
    },
    "cdyt": {
        "I.1": ["Tổng số tuyển sinh năm 2023 là 1.365 người học trên tổng chỉ tiêu 1.300, đạt 105%",
                "tuyển được 742/700 chỉ tiêu"],
        "I.4": ["nghiệm thu 15 đề tài nghiên cứu khoa học cấp cơ sở", "đăng 27 bài báo", "biên soạn mới 08 giáo trình"],
        "I.5": ["Tỷ lệ giảng viên có trình độ sau đại học đạt 87,3%"],
        "II.1": ["ban hành Kế hoạch thi đua năm 2023 ngay từ tháng 01", "phát động phong trào thi đua “Đổi mới"],
        "II.4": ["01 tập thể và 04 cá nhân được tặng Bằng khen", "03 cá nhân được tặng Bằng khen của Bộ trưởng",
                 "đạt danh hiệu"],
    },
    "cddd": {
        "I.1": ["tuyển sinh đạt 1.012/960 chỉ tiêu (105,4%)"],
        "II.4": ["05 cá nhân được tặng Giấy khen", "02 cá nhân được tặng Bằng khen",
                 "01 tập thể đạt danh hiệu Tập thể lao động xuất sắc", "Nhà trường được tặng Cờ thi đua của UBND"],
        "III.1": ["Đảng bộ Nhà trường có 06 chi bộ trực thuộc với 96 đảng viên"],
    },
    "cdmn": {
        "I.1": ["Nhà trường tuyển sinh 655/640 chỉ tiêu, đạt 102,3%"],
        "I.5": ["Nhà trường có 15 tiến sĩ, 64 thạc sĩ", "100% giảng viên tham gia bồi dưỡng",
                "tuyển dụng mới 05 giảng viên trẻ"],
        "III.1": ["kết nạp 04 đảng viên mới", "Đảng bộ được đánh giá trong sạch, vững mạnh"],
    },
    "cdsp": {
        "I.1": ["tuyển sinh được 872/850 chỉ tiêu, đạt 102,6%"],
        "I.4": ["11 đề tài nghiên cứu khoa học cấp trường", "công bố 31 bài báo", "biên soạn 06 giáo trình",
                "giải Nhì, 02 giải Ba Giải thưởng “Sinh viên nghiên cứu khoa học”"],
        "II.4": ["02 cá nhân được tặng Bằng khen của UBND Thành phố", "được tặng Giấy khen", "đạt danh hiệu"],
    },
    "cdnt": {
        "I.1": ["tuyển sinh 486/500 chỉ tiêu, đạt 97,2%", "riêng khối năng khiếu đạt 100% chỉ tiêu"],
        "I.4": ["nghiệm thu 09 đề tài nghiên cứu khoa học cấp cơ sở", "biên soạn 03 giáo trình",
                "công bố 21 bài báo"],
        "I.6": ["tổng kinh phí đầu tư cơ sở vật chất trong năm đạt 12,8 tỷ đồng",
                "Chuyển đổi số được triển khai trong quản lý đào tạo",
                "Nhà trường đón 02 đoàn nghệ sĩ Hàn Quốc"],
        "II.2": ["tham gia đầy đủ các hội nghị cụm", "Tham gia đầy đủ, có hiệu quả các hoạt động của Cụm"],
    },
}

NEVER: dict[str, list[str]] = {
    "dhvhnt": ["Tổng kết công tác thi đua, khen thưởng năm 2023", "CÔNG TÁC THI ĐUA, KHEN THƯỞNG",
               "là cơ sở giáo dục đại học công lập trực thuộc", "Công tác tuyển sinh, đào tạo", "Xây dựng đội ngũ",
               "Thực hiện Kế hoạch số 05/KH-CTĐ18", "Phấn đấu tuyển sinh đạt 100% chỉ tiêu", "Cụm trưởng",
               "Tổ chức các phong trào thi đua"],
    "cdyt": ["Kết quả thực hiện phong trào thi đua, công tác khen thưởng năm 2023", "Thực hiện Công văn số 37/CTĐ18",
             "Công tác tuyển sinh, đào tạo", "Phát triển đội ngũ", "một bộ phận giảng viên trẻ còn thiếu kinh nghiệm",
             "phấn đấu tuyển sinh đạt từ 100% chỉ tiêu", "số đề tài nghiên cứu khoa học có khả năng ứng dụng"],
    "cddd": ["Tổng kết công tác thi đua, khen thưởng năm 2023", "Khó khăn: Cơ sở vật chất khu giảng đường B",
             "số lượng giảng viên có trình độ tiến sĩ còn ít", "Tuyển sinh, đào tạo",
             "phấn đấu tuyển sinh vượt chỉ tiêu", "trực thuộc Sở Y tế Hà Nội, có nhiệm vụ đào tạo"],
    "cdmn": ["Công tác thi đua, khen thưởng năm 2023 và nhiệm vụ trọng tâm", "Thực hiện Kế hoạch số 05/KH-CTĐ18",
             "tuy nhiên, cơ sở vật chất của Nhà trường còn chật hẹp", "cơ sở vật chất chưa đáp ứng yêu cầu",
             "Nhà trường trực thuộc Uỷ ban nhân dân thành phố Hà Nội", "Nơi nhận",
             "Hạn chế: Nghiên cứu khoa học chưa nhiều", "phấn đấu tuyển sinh đạt 100% chỉ tiêu"],
    "cdsp": ["Tổng kết phong trào thi đua yêu nước, công tác khen thưởng năm 2023", "Công tác tuyển sinh.",
             "Thực hiện hướng dẫn của Cụm thi đua số 18", "Hoàn thành chỉ tiêu tuyển sinh năm 2024", "Đội ngũ."],
    "cdnt": ["Kết quả công tác thi đua, khen thưởng năm 2023", "Căn cứ Luật Thi đua, khen thưởng",
             "PHONG TRÀO THI ĐUA VÀ CÔNG TÁC KHEN THƯỞNG", "Tuyển sinh và đào tạo", "Nơi nhận",
             "Hạn chế: Tuyển sinh chưa đạt chỉ tiêu", "chưa đạt chỉ tiêu do số thí sinh đăng ký thấp",
             "Tổng số viên chức, người lao động là 143 người"],
}


def is_never(quote: str, passage: str) -> bool:
    """The quote is the non-evidence passage, part of it, or mostly it."""
    from pipeline.core.textnorm import fold

    q, p = fold(quote).strip(" .;:"), fold(passage).strip(" .;:")
    return q in p or (p in q and len(p) >= 0.5 * len(q))
