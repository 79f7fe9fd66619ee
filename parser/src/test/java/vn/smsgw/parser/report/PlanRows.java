package vn.smsgw.parser.report;

import static vn.smsgw.parser.number.Carrier.GMOBILE;
import static vn.smsgw.parser.number.Carrier.MOBIFONE;
import static vn.smsgw.parser.number.Carrier.UNKNOWN;
import static vn.smsgw.parser.number.Carrier.VIETNAMOBILE;
import static vn.smsgw.parser.number.Carrier.VIETTEL;
import static vn.smsgw.parser.number.Carrier.VINAPHONE;
import static vn.smsgw.parser.number.SourceType.BRANDNAME;
import static vn.smsgw.parser.number.SourceType.FIXED;
import static vn.smsgw.parser.number.SourceType.INTERNATIONAL;
import static vn.smsgw.parser.number.SourceType.MOBILE;
import static vn.smsgw.parser.number.SourceType.SERVICE;
import static vn.smsgw.parser.number.SourceType.SHORT_CODE;
import static vn.smsgw.parser.report.Command.LD;
import static vn.smsgw.parser.report.Command.S;
import static vn.smsgw.parser.report.Command.V;
import static vn.smsgw.parser.report.Rejection.INVALID_NUMBER;
import static vn.smsgw.parser.report.Row.rejected;
import static vn.smsgw.parser.report.Row.row;

import java.util.List;
import java.util.stream.Stream;

/**
 * Grammar table, part 3: the numbering plan as reports use it: 2018 conversions, 2026 ranges, landlines, service
 * numbers, short codes and international numbers (§3, §8 step 7).
 */
final class PlanRows {

    private PlanRows() {
    }

    static List<Row> rows() {
        return Stream.of(conversions2018(), ranges2026(), landlines(),
                        serviceNumbers(), shortCodes(), internationalNumbers())
                .flatMap(List::stream)
                .toList();
    }

    private static List<Row> conversions2018() {
        return List.of(
                // 2018 conversion, one message per old 11-digit prefix (§3.3)
                row("LD 01201234567 lua dao", LD, "+84701234567", MOBILE, MOBIFONE, "lua dao"),
                row("LD 01211234567 lua dao", LD, "+84791234567", MOBILE, MOBIFONE, "lua dao"),
                row("LD 01221234567 lua dao", LD, "+84771234567", MOBILE, MOBIFONE, "lua dao"),
                row("LD 01261234567 lua dao", LD, "+84761234567", MOBILE, MOBIFONE, "lua dao"),
                row("LD 01281234567 lua dao", LD, "+84781234567", MOBILE, MOBIFONE, "lua dao"),
                row("S 0123.4567890 tin rac", S, "+84834567890", MOBILE, VINAPHONE, "tin rac"),
                row("S 01241234567 tin rac", S, "+84841234567", MOBILE, VINAPHONE, "tin rac"),
                row("S 01251234567 tin rac", S, "+84851234567", MOBILE, VINAPHONE, "tin rac"),
                row("S 01271234567 tin rac", S, "+84811234567", MOBILE, VINAPHONE, "tin rac"),
                row("S 01291234567 tin rac", S, "+84821234567", MOBILE, VINAPHONE, "tin rac"),
                row("V 01621234567 goi rac", V, "+84321234567", MOBILE, VIETTEL, "goi rac"),
                row("V 01631234567 goi rac", V, "+84331234567", MOBILE, VIETTEL, "goi rac"),
                row("V 01641234567 goi rac", V, "+84341234567", MOBILE, VIETTEL, "goi rac"),
                row("V 01651234567 goi rac", V, "+84351234567", MOBILE, VIETTEL, "goi rac"),
                row("V 01661234567 goi rac", V, "+84361234567", MOBILE, VIETTEL, "goi rac"),
                row("V 01671234567 goi rac", V, "+84371234567", MOBILE, VIETTEL, "goi rac"),
                row("V 01681234567 goi rac", V, "+84381234567", MOBILE, VIETTEL, "goi rac"),
                row("V 01691234567 goi rac", V, "+84391234567", MOBILE, VIETTEL, "goi rac"),
                row("LD 01861234567 lua dao", LD, "+84561234567", MOBILE, VIETNAMOBILE, "lua dao"),
                row("LD 01881234567 lua dao", LD, "+84581234567", MOBILE, VIETNAMOBILE, "lua dao"),
                row("LD 01991234567 lua dao", LD, "+84591234567", MOBILE, GMOBILE, "lua dao"),
                row("LD 0169 123 4567 lua dao", LD, "+84391234567", MOBILE, VIETTEL, "lua dao"),
                row("LD +84 169 123 4567 lua dao", LD, "+84391234567", MOBILE, VIETTEL, "lua dao"),
                row("LD 841691234567 lua dao", LD, "+84391234567", MOBILE, VIETTEL, "lua dao"),
                rejected("LD 01301234567 lua dao", LD, INVALID_NUMBER));
    }

