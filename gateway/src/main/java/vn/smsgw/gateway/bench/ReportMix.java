package vn.smsgw.gateway.bench;

import java.util.SplittableRandom;

/**
 * Benchmark traffic shaped like a wave of reports: the reported numbers come from a pool of active scam numbers with
 * a Zipf-like popularity (a few numbers draw most reports), the reporters are distinct subscribers. Per 100 messages:
 * 35 LD, 35 V, 20 S (a third of them brandnames), 5 with Vietnamese diacritics, 5 bad syntax; some with fraud markers.
 * Not thread-safe: one per caller.
 */
final class ReportMix {
    private static final String[] PREFIXES = {"098", "097", "096", "086", "091", "094", "088", "090", "093", "070",
        "079", "092", "056", "032", "033", "035", "038", "039", "081", "083"};
    private static final String[] BRANDS = {"VCB-BANK", "FECREDIT", "TPBANK", "SHOPEE-VN", "VIETTEL", "BIDV"};
    private static final String[] CONTENT = {"goi gia danh cong an yeu cau chuyen khoan",
        "moi dau tu tien ao loi nhuan cao", "quang cao bat dong san", "tu xung nhan vien ngan hang doi ma OTP",
        "cho vay tien nhanh lai suat thap", "thong bao trung thuong xe may", "lam phien nhieu lan trong ngay",
        "gia danh giao vien yeu cau cai dat so lien lac dien tu"};

    private final SplittableRandom random;
    private final int pool;
    private final double[] cumulative;
    private final String[] numbers;

    ReportMix(long seed, int pool) {
        this.random = new SplittableRandom(seed);
        this.pool = pool;
        this.cumulative = new double[pool];
        this.numbers = new String[pool];
        double sum = 0;
        for (int i = 0; i < pool; i++) {
            sum += 1.0 / Math.pow(i + 1, 1.1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < pool; i++) {
            cumulative[i] /= sum;
        }
    }

    String next() {
        int r = random.nextInt(100);
        String number = number(popular());
        String content = CONTENT[random.nextInt(CONTENT.length)];
        if (r < 35) {
            return "LD " + number + " " + content;
        } else if (r < 70) {
            return "V " + number + " " + content;
        } else if (r < 83) {
            return "S " + number + " " + content;
        } else if (r < 90) {
            return "S " + BRANDS[random.nextInt(BRANDS.length)] + " " + content;
        } else if (r < 95) {
            return "LD " + number + " gọi giả danh công an yêu cầu chuyển tiền";
        }
        return "bao cao so " + number + " lua dao";
    }

    private int popular() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = pool - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of each rank, made once: drawing a message costs the benchmark's callers next to nothing. */
    private String number(int rank) {
        String n = numbers[rank];
        if (n == null) {
            n = PREFIXES[rank % PREFIXES.length] + zeroPadded((rank * 7919L) % 10_000_000L, 7);
            numbers[rank] = n;
        }
        return n;
    }

    /** {@code value} (not negative) in decimal, left-padded with zeros to {@code width} digits. */
    static String zeroPadded(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }
}
