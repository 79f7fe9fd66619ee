package vn.smsgw.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code smsgw parse} with the real report parser, as run from the jar. */
class ParseEndToEndTest {

    private static final String EMPTY = "{\"ok\":false,\"command\":null,\"error\":\"EMPTY_MESSAGE\"}";

    @Test
    void parse_readmeExamples_writeDocumentedOutput() {
        CliRun run = parse("LD 0912345678 goi gia danh cong an\nV(0812341213) lua dao\nS [FE CREDIT] vay tien nhanh\n"
                + "S 01686 123 456\nXYZ\n");

        assertEquals(List.of(
                report("LD", "+84912345678", "MOBILE", "VINAPHONE", "goi gia danh cong an"),
                report("V", "+84812341213", "MOBILE", "VINAPHONE", "lua dao"),
                report("S", "FE CREDIT", "BRANDNAME", "UNKNOWN", "vay tien nhanh"),
                report("S", "+84386123456", "MOBILE", "VIETTEL", ""),
                "{\"ok\":false,\"command\":null,\"error\":\"UNKNOWN_COMMAND\"}"), run.outLines());
        assertEquals(0, run.exitCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "S 0912345678 vay tien     | S  | +84912345678  | MOBILE        | VINAPHONE | vay tien",
        "V (028) 3823 4567 qc      | V  | +842838234567 | FIXED         | UNKNOWN   | qc",
        "S 1900 1234 tin rac       | S  | 19001234      | SERVICE       | UNKNOWN   | tin rac",
        "S 9029 trung thuong       | S  | 9029          | SHORT_CODE    | UNKNOWN   | trung thuong",
        "LD +1 202 555 0123 lua    | LD | +12025550123  | INTERNATIONAL | UNKNOWN   | lua",
        "S SHB-Finance vay nhanh   | S  | SHB-Finance   | BRANDNAME     | UNKNOWN   | vay nhanh",
    })
    void parse_eachSourceType_writesSourceAsNormalised(
            String message, String command, String source, String type, String carrier, String content) {
        CliRun run = parse(message + "\n");

        assertEquals(List.of(report(command, source, type, carrier, content)), run.outLines());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "XYZ 0912345678       | null | UNKNOWN_COMMAND",
        "V                    | V    | MISSING_SOURCE",
        "S 04 1234 5678 qc    | S    | INVALID_NUMBER",
        "S ABCDEFGHIJKLMNO qc | S    | INVALID_SENDER",
    })
    void parse_eachRejection_writesErrorAndCommand(String message, String command, String error) {
        CliRun run = parse(message + "\n");

        String commandJson = command == null ? "null" : "\"" + command + "\"";
        assertEquals(List.of("{\"ok\":false,\"command\":" + commandJson + ",\"error\":\"" + error + "\"}"),
                run.outLines());
    }

    @Test
    void parse_emptyAndBlankLines_areEmptyMessages() {
        CliRun run = parse("\n   \n");

        assertEquals(List.of(EMPTY, EMPTY), run.outLines());
    }

    @Test
    void parse_backslashNBetweenCommandAndNumber_separatesThem() {
        CliRun run = parse("LD\\n0912345678\\ngoi lua dao\n");

        assertEquals(List.of(report("LD", "+84912345678", "MOBILE", "VINAPHONE", "goi lua dao")), run.outLines());
    }

    @Test
    void parse_crlfFile_parsesLikeLf() {
        CliRun run = parse("S 9029 qc\r\n\r\n");

        assertEquals(List.of(report("S", "9029", "SHORT_CODE", "UNKNOWN", "qc"), EMPTY), run.outLines());
    }

    @Test
    void parse_invalidUtf8InContent_keepsReplacementCharacter() {
        byte[] prefix = "S 9029 a".getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[prefix.length + 2];
        System.arraycopy(prefix, 0, input, 0, prefix.length);
        input[prefix.length] = (byte) 0xFF;
        input[prefix.length + 1] = '\n';

        CliRun run = parse(input);

        assertEquals(List.of(report("S", "9029", "SHORT_CODE", "UNKNOWN", "a\uFFFD")), run.outLines());
    }

    @Test
    void parse_vietnameseWithFillerAndDiacritics_keepsContentAsTyped() {
        CliRun run = parse("Tôi muốn phản ánh S 0987.654.321 lừa đảo chuyển khoản\n");

        assertEquals(List.of(report("S", "+84987654321", "MOBILE", "VIETTEL", "lừa đảo chuyển khoản")),
                run.outLines());
    }

    @Test
    void parse_textOption_usesRealParser() {
        CliRun run = parse(new byte[0], "--text", "Ld:0987654321 goi lam phien");

        assertEquals(List.of(report("LD", "+84987654321", "MOBILE", "VIETTEL", "goi lam phien")), run.outLines());
    }

    private static CliRun parse(String stdin) {
        return parse(stdin.getBytes(StandardCharsets.UTF_8));
    }

    private static CliRun parse(byte[] stdin, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "parse";
        System.arraycopy(options, 0, args, 1, options.length);
        return CliRun.of(new ByteArrayInputStream(stdin), args);
    }

    private static String report(String command, String source, String type, String carrier, String content) {
        return "{\"ok\":true,\"command\":\"" + command + "\",\"source\":\"" + source + "\",\"sourceType\":\"" + type
                + "\",\"carrier\":\"" + carrier + "\",\"content\":\"" + content + "\"}";
    }
}
