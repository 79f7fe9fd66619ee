package vn.smsgw.parser.text;

/** The school e-contact-book scam warning of domain reference §7.1, verbatim, its lines joined by single spaces. */
final class SeedWarning {

    static final String TEXT = "Hiện nay, xuất hiện thủ đoạn lừa đảo trực tuyến giả mạo nhà trường yêu cầu cung cấp"
            + " thông tin, cài đặt ứng dụng \"sổ liên lạc điện tử\". Đề nghị Nhân dân nâng cao cảnh giác, không cung"
            + " cấp tài khoản ngân hàng, mã OTP hoặc cài đặt các ứng dụng lạ, nếu nhận được cuộc gọi có dấu hiệu bất"
            + " thường, người dân cần liên hệ ngay với nhà trường, Công an nơi gần nhất để được hỗ trợ.";

    private SeedWarning() {
    }
}