    private static List<Row> ranges2026() {
        return List.of(
                // 2026 ranges: 10 digits are new mobiles, 11 digits are the old ones
                row("LD 0160123456 lua dao", LD, "+84160123456", MOBILE, VIETTEL, "lua dao"),
                row("LD 0160 999 888 lua dao", LD, "+84160999888", MOBILE, VIETTEL, "lua dao"),
                row("LD 0121012345 lua dao", LD, "+84121012345", MOBILE, MOBIFONE, "lua dao"),
                row("LD 0121312345 lua dao", LD, "+84121312345", MOBILE, MOBIFONE, "lua dao"),
                row("LD +84 1210 12345 lua dao", LD, "+84121012345", MOBILE, MOBIFONE, "lua dao"),
                rejected("LD 0121412345 lua dao", LD, INVALID_NUMBER),
                rejected("LD 01601234567 lua dao", LD, INVALID_NUMBER));
    }

    private static List<Row> landlines() {
        return List.of(
                // landlines since 2017: 024/028 + 8 digits, 02xx + 7 digits
                row("V 024 3823 4567 quang cao", V, "+842438234567", FIXED, UNKNOWN, "quang cao"),
                row("V (024) 3823 4567 quang cao", V, "+842438234567", FIXED, UNKNOWN, "quang cao"),
                row("V 028 3823 4567 quang cao", V, "+842838234567", FIXED, UNKNOWN, "quang cao"),
                row("V (028) 3823 4567 quang cao", V, "+842838234567", FIXED, UNKNOWN, "quang cao"),
                row("V (028)3823 4567 quang cao", V, "+842838234567", FIXED, UNKNOWN, "quang cao"),
                row("V 02838234567 quang cao", V, "+842838234567", FIXED, UNKNOWN, "quang cao"),
                row("V +84 28 3823 4567 quang cao", V, "+842838234567", FIXED, UNKNOWN, "quang cao"),
                row("LD 0236 3822 123 lua dao", LD, "+842363822123", FIXED, UNKNOWN, "lua dao"),
                row("LD 0292.3821.234 lua dao", LD, "+842923821234", FIXED, UNKNOWN, "lua dao"),
                row("LD 0203 3825 678 lua dao", LD, "+842033825678", FIXED, UNKNOWN, "lua dao"),
                row("LD 0210 3846 123 lua dao", LD, "+842103846123", FIXED, UNKNOWN, "lua dao"),
                row("LD 0251-3822-456 lua dao", LD, "+842513822456", FIXED, UNKNOWN, "lua dao"),
                row("S 02518123456 tin rac", S, "+842518123456", FIXED, UNKNOWN, "tin rac"),
                // pre-2017 landlines and short local numbers are not valid
                rejected("V 04 3823 4567 quang cao", V, INVALID_NUMBER),
                rejected("V (04) 38234567 quang cao", V, INVALID_NUMBER),
                rejected("LD 0511 3822 123 lua dao", LD, INVALID_NUMBER),
                rejected("LD 061 3822 123 lua dao", LD, INVALID_NUMBER),
                rejected("V 3823 4567 quang cao", V, INVALID_NUMBER),
                rejected("V 38234567 quang cao", V, INVALID_NUMBER),
                rejected("LD 0217 3822 123 lua dao", LD, INVALID_NUMBER));
    }

