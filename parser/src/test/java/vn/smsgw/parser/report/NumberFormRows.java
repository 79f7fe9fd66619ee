package vn.smsgw.parser.report;

import static vn.smsgw.parser.number.Carrier.GMOBILE;
import static vn.smsgw.parser.number.Carrier.ITEL;
import static vn.smsgw.parser.number.Carrier.MOBIFONE;
import static vn.smsgw.parser.number.Carrier.REDDI;
import static vn.smsgw.parser.number.Carrier.VIETNAMOBILE;
import static vn.smsgw.parser.number.Carrier.VIETTEL;
import static vn.smsgw.parser.number.Carrier.VINAPHONE;
import static vn.smsgw.parser.number.SourceType.MOBILE;
import static vn.smsgw.parser.report.Command.LD;
import static vn.smsgw.parser.report.Command.S;
import static vn.smsgw.parser.report.Command.V;
import static vn.smsgw.parser.report.Rejection.INVALID_NUMBER;
import static vn.smsgw.parser.report.Row.rejected;
import static vn.smsgw.parser.report.Row.row;

import java.util.List;
import java.util.stream.Stream;

/** Grammar table, part 2: the written forms of a mobile number and the current mobile prefixes (§3.2, §8 6a, 7). */
final class NumberFormRows {

    private NumberFormRows() {
    }

    static List<Row> rows() {
        return Stream.of(writtenForms(), longestRun(), viettelAndVinaphone(), otherNetworks())
                .flatMap(List::stream)
                .toList();
    }

