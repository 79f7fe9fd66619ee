package vn.smsgw.dispatch.blocklist;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An operator-supplied file of one value per line or CSV {@code value,rest}: blank lines and lines starting with
 * {@code #} are skipped, as is a first row whose first field is a column name ({@link #HEADER_NAMES}, any case): a
 * header. Any other first row is data, so that a brandname listed first is never taken for a header. A UTF-8 BOM is
 * ignored.
 */
final class OperatorFile {
    /** The first fields that make a first row a header. */
    static final Set<String> HEADER_NAMES = Set.of("number", "msisdn", "phone", "source", "sender", "brandname",
            "value", "so", "so dien thoai", "so_dien_thoai");

    /** One data row: its 1-based line number, its first field and the rest of the line (trimmed, maybe empty). */
    record Row(int line, String first, String rest) {
    }

    private OperatorFile() {
    }

    static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                n++;
                String t = (n == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int comma = t.indexOf(',');
                String head = unquote(comma < 0 ? t : t.substring(0, comma));
                String rest = comma < 0 ? "" : unquote(t.substring(comma + 1));
                if (first && HEADER_NAMES.contains(head.toLowerCase(Locale.ROOT))) {
                    first = false;
                    continue;
                }
                first = false;
                rows.add(new Row(n, head, rest));
            }
        }
        return rows;
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1).replace("\"\"", "\"").strip();
        }
        return t;
    }
}
