package vn.smsgw.parser.report;

import static vn.smsgw.parser.number.Carrier.MOBIFONE;
import static vn.smsgw.parser.number.Carrier.UNKNOWN;
import static vn.smsgw.parser.number.Carrier.VIETTEL;
import static vn.smsgw.parser.number.Carrier.VINAPHONE;
import static vn.smsgw.parser.number.SourceType.INTERNATIONAL;
import static vn.smsgw.parser.number.SourceType.MOBILE;
import static vn.smsgw.parser.number.SourceType.SERVICE;
import static vn.smsgw.parser.report.Command.LD;
import static vn.smsgw.parser.report.Command.S;
import static vn.smsgw.parser.report.Command.V;
import static vn.smsgw.parser.report.Rejection.MISSING_SOURCE;
import static vn.smsgw.parser.report.Row.rejected;
import static vn.smsgw.parser.report.Row.row;

import java.util.List;
import java.util.stream.Stream;

/** Grammar table, part 5: source fillers, the V/LD later-number rule, content cleanup, official fixtures. */
final class ContentRows {

    private static final String SPAM = "E Nhan lam cac Loai Giay Phep Laj Xe: May',0t0 + Giay To nhà dat,CMT + Bäng "
            + "Cäp3 ,CaøDang ,Däi H0c,Sø Hong,Sø D0 vv. ThänhT0an Khi NhanHang. GOl:";
    private static final String CALL = "Cuộc gọi quảng cáo giới thiệu sản phẩm dịch vụ bất động sản của công y A";

    private ContentRows() {
    }

    static List<Row> rows() {
        return Stream.of(officialFixtures(), sourceFillers(), laterNumbers(), content())
                .flatMap(List::stream)
                .toList();
    }

    private static List<Row> officialFixtures() {
        return List.of(
                // official fixtures (§1.2)
                row("S (0985931054)(" + SPAM + " )", S, "+84985931054", MOBILE, VIETTEL, SPAM),
                row("V (0985931054)(" + CALL + ")", V, "+84985931054", MOBILE, VIETTEL, CALL),
                row("V(0812341213) lua dao", V, "+84812341213", MOBILE, VINAPHONE, "lua dao"),
                rejected("S (Số điện thoại - nguồn phát tán) (nội dung phản ánh)", S, MISSING_SOURCE),
                rejected("LD (Số điện thoại - nguồn phát tán) (nội dung phản ánh)", LD, MISSING_SOURCE),
                rejected("S [nguồn phát tán][nội dung sms rác]", S, MISSING_SOURCE),
                rejected("V [nguồn phát tán][nội dung cuộc gọi rác]", V, MISSING_SOURCE),
                rejected("S + Số điện thoại + Nội dung", S, MISSING_SOURCE));
    }

