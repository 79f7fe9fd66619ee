package vn.smsgw.gateway.simulator;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * An endless, seeded source of realistic 156/5656 reports: LD, V and S with and without Vietnamese diacritics, long
 * reports with a pasted scam text (sent concatenated), and some bad syntax. Every message comes from a distinct
 * reporter {@code 849xxxxxxxx} (distinct for the first 10^8 messages). The same seed gives the same sequence. Not
 * thread-safe.
 */
public final class MoGenerator implements MoSource {

    private static final long NUMBERS = 100_000_000L;
    private static final long STRIDE = 1_234_567L; // coprime with 10^8: reporters do not repeat

    private static final List<String> PLAIN = List.of(
            "LD %s goi dien tu xung cong an yeu cau chuyen tien",
            "ld %s gia danh ngan hang doi ma OTP",
            "LD %s lua dao trung thuong",
            "V %s cuoc goi quang cao bat dong san",
            "v %s goi lien tuc moi mua bao hiem",
            "S %s tin nhan moi vay tien lai suat thap",
            "S %s quang cao sim so dep");
    private static final List<String> DIACRITICS = List.of(
            "LD %s gọi điện tự xưng công an yêu cầu chuyển tiền",
            "Lđ %s giả danh ngân hàng đòi mã OTP",
            "LD %s lừa đảo trúng thưởng",
            "V %s cuộc gọi quảng cáo bất động sản",
            "S %s tin nhắn mời vay tiền lãi suất thấp");
    private static final List<String> BAD_SYNTAX = List.of(
            "156", "xin chao", "LD", "LD abc", "kiem tra tai khoan", "V", "Chào bạn, tôi muốn hỏi", "S", "?");
    private static final String PASTED_PLAIN = " Noi dung: Quy khach da trung thuong xe SH, vui long truy cap"
            + " http://bit.ly/qua-tang va nhap ma OTP de nhan giai truoc 24h hom nay.";
    private static final String PASTED_DIACRITICS = " Nội dung: Quý khách đã trúng thưởng xe SH, vui lòng truy"
            + " cập đường link và nhập mã OTP để nhận giải.";

    private final SplittableRandom random;
    private final double ucs2Share;
    private final double concatenatedShare;
    private final double badSyntaxShare;
    private final long reporterBase;
    private long index;

    /**
     * A generator with these shares of messages, each 0..1: {@code ucs2Share} written with diacritics (sent as UCS-2),
     * {@code concatenatedShare} longer than one SMS, {@code badSyntaxShare} not a valid report.
     */
    public MoGenerator(long seed, double ucs2Share, double concatenatedShare, double badSyntaxShare) {
        requireShare("ucs2Share", ucs2Share);
        requireShare("concatenatedShare", concatenatedShare);
        requireShare("badSyntaxShare", badSyntaxShare);
        this.random = new SplittableRandom(seed);
        this.ucs2Share = ucs2Share;
        this.concatenatedShare = concatenatedShare;
        this.badSyntaxShare = badSyntaxShare;
        this.reporterBase = Math.floorMod(seed * 31L, NUMBERS);
    }

    /** 30 % with diacritics, 10 % concatenated, 5 % bad syntax. */
    public static MoGenerator withDefaultMix(long seed) {
        return new MoGenerator(seed, 0.3, 0.1, 0.05);
    }

    @Override
    public Optional<MoMessage> next() {
        String reporter = "849" + eightDigits((reporterBase + index * STRIDE) % NUMBERS);
        index++;
        String shortCode = random.nextInt(10) == 0 ? "5656" : "156";
        return Optional.of(new MoMessage(reporter, shortCode, text()));
    }

    private String text() {
        boolean diacritics = random.nextDouble() < ucs2Share;
        if (random.nextDouble() < badSyntaxShare) {
            return pick(BAD_SYNTAX);
        }
        String report = pick(diacritics ? DIACRITICS : PLAIN).replace("%s", reportedNumber());
        if (random.nextDouble() < concatenatedShare) {
            String pasted = diacritics ? PASTED_DIACRITICS : PASTED_PLAIN;
            int limit = diacritics ? 70 : 160;
            StringBuilder text = new StringBuilder(report);
            do {
                text.append(pasted);
            } while (text.length() <= limit || random.nextInt(3) == 0);
            return text.toString();
        }
        return report;
    }

    private String reportedNumber() {
        String[] prefixes = {"09", "03", "08", "07", "05"};
        String national = prefixes[random.nextInt(prefixes.length)] + eightDigits(random.nextInt(100_000_000));
        return switch (random.nextInt(6)) {
            case 0 -> "+84" + national.substring(1);
            case 1 -> national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7);
            default -> national;
        };
    }

    private static String eightDigits(long value) {
        String digits = Long.toString(value);
        return "00000000".substring(digits.length()) + digits;
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static void requireShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + share);
        }
    }
}