    private static List<Row> writtenForms() {
        return List.of(
                // every written form of the same number
                row("LD 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 84912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD +84912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 0084912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD (+84) 912 345 678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD (+84)912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD (84) 912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD +84 0912 345 678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD +84 912 345 678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 84 912 345 678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 0084 912 345 678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 912 345 678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 0912.345.678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 0912-345-678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 0912 345 678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 091 234 5678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 0912 34 56 78 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD +84-912-345-678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD +84.912.345.678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD (091) 234 5678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD (0912) 345 678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD (0912345678) lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD (0912 345 678) (lua dao)", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD [0912345678] [lua dao]", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD [ 0912 345 678 ] lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD ( 0912.345.678 ) lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD [+84 912 345 678] lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 0912345678. Lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "Lua dao"),
                row("LD 0912345678lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"));
    }

    private static List<Row> longestRun() {
        return List.of(
                // the longest run of groups that is valid; the rest is content
                row("LD 0912345678 30 cuoc goi", LD, "+84912345678", MOBILE, VINAPHONE, "30 cuoc goi"),
                row("V 0912 345 678 2 lan moi ngay", V, "+84912345678", MOBILE, VINAPHONE, "2 lan moi ngay"),
                row("S 0912345678 84 tin nhan", S, "+84912345678", MOBILE, VINAPHONE, "84 tin nhan"),
                row("LD 0912345678 0987654321 cung mot nhom", LD, "+84912345678", MOBILE, VINAPHONE,
                        "0987654321 cung mot nhom"),
                rejected("LD 30 cuoc goi tu so 0912345678", LD, INVALID_NUMBER),
                rejected("LD 0912 345 67 lua dao", LD, INVALID_NUMBER),
                rejected("LD 09123456789 lua dao", LD, INVALID_NUMBER),
                rejected("LD 0912xxx678 lua dao", LD, INVALID_NUMBER),
                rejected("S 0912345XXX tin rac", S, INVALID_NUMBER),
                rejected("LD 0912 345 *** lua dao", LD, INVALID_NUMBER),
                rejected("LD 0 lua dao", LD, INVALID_NUMBER),
                rejected("V 12345678901234567890 goi", V, INVALID_NUMBER));
    }

    private static List<Row> viettelAndVinaphone() {
        return List.of(
                // one message per current 10-digit mobile prefix (§3.2): Viettel
                row("LD 0861234567 lua dao", LD, "+84861234567", MOBILE, VIETTEL, "lua dao"),
                row("LD 0961234567 lua dao", LD, "+84961234567", MOBILE, VIETTEL, "lua dao"),
                row("LD 0971234567 lua dao", LD, "+84971234567", MOBILE, VIETTEL, "lua dao"),
                row("LD 0981234567 lua dao", LD, "+84981234567", MOBILE, VIETTEL, "lua dao"),
                row("LD 0321234567 lua dao", LD, "+84321234567", MOBILE, VIETTEL, "lua dao"),
                row("LD 0331234567 lua dao", LD, "+84331234567", MOBILE, VIETTEL, "lua dao"),
                row("LD 0341234567 lua dao", LD, "+84341234567", MOBILE, VIETTEL, "lua dao"),
                row("LD 0351234567 lua dao", LD, "+84351234567", MOBILE, VIETTEL, "lua dao"),
                row("LD 0361234567 lua dao", LD, "+84361234567", MOBILE, VIETTEL, "lua dao"),
                row("LD 0371234567 lua dao", LD, "+84371234567", MOBILE, VIETTEL, "lua dao"),
                row("LD 0381234567 lua dao", LD, "+84381234567", MOBILE, VIETTEL, "lua dao"),
                row("LD 0391234567 lua dao", LD, "+84391234567", MOBILE, VIETTEL, "lua dao"),
                // VinaPhone
                row("V 0881234567 moi mua bao hiem", V, "+84881234567", MOBILE, VINAPHONE, "moi mua bao hiem"),
                row("V 0941234567 moi mua bao hiem", V, "+84941234567", MOBILE, VINAPHONE, "moi mua bao hiem"),
                row("V 0811234567 moi mua bao hiem", V, "+84811234567", MOBILE, VINAPHONE, "moi mua bao hiem"),
                row("V 0821234567 moi mua bao hiem", V, "+84821234567", MOBILE, VINAPHONE, "moi mua bao hiem"),
                row("V 0831234567 moi mua bao hiem", V, "+84831234567", MOBILE, VINAPHONE, "moi mua bao hiem"),
                row("V 0841234567 moi mua bao hiem", V, "+84841234567", MOBILE, VINAPHONE, "moi mua bao hiem"),
                row("V 0851234567 moi mua bao hiem", V, "+84851234567", MOBILE, VINAPHONE, "moi mua bao hiem"));
    }

    private static List<Row> otherNetworks() {
        return List.of(
                // MobiFone
                row("S 0901234567 khuyen mai", S, "+84901234567", MOBILE, MOBIFONE, "khuyen mai"),
                row("S 0931234567 khuyen mai", S, "+84931234567", MOBILE, MOBIFONE, "khuyen mai"),
                row("S 0896123456 khuyen mai", S, "+84896123456", MOBILE, MOBIFONE, "khuyen mai"),
                row("S 0701234567 khuyen mai", S, "+84701234567", MOBILE, MOBIFONE, "khuyen mai"),
                row("S 0761234567 khuyen mai", S, "+84761234567", MOBILE, MOBIFONE, "khuyen mai"),
                row("S 0771234567 khuyen mai", S, "+84771234567", MOBILE, MOBIFONE, "khuyen mai"),
                row("S 0781234567 khuyen mai", S, "+84781234567", MOBILE, MOBIFONE, "khuyen mai"),
                row("S 0791234567 khuyen mai", S, "+84791234567", MOBILE, MOBIFONE, "khuyen mai"),
                row("S 0301234567 khuyen mai", S, "+84301234567", MOBILE, MOBIFONE, "khuyen mai"),
                row("S 0511234567 khuyen mai", S, "+84511234567", MOBILE, MOBIFONE, "khuyen mai"),
                // Vietnamobile, Gmobile, iTel, Reddi
                row("LD 0921234567 vay tien", LD, "+84921234567", MOBILE, VIETNAMOBILE, "vay tien"),
                row("LD 0561234567 vay tien", LD, "+84561234567", MOBILE, VIETNAMOBILE, "vay tien"),
                row("LD 0581234567 vay tien", LD, "+84581234567", MOBILE, VIETNAMOBILE, "vay tien"),
                row("LD 0522123456 vay tien", LD, "+84522123456", MOBILE, VIETNAMOBILE, "vay tien"),
                row("LD 0528123456 vay tien", LD, "+84528123456", MOBILE, VIETNAMOBILE, "vay tien"),
                row("LD 0993123456 vay tien", LD, "+84993123456", MOBILE, GMOBILE, "vay tien"),
                row("LD 0591234567 vay tien", LD, "+84591234567", MOBILE, GMOBILE, "vay tien"),
                row("LD 0871234567 vay tien", LD, "+84871234567", MOBILE, ITEL, "vay tien"),
                row("LD 0999123456 vay tien", LD, "+84999123456", MOBILE, ITEL, "vay tien"),
                row("LD 0559123456 vay tien", LD, "+84559123456", MOBILE, REDDI, "vay tien"),
                // prefixes outside the mobile pattern
                rejected("LD 0890123456 vay tien", LD, INVALID_NUMBER),
                rejected("LD 0550123456 vay tien", LD, INVALID_NUMBER),
                rejected("LD 0992123456 vay tien", LD, INVALID_NUMBER),
                rejected("LD 0672123456 vay tien", LD, INVALID_NUMBER));
    }
}
