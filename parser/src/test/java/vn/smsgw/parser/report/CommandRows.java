package vn.smsgw.parser.report;

import static vn.smsgw.parser.number.Carrier.MOBIFONE;
import static vn.smsgw.parser.number.Carrier.VIETTEL;
import static vn.smsgw.parser.number.Carrier.VINAPHONE;
import static vn.smsgw.parser.number.SourceType.MOBILE;
import static vn.smsgw.parser.report.Command.LD;
import static vn.smsgw.parser.report.Command.S;
import static vn.smsgw.parser.report.Command.V;
import static vn.smsgw.parser.report.Rejection.EMPTY_MESSAGE;
import static vn.smsgw.parser.report.Rejection.MISSING_SOURCE;
import static vn.smsgw.parser.report.Rejection.UNKNOWN_COMMAND;
import static vn.smsgw.parser.report.Row.rejected;
import static vn.smsgw.parser.report.Row.row;

import java.util.List;
import java.util.stream.Stream;

/** Grammar table, part 1: pre-normalisation, leading filler, command and separators (§8 steps 1 to 4). */
final class CommandRows {

    private CommandRows() {
    }

    static List<Row> rows() {
        return Stream.of(preNormalisation(), leadingFillers(), commands(), separators())
                .flatMap(List::stream)
                .toList();
    }

