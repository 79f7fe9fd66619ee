package vn.smsgw.parser.report;

import static vn.smsgw.parser.number.Carrier.UNKNOWN;
import static vn.smsgw.parser.number.Carrier.VINAPHONE;
import static vn.smsgw.parser.number.SourceType.BRANDNAME;
import static vn.smsgw.parser.number.SourceType.MOBILE;
import static vn.smsgw.parser.report.Command.LD;
import static vn.smsgw.parser.report.Command.S;
import static vn.smsgw.parser.report.Command.V;
import static vn.smsgw.parser.report.Rejection.INVALID_NUMBER;
import static vn.smsgw.parser.report.Rejection.INVALID_SENDER;
import static vn.smsgw.parser.report.Rejection.MISSING_SOURCE;
import static vn.smsgw.parser.report.Row.rejected;
import static vn.smsgw.parser.report.Row.row;

import java.util.List;
import java.util.stream.Stream;

/** Grammar table, part 4: alphanumeric senders (brandnames) for S, and their refusal for V and LD (§8 6b, 6c). */
final class SenderRows {

    private SenderRows() {
    }

    static List<Row> rows() {
        return Stream.of(senderTokens(), bracketedSenders(), invalidSenders(), refusedForCalls())
                .flatMap(List::stream)
                .toList();
    }

    private static List<Row> senderTokens() {
        return List.of(
                // sender token: ASCII letters, digits and . _ & -, 2 to 11 chars, case kept
                row("S VCB Tai khoan cua quy khach bi khoa", S, "VCB", BRANDNAME, UNKNOWN,
                        "Tai khoan cua quy khach bi khoa"),
                row("S Viettel: [TB] Theo co so du lieu quoc gia", S, "Viettel", BRANDNAME, UNKNOWN,
                        "[TB] Theo co so du lieu quoc gia"),
                row("S VIETTEL [TB] Theo co so du lieu quoc gia", S, "VIETTEL", BRANDNAME, UNKNOWN,
                        "[TB] Theo co so du lieu quoc gia"),
                row("s vnpay thong bao hoan tien", S, "vnpay", BRANDNAME, UNKNOWN, "thong bao hoan tien"),
                row("S HDBank. Quy khach vui long cap nhat", S, "HDBank", BRANDNAME, UNKNOWN,
                        "Quy khach vui long cap nhat"),
                row("S MB.BANK giao dich bat thuong", S, "MB.BANK", BRANDNAME, UNKNOWN, "giao dich bat thuong"),
                row("S SHB-FINANCE vay nhanh", S, "SHB-FINANCE", BRANDNAME, UNKNOWN, "vay nhanh"),
                row("S A&T_Shop giam gia", S, "A&T_Shop", BRANDNAME, UNKNOWN, "giam gia"),
                row("S ABCDEFGHIJK noi dung", S, "ABCDEFGHIJK", BRANDNAME, UNKNOWN, "noi dung"),
                row("S VCB", S, "VCB", BRANDNAME, UNKNOWN, ""),
                row("S VCB-- canh bao", S, "VCB", BRANDNAME, UNKNOWN, "canh bao"),
                row("S+VCB+tai khoan bi khoa", S, "VCB", BRANDNAME, UNKNOWN, "tai khoan bi khoa"),
                row("S:Shopee,don hang bi huy", S, "Shopee", BRANDNAME, UNKNOWN, "don hang bi huy"),
                row("S Tiki;giam gia 50%", S, "Tiki", BRANDNAME, UNKNOWN, "giam gia 50%"),
                row("S 8x77 dang ky dich vu", S, "8x77", BRANDNAME, UNKNOWN, "dang ky dich vu"),
                row("S 7ELEVEN khuyen mai", S, "7ELEVEN", BRANDNAME, UNKNOWN, "khuyen mai"),
                // the official (source)(content) form with a name that starts with digits, as [7ELEVEN] reads
                row("S (7ELEVEN)(khuyen mai)", S, "7ELEVEN", BRANDNAME, UNKNOWN, "khuyen mai"),
                row("S (8x77)(tru tien)", S, "8x77", BRANDNAME, UNKNOWN, "tru tien"),
                // an unclosed bracket is read as if it were not there, before a number too
                row("S [0912345678 [Trung thuong]", S, "+84912345678", MOBILE, VINAPHONE, "Trung thuong"),
                row("S [ 0912 345 678 tin rac", S, "+84912345678", MOBILE, VINAPHONE, "tin rac"),
                row("S Quy khach da trung thuong", S, "Quy", BRANDNAME, UNKNOWN, "khach da trung thuong"),
                // fillers are skipped only before a number, so a filler before a name is read as the name
                row("S tb VCB khoa the", S, "tb", BRANDNAME, UNKNOWN, "VCB khoa the"));
    }

