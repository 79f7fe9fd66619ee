package vn.smsgw.gateway.cli;

import java.util.Optional;
import java.util.SplittableRandom;
import vn.smsgw.gateway.simulator.MoMessage;
import vn.smsgw.gateway.simulator.MoSource;

/**
 * The demo's stream of reports: distinct reporters; the reported numbers from a small pool of "scam" numbers so that
 * blocklist thresholds are reached; all three commands, with and without diacritics, separators and number forms as
 * people type them, long reports that arrive as concatenated parts, brandnames, and some bad syntax.
 */
final class DemoTraffic implements MoSource {
    private static final String[] NUMBERS = {"0987654321", "0912 345 678", "+84 903 123 456", "0868.777.999",
        "01686123456", "0352 468 024", "0779 111 222", "0582 333 444", "02838234567", "19001234"};
    private static final String[] BRANDS = {"VCB-BANK", "FECREDIT", "[FE CREDIT]", "SHOPEE-VN"};
    private static final String[] SHORT = {"goi gia danh cong an", "lua dao chuyen tien", "quang cao bat dong san",
        "moi vay tien lai cao", "gọi giả danh công an yêu cầu chuyển tiền", "tin nhắn trúng thưởng xe máy",
        "xac nhan ma OTP", "mời đầu tư tiền ảo"};
    private static final String LONG = "Toi nhan duoc cuoc goi tu xung la giao vien chu nhiem, yeu cau cai dat ung dung "
            + "So lien lac dien tu qua duong link la va cung cap so tai khoan ngan hang cung ma OTP de xac nhan ho so "
            + "hoc sinh, toi da tu choi va bao cao";
    private static final String LONG_VI = "Tôi nhận được cuộc gọi giả danh Công an phường yêu cầu xác nhận mã định "
            + "danh điện tử và chuyển tiền vào tài khoản tạm giữ, đề nghị xử lý";
    private static final String[] BAD = {"xin chao", "LD", "S Số điện thoại của tôi bị làm phiền", "Bao cao 0987",
        "LD 04 3825 1234 lua dao", "S VIETCOMBANK-OFFICIAL vay tien"};

    private final SplittableRandom random;
    private long n;

    DemoTraffic(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public Optional<MoMessage> next() {
        n++;
        String reporter = "849" + String.format("%08d", 10_000_000 + n);
        String shortCode = random.nextInt(3) == 0 ? "5656" : "156";
        return Optional.of(new MoMessage(reporter, shortCode, text()));
    }

    private String text() {
        int r = random.nextInt(100);
        String number = NUMBERS[(int) Math.min(NUMBERS.length - 1, Math.abs(random.nextGaussian()) * 3)];
        String content = SHORT[random.nextInt(SHORT.length)];
        if (r < 30) {
            return pick("LD ", "ld ", "LĐ ", "LD:") + number + " " + content;
        } else if (r < 55) {
            return pick("V ", "v ", "V(", "V + ") + number + (r % 2 == 0 ? ") " : " ") + content;
        } else if (r < 70) {
            return "S " + number + " " + content;
        } else if (r < 80) {
            return "S " + BRANDS[random.nextInt(BRANDS.length)] + " " + content;
        } else if (r < 86) {
            return "LD " + number + " " + LONG;
        } else if (r < 92) {
            return "LD " + number + " " + LONG_VI;
        }
        return BAD[random.nextInt(BAD.length)];
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