    private static List<Row> preNormalisation() {
        return List.of(
                // step 1: pre-normalisation
                rejected("", EMPTY_MESSAGE),
                rejected("   ", EMPTY_MESSAGE),
                rejected("\t\r\n", EMPTY_MESSAGE),
                rejected("\u00A0\u2007\u202F", EMPTY_MESSAGE),
                rejected("\u200B\uFEFF\u200D", EMPTY_MESSAGE),
                row("  LD 0912345678 lua dao  ", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD    0912345678     goi    lua   dao", LD, "+84912345678", MOBILE, VINAPHONE, "goi lua dao"),
                row("LD\u00A00912345678\u00A0lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD\u20070912345678\u202Flua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD\t0912345678\tlua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 0912345678\r\nGoi dien\nnhan trung thuong", LD, "+84912345678", MOBILE, VINAPHONE,
                        "Goi dien nhan trung thuong"),
                row("\uFEFFLD 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD 0912\u200B345\u200C678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD \uFF10\uFF19\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18 lua dao", LD, "+84912345678",
                        MOBILE, VINAPHONE, "lua dao"),
                row("S \uFF0B84912345678 tin nhan rac", S, "+84912345678", MOBILE, VINAPHONE, "tin nhan rac"),
                row("LD 0912345678 lu\u0300a \u0111a\u0309o", LD, "+84912345678", MOBILE, VINAPHONE, "lùa đảo"));
    }

    private static List<Row> leadingFillers() {
        return List.of(
                // step 2: leading filler, with and without diacritics
                row("Tôi muốn báo cáo LD 0912345678 lừa đảo", LD, "+84912345678", MOBILE, VINAPHONE, "lừa đảo"),
                row("toi muon bao cao: LD 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("Toi muon phan anh, V 0903123456 quang cao", V, "+84903123456", MOBILE, MOBIFONE, "quang cao"),
                row("Tôi xin phản ánh: S 0987654321 tin rac", S, "+84987654321", MOBILE, VIETTEL, "tin rac"),
                row("Xin phan anh - LD 0912345678 gia danh cong an", LD, "+84912345678", MOBILE, VINAPHONE,
                        "gia danh cong an"),
                row("Báo cáo. S 0912345678 quang cao", S, "+84912345678", MOBILE, VINAPHONE, "quang cao"),
                row("BAO CAO LD 0912345678", LD, "+84912345678", MOBILE, VINAPHONE, ""),
                row("Phản ánh LD 0987654321 mao danh ngan hang", LD, "+84987654321", MOBILE, VIETTEL,
                        "mao danh ngan hang"),
                row("To cao: LD 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("Tố cáo LD 0912345678 lừa đảo", LD, "+84912345678", MOBILE, VINAPHONE, "lừa đảo"),
                row("Cu phap: S 0912345678 tin nhan rac", S, "+84912345678", MOBILE, VINAPHONE, "tin nhan rac"),
                row("Cú pháp LD 0912345678 lừa đảo", LD, "+84912345678", MOBILE, VINAPHONE, "lừa đảo"),
                row("Report S 0912345678 spam", S, "+84912345678", MOBILE, VINAPHONE, "spam"),
                row("REPORT: LD 0912345678 scam", LD, "+84912345678", MOBILE, VINAPHONE, "scam"),
                rejected("Bao cao", UNKNOWN_COMMAND),
                rejected("Baocao LD 0912345678", UNKNOWN_COMMAND),
                rejected("Bao cao! LD 0912345678", UNKNOWN_COMMAND));
    }

    private static List<Row> commands() {
        return List.of(
                // step 3: the command, any case, đ folded
                row("S 0912345678 tin rac", S, "+84912345678", MOBILE, VINAPHONE, "tin rac"),
                row("s 0912345678 tin rac", S, "+84912345678", MOBILE, VINAPHONE, "tin rac"),
                row("V 0912345678 goi rac", V, "+84912345678", MOBILE, VINAPHONE, "goi rac"),
                row("v 0912345678 goi rac", V, "+84912345678", MOBILE, VINAPHONE, "goi rac"),
                row("LD 0912345678 lua dao chiem doat tai khoan", LD, "+84912345678", MOBILE, VINAPHONE,
                        "lua dao chiem doat tai khoan"),
                row("ld 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("Ld 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("lD 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LĐ 0912345678 lừa đảo", LD, "+84912345678", MOBILE, VINAPHONE, "lừa đảo"),
                row("lđ 0912345678 lừa đảo", LD, "+84912345678", MOBILE, VINAPHONE, "lừa đảo"),
                row("Lđ 0912345678 lừa đảo", LD, "+84912345678", MOBILE, VINAPHONE, "lừa đảo"),
                row("S0912345678 tin rac", S, "+84912345678", MOBILE, VINAPHONE, "tin rac"),
                row("Ld0987654321 lua dao", LD, "+84987654321", MOBILE, VIETTEL, "lua dao"),
                row("LD:0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                rejected("Spam 0912345678", UNKNOWN_COMMAND),
                rejected("SPAM 0912345678 quang cao", UNKNOWN_COMMAND),
                rejected("Vay 5 trieu lai suat thap", UNKNOWN_COMMAND),
                rejected("SVIETTEL thong bao", UNKNOWN_COMMAND),
                rejected("LDD 0912345678", UNKNOWN_COMMAND),
                rejected("L D 0912345678", UNKNOWN_COMMAND),
                rejected("DK DNC", UNKNOWN_COMMAND),
                rejected("HUY DNC", UNKNOWN_COMMAND),
                rejected("FW Khuyen mai 50% tai cua hang", UNKNOWN_COMMAND),
                rejected("0912345678 lua dao", UNKNOWN_COMMAND),
                rejected("Số 0912345678 lừa đảo", UNKNOWN_COMMAND),
                rejected(".S 0912345678", UNKNOWN_COMMAND),
                rejected("😡 LD 0912345678", UNKNOWN_COMMAND),
                rejected("S", S, MISSING_SOURCE),
                rejected("LD", LD, MISSING_SOURCE));
    }

    private static List<Row> separators() {
        return List.of(
                // step 4: every separator between command and source
                row("S+0912345678+Tin nhan rac", S, "+84912345678", MOBILE, VINAPHONE, "Tin nhan rac"),
                row("S + 0912345678 + Tin nhan rac", S, "+84912345678", MOBILE, VINAPHONE, "Tin nhan rac"),
                row("LD: 0912345678: lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD,0912345678,lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD.0912345678.lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD-0912345678-lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD=0912345678=lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD > 0912345678 > lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD => 0912345678 => lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD|0912345678|lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("LD – 0912345678 – lừa đảo", LD, "+84912345678", MOBILE, VINAPHONE, "lừa đảo"),
                row("LD—0912345678—lừa đảo", LD, "+84912345678", MOBILE, VINAPHONE, "lừa đảo"),
                row("LD :- 0912345678 lua dao", LD, "+84912345678", MOBILE, VINAPHONE, "lua dao"),
                row("S+84912345678 tin rac", S, "+84912345678", MOBILE, VINAPHONE, "tin rac"),
                row("S+0912345678 tin rac", S, "+84912345678", MOBILE, VINAPHONE, "tin rac"));
    }
}