    private static List<Row> bracketedSenders() {
        return List.of(
                // bracketed sender: may contain spaces
                row("S [FE CREDIT][Vay tien nhanh lai suat thap]", S, "FE CREDIT", BRANDNAME, UNKNOWN,
                        "Vay tien nhanh lai suat thap"),
                row("S [FE CREDIT] [Vay tien nhanh]", S, "FE CREDIT", BRANDNAME, UNKNOWN, "Vay tien nhanh"),
                row("S (FE CREDIT)(Vay tien nhanh)", S, "FE CREDIT", BRANDNAME, UNKNOWN, "Vay tien nhanh"),
                row("S [ FE CREDIT ] khoan vay da duyet", S, "FE CREDIT", BRANDNAME, UNKNOWN,
                        "khoan vay da duyet"),
                row("S (VCB) (Tai khoan bi khoa)", S, "VCB", BRANDNAME, UNKNOWN, "Tai khoan bi khoa"),
                row("S[Home Credit]Duyet vay 50 trieu", S, "Home Credit", BRANDNAME, UNKNOWN, "Duyet vay 50 trieu"),
                row("S [VCB.]", S, "VCB", BRANDNAME, UNKNOWN, ""),
                row("S [VCB canh bao dang nhap", S, "VCB", BRANDNAME, UNKNOWN, "canh bao dang nhap"));
    }

    private static List<Row> invalidSenders() {
        return List.of(
                // too long: INVALID_SENDER
                rejected("S VIETCOMBANKVN tai khoan bi khoa", S, INVALID_SENDER),
                rejected("S ABCDEFGHIJKL noi dung", S, INVALID_SENDER),
                rejected("S [NGAN HANG ACB VN] tai khoan bi khoa", S, INVALID_SENDER),
                rejected("S (Nguon phat tan)(Noi dung tin nhan rac)", S, INVALID_SENDER),
                // not shaped like a sender: MISSING_SOURCE
                rejected("S Số điện thoại", S, MISSING_SOURCE),
                rejected("S Tài khoản bị khoá", S, MISSING_SOURCE),
                rejected("S Ngân_hàng_ABC_Việt_Nam_chi_nhánh noi dung", S, MISSING_SOURCE),
                rejected("S [Ngân hàng ACB] tai khoan bi khoa", S, MISSING_SOURCE),
                rejected("S 😡 tin rac", S, MISSING_SOURCE),
                rejected("S X tin rac", S, MISSING_SOURCE),
                rejected("S @VCB tin rac", S, MISSING_SOURCE),
                rejected("S _ tin rac", S, MISSING_SOURCE),
                rejected("S [] tin rac", S, MISSING_SOURCE),
                rejected("S ;tin rac", S, MISSING_SOURCE),
                rejected("S tin-nhắn rác", S, MISSING_SOURCE));
    }

    private static List<Row> refusedForCalls() {
        return List.of(
                // brandnames are not accepted for V and LD
                rejected("V VCB goi quang cao", V, MISSING_SOURCE),
                rejected("LD [FE CREDIT] doi no", LD, MISSING_SOURCE),
                rejected("LD (Home Credit) de doa", LD, MISSING_SOURCE),
                rejected("V 8x77 goi rac", V, INVALID_NUMBER),
                row("LD FE CREDIT goi doi no 0912345678", LD, "+84912345678", MOBILE, VINAPHONE,
                        "FE CREDIT goi doi no"));
    }
}
