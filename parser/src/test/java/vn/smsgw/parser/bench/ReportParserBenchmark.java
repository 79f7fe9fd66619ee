package vn.smsgw.parser.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.smsgw.parser.report.ParseResult;
import vn.smsgw.parser.report.ReportParser;

/**
 * Throughput of {@link ReportParser#parse} over a realistic mix of 4096 messages; one operation is one message.
 *
 * <p>The mix: about 65 % unaccented ASCII reports in the usual forms, 20 % reports typed with Vietnamese
 * diacritics, 10 % malformed messages, 5 % long concatenated reports (300-700 chars). Run with
 * {@code mvn -q -B -pl parser test-compile exec:exec@jmh -Djmh.args="ReportParserBenchmark -f 1 -wi 3 -i 5 -t 1"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReportParserBenchmark {

    private static final int MESSAGES = 4096;

    private static final String[] NUMBERS = {
        "0912345678", "0987 654 321", "+84903123456", "84362123456", "0912.345.678", "(028) 3823 4567",
        "0869-123-456", "(+84) 776 123 456", "01691234567", "1900 1234", "0084 932 111 222", "912345678",
    };
    private static final String[] ASCII_CONTENT = {
        "lua dao", "goi mao danh cong an yeu cau chuyen tien", "quang cao bat dong san", "vay tien lai suat thap",
        "Quy khach da trung thuong 1 xe SH, soan tin de nhan", "goi nhieu lan trong ngay", "",
        "Tai khoan cua ban bi khoa, truy cap http://vcb-online.top de mo khoa",
    };
    private static final String[] ACCENTED = {
        "LD %s Mạo danh công an yêu cầu chuyển tiền", "Tôi muốn báo cáo LD %s lừa đảo chiếm đoạt tài sản",
        "S %s Quý khách đã trúng thưởng, vui lòng truy cập đường link", "V %s Cuộc gọi quảng cáo bất động sản",
        "lđ số điện thoại %s giả danh nhân viên ngân hàng", "LD cuộc gọi lừa đảo từ số %s",
    };
    private static final String[] MALFORMED = {
        "Spam 0912345678", "DK DNC", "LD 0912xxx678 lua dao", "S Số điện thoại", "S VIETCOMBANKVN khoa tai khoan",
        "LD goi mao danh cong an", "V 04 3823 4567 quang cao", "", "L D 0912345678", "Xin chao",
    };

    private final ReportParser parser = new ReportParser();
    private String[] messages;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(20_260_722L);
        List<String> mix = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            int kind = random.nextInt(100);
            String number = NUMBERS[random.nextInt(NUMBERS.length)];
            if (kind < 65) {
                mix.add(ascii(random, number));
            } else if (kind < 85) {
                mix.add(String.format(ACCENTED[random.nextInt(ACCENTED.length)], number));
            } else if (kind < 95) {
                mix.add(MALFORMED[random.nextInt(MALFORMED.length)]);
            } else {
                mix.add(longReport(random, number));
            }
        }
        Collections.shuffle(mix, random);
        messages = mix.toArray(new String[0]);
    }

    @Benchmark
    public ParseResult parse() {
        String message = messages[next];
        next = (next + 1) & (MESSAGES - 1);
        return parser.parse(message);
    }

    private static String ascii(Random random, String number) {
        String content = ASCII_CONTENT[random.nextInt(ASCII_CONTENT.length)];
        return switch (random.nextInt(8)) {
            case 0 -> "S " + number + " " + content;
            case 1 -> "V " + number + " " + content;
            case 2 -> "S VCB " + content;
            case 3 -> "S [FE CREDIT][" + content + "]";
            case 4 -> "LD (" + number + ")(" + content + ")";
            case 5 -> "LD cuoc goi lua dao tu so " + number;
            case 6 -> "ld:" + number + " - " + content;
            default -> "LD " + number + " " + content;
        };
    }

    private static String longReport(Random random, String number) {
        StringBuilder text = new StringBuilder("LD ").append(number).append(' ');
        int target = 300 + random.nextInt(400);
        while (text.length() < target) {
            text.append(random.nextBoolean() ? ASCII_CONTENT[random.nextInt(ASCII_CONTENT.length)]
                    : "Đề nghị Nhân dân nâng cao cảnh giác, không cung cấp mã OTP").append(". ");
        }
        return text.toString();
    }
}