    private static List<Row> sourceFillers() {
        return List.of(
                // source fillers before a number, with and without diacritics
                row("LD so dien thoai 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD số điện thoại: 0912345678 lừa đảo", LD, "+84912345678", MOBILE, VINAPHONE, "lừa đảo"),
                row("S nguon phat tan 0912345678 tin rac", S, "+84912345678", MOBILE, VINAPHONE, "tin rac"),
                row("S Nguồn phát tán: 0912345678 tin rác", S, "+84912345678", MOBILE, VINAPHONE, "tin rác"),
                row("LD thue bao 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD Thuê bao số 0912345678 lừa đảo", LD, "+84912345678", MOBILE, VINAPHONE, "lừa đảo"),
                row("LD tu so 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD Từ số 0912345678 lừa đảo", LD, "+84912345678", MOBILE, VINAPHONE, "lừa đảo"),
                row("LD so dt 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD sdt: 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD SĐT 0912345678 lừa đảo", LD, "+84912345678", MOBILE, VINAPHONE, "lừa đảo"),
                row("LD sdt0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("S so 0912345678 tin rac", S, "+84912345678", MOBILE, VINAPHONE, "tin rac"),
                row("V ĐT 0912345678 quảng cáo", V, "+84912345678", MOBILE, VINAPHONE, "quảng cáo"),
                row("V TB 0912345678 quang cao", V, "+84912345678", MOBILE, VINAPHONE, "quang cao"),
                row("V tu 0912345678 quang cao", V, "+84912345678", MOBILE, VINAPHONE, "quang cao"),
                row("S nguồn (0912345678) tin rác", S, "+84912345678", MOBILE, VINAPHONE, "tin rác"),
                row("LD tu so dien thoai 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("S sdt [0912 345 678] tin rac", S, "+84912345678", MOBILE, VINAPHONE, "tin rac"),
                rejected("LD sdt khong ro", LD, MISSING_SOURCE));
    }

    private static List<Row> laterNumbers() {
        return List.of(
                // V/LD: the first valid number later in the message
                row("LD cuoc goi lua dao tu so 0912345678", LD, "+84912345678", MOBILE, VINAPHONE, "cuoc goi lua dao"),
                row("LD goi mao danh cong an tu so 0912345678 yeu cau chuyen tien", LD, "+84912345678", MOBILE,
                        VINAPHONE, "goi mao danh cong an yeu cau chuyen tien"),
                row("LD Mạo danh công an từ số 0912345678", LD, "+84912345678", MOBILE, VINAPHONE, "Mạo danh công an"),
                row("V quang cao bat dong san, sdt: 0903 123 456", V, "+84903123456", MOBILE, MOBIFONE,
                        "quang cao bat dong san"),
                row("LD ma OTP 123456 tu so 0987654321", LD, "+84987654321", MOBILE, VIETTEL, "ma OTP 123456"),
                row("LD goi toi 2 lan tu so 0912345678", LD, "+84912345678", MOBILE, VINAPHONE, "goi toi 2 lan"),
                row("LD lua dao (0912345678)", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD lua dao +84912345678 goi dem", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao goi dem"),
                row("LD gia danh ngan hang 0912 345 678: doi OTP", LD, "+84912345678", MOBILE, VINAPHONE,
                        "gia danh ngan hang doi OTP"),
                row("V Cong ty ABC goi tu 1900 1234", V, "19001234", SERVICE, UNKNOWN, "Cong ty ABC goi"),
                row("LD [Cong an] 0912345678 doa bat", LD, "+84912345678", MOBILE, VINAPHONE, "[Cong an] doa bat"),
                row("LD goi tu nuoc ngoai +1 202 555 0143", LD, "+12025550143", INTERNATIONAL, UNKNOWN,
                        "goi tu nuoc ngoai"),
                row("LD Tu so 0912345678", LD, "+84912345678", MOBILE, VINAPHONE, ""),
                rejected("LD goi mao danh cong an", LD, MISSING_SOURCE),
                rejected("V goi nhieu lan trong ngay", V, MISSING_SOURCE),
                rejected("LD abc0912345678 def", LD, MISSING_SOURCE),
                rejected("LD ma OTP 123456", LD, MISSING_SOURCE),
                // amounts are no numbers: glued to their currency, or nine bare digits
                row("LD gia danh cong an bat chuyen 350.000.000đ tu so 0912345678", LD, "+84912345678", MOBILE,
                        VINAPHONE, "gia danh cong an bat chuyen 350.000.000đ"),
                row("LD chuyen 300.000.000 dong cho so 0987654321", LD, "+84987654321", MOBILE, VIETTEL,
                        "chuyen 300.000.000 dong cho"),
                row("V vay 900.000.000 lai thap, goi 0903 123 456", V, "+84903123456", MOBILE, MOBIFONE,
                        "vay 900.000.000 lai thap, goi"),
                rejected("LD lua chuyen khoan 350.000.000 dong", LD, MISSING_SOURCE),
                rejected("LD goi toi 0912345678la lua dao", LD, MISSING_SOURCE));
    }

    private static List<Row> content() {
        return List.of(
                // content: leading separators stripped, one enclosing pair unwrapped, case and emoji kept
                row("LD 0912345678 : lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 0912345678; lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 0912345678 ) lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD [0912345678 ]] lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 0912345678 —— lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("S 0912345678 \"Trung thuong iPhone 17\"", S, "+84912345678", MOBILE, VINAPHONE,
                        "Trung thuong iPhone 17"),
                row("S 0912345678 “Trúng thưởng xe SH”", S, "+84912345678", MOBILE, VINAPHONE, "Trúng thưởng xe SH"),
                row("S 0912345678 «Khuyen mai»", S, "+84912345678", MOBILE, VINAPHONE, "Khuyen mai"),
                row("S 0912345678 [ Khuyen mai 50% ]", S, "+84912345678", MOBILE, VINAPHONE, "Khuyen mai 50%"),
                row("S 0912345678 ((noi dung))", S, "+84912345678", MOBILE, VINAPHONE, "(noi dung)"),
                row("S 0912345678 (a) va (b)", S, "+84912345678", MOBILE, VINAPHONE, "(a) va (b)"),
                row("S 0912345678 \"a\" va \"b\"", S, "+84912345678", MOBILE, VINAPHONE, "\"a\" va \"b\""),
                row("S 0912345678 [QC] Khuyen mai", S, "+84912345678", MOBILE, VINAPHONE, "[QC] Khuyen mai"),
                row("S 0912345678 [QC]", S, "+84912345678", MOBILE, VINAPHONE, "QC"),
                row("LD 0912345678 Lừa ĐẢO 😡 chuyển tiền gấp!!!", LD, "+84912345678", MOBILE, VINAPHONE,
                        "Lừa ĐẢO 😡 chuyển tiền gấp!!!"),
                row("LD 0912345678 Vào link http://vn-pay.top/otp?id=1 ngay", LD, "+84912345678", MOBILE, VINAPHONE,
                        "Vào link http://vn-pay.top/otp?id=1 ngay"),
                row("LD 0912345678", LD, "+84912345678", MOBILE, VINAPHONE, ""),
                row("LD 0912345678 ...", LD, "+84912345678", MOBILE, VINAPHONE, ""),
                row("S (0912345678)()", S, "+84912345678", MOBILE, VINAPHONE, ""),
                row("S (0912345678)( )", S, "+84912345678", MOBILE, VINAPHONE, ""));
    }
}