    private static List<Row> serviceNumbers() {
        return List.of(
                // 1800 / 1900 service numbers, any command
                row("V 1900 1234 moi dau tu", V, "19001234", SERVICE, UNKNOWN, "moi dau tu"),
                row("V 1900.636.999 moi dau tu", V, "1900636999", SERVICE, UNKNOWN, "moi dau tu"),
                row("S 19006789 tin nhan tra phi", S, "19006789", SERVICE, UNKNOWN, "tin nhan tra phi"),
                row("LD 1800 1091 gia mao tong dai", LD, "18001091", SERVICE, UNKNOWN, "gia mao tong dai"),
                row("LD 1800-123456 gia mao", LD, "1800123456", SERVICE, UNKNOWN, "gia mao"),
                rejected("V 1900 123 moi dau tu", V, INVALID_NUMBER),
                rejected("V 19001234567 moi dau tu", V, INVALID_NUMBER));
    }

    private static List<Row> shortCodes() {
        return List.of(
                // short codes: S only, a single group of 3 to 6 digits
                row("S 9029 dang ky dich vu", S, "9029", SHORT_CODE, UNKNOWN, "dang ky dich vu"),
                row("S 156 tin gia mao", S, "156", SHORT_CODE, UNKNOWN, "tin gia mao"),
                row("S 5656", S, "5656", SHORT_CODE, UNKNOWN, ""),
                row("S (8077) tru tien", S, "8077", SHORT_CODE, UNKNOWN, "tru tien"),
                row("S [199] quang cao", S, "199", SHORT_CODE, UNKNOWN, "quang cao"),
                row("S 123456 ma OTP gia", S, "123456", SHORT_CODE, UNKNOWN, "ma OTP gia"),
                row("S 9029 30 tin moi ngay", S, "9029", SHORT_CODE, UNKNOWN, "30 tin moi ngay"),
                rejected("S 12 tin rac", S, INVALID_NUMBER),
                rejected("S 1234567 tin rac", S, INVALID_NUMBER),
                rejected("S 0123 tin rac", S, INVALID_NUMBER),
                rejected("V 9029 goi rac", V, INVALID_NUMBER),
                rejected("LD 156 lua dao", LD, INVALID_NUMBER),
                row("S 9029abc tin rac", S, "9029abc", BRANDNAME, UNKNOWN, "tin rac"),
                rejected("S 123456abc tin rac", S, INVALID_NUMBER));
    }

    private static List<Row> internationalNumbers() {
        return List.of(
                // international numbers: any other country code, 8 to 15 digits
                row("LD +1 202 555 0143 lua dao", LD, "+12025550143", INTERNATIONAL, UNKNOWN, "lua dao"),
                row("LD +86 138 0013 8000 lua dao", LD, "+8613800138000", INTERNATIONAL, UNKNOWN, "lua dao"),
                row("LD 0086 138 0013 8000 lua dao", LD, "+8613800138000", INTERNATIONAL, UNKNOWN, "lua dao"),
                row("V +855 12 345 678 goi nho", V, "+85512345678", INTERNATIONAL, UNKNOWN, "goi nho"),
                row("S +44 7911 123456 tin rac", S, "+447911123456", INTERNATIONAL, UNKNOWN, "tin rac"),
                row("LD (+66) 81 234 5678 lua dao", LD, "+66812345678", INTERNATIONAL, UNKNOWN, "lua dao"),
                rejected("LD +1 234 lua dao", LD, INVALID_NUMBER),
                rejected("LD +1234567890123456 lua dao", LD, INVALID_NUMBER),
                // greedy boundary, as the contract says: the longest run up to 15 digits is the number
                row("LD +1 202 555 0143 12 lan", LD, "+1202555014312", INTERNATIONAL, UNKNOWN, "lan"));
    }
}
