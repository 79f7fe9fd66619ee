package vn.smsgw.dispatch.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.smsgw.parser.number.Msisdn;
import vn.smsgw.parser.number.NumberPlan;
import vn.smsgw.parser.number.SourceType;

/**
 * Reads an audience file one row at a time: plain (one number per line) or CSV (comma, semicolon or tab; optional
 * double quotes) with a header naming the number column and optional {@code province} and {@code type} columns.
 * Every number form {@link NumberPlan#subscriber} accepts is normalised to E.164 digits; invalid rows are counted
 * and the first {@link #KEPT_REJECTS} kept with their line numbers. Not thread-safe.
 */
final class AudienceReader {

    /*
     * The first non-blank line decides the shape: if one of its cells names a number column (number, msisdn, phone,
     * sdt, so dien thoai, ...), it is a header and the columns are looked up by name; otherwise there is no header and
     * the number is the first cell (the whole line for a plain list). A filter on a column the file lacks is an
     * error before anything is read. Nothing but the current line is held, so any size streams in constant memory.
     */

    static final int KEPT_REJECTS = 1000;
    private static final List<String> NUMBER_COLUMNS = List.of("msisdn", "number", "phone", "phonenumber", "mobile",
            "sdt", "sodienthoai", "so", "sothuebao", "thuebao", "subscriber", "isdn");
    private static final List<String> PROVINCE_COLUMNS = List.of("province", "tinh", "tinhthanh", "tinhthanhpho");
    private static final List<String> TYPE_COLUMNS = List.of("type", "loai", "loaithuebao", "subscription",
            "subscribertype", "hinhthuc");

    private final BufferedReader in;
    private final AudienceFilter filter;
    private final String provinceKey;
    private char delimiter;
    private int numberColumn;
    private int provinceColumn = -1;
    private int typeColumn = -1;
    private boolean started;
    private String pendingFirst;
    private long line;
    long rows;
    long valid;
    long filtered;
    long rejected;
    final List<ImportReport.Reject> rejects = new ArrayList<>();

    AudienceReader(BufferedReader in, AudienceFilter filter) {
        this.in = in;
        this.filter = filter;
        this.provinceKey = filter.provinceKey();
    }

    /** Up to {@code max} valid numbers (E.164 digits), in file order; empty at the end of the file. */
    List<String> next(int max) throws IOException {
        if (!started) {
            start();
        }
        List<String> out = new ArrayList<>(Math.min(max, 8192));
        while (out.size() < max) {
            String text;
            if (pendingFirst != null) {
                text = pendingFirst;
                pendingFirst = null;
            } else {
                text = in.readLine();
                if (text == null) {
                    break;
                }
                line++;
            }
            if (text.isBlank()) {
                continue;
            }
            rows++;
            row(text).ifPresent(out::add);
        }
        return out;
    }

    private void start() throws IOException {
        started = true;
        String first;
        do {
            first = in.readLine();
            line++;
        } while (first != null && first.isBlank());
        if (first == null) {
            return;
        }
        if (!first.isEmpty() && first.charAt(0) == '\uFEFF') {
            first = first.substring(1);
        }
        delimiter = first.indexOf('\t') >= 0 ? '\t' : first.indexOf(';') >= 0 ? ';'
                : first.indexOf(',') >= 0 ? ',' : 0;
        List<String> cells = cells(first);
        int n = find(cells, NUMBER_COLUMNS);
        if (n >= 0) {
            numberColumn = n;
            provinceColumn = find(cells, PROVINCE_COLUMNS);
            typeColumn = find(cells, TYPE_COLUMNS);
        } else {
            pendingFirst = first;
        }
        if (filter.byProvince() && provinceColumn < 0) {
            throw new IllegalArgumentException("the audience has no province column to filter on (header: number,"
                    + "province,type)");
        }
        if (filter.byType() && typeColumn < 0) {
            throw new IllegalArgumentException("the audience has no type column to filter on (header: number,"
                    + "province,type)");
        }
    }

    private Optional<String> row(String text) {
        String number;
        String province = "";
        String type = "";
        if (delimiter == 0) {
            number = text;
        } else {
            List<String> cells = cells(text);
            number = cell(cells, numberColumn);
            province = cell(cells, provinceColumn);
            type = cell(cells, typeColumn);
        }
        Optional<Msisdn> msisdn = number.isBlank() ? Optional.empty() : NumberPlan.subscriber(number);
        if (msisdn.isEmpty()) {
            reject(number.isBlank() ? "no number" : "not a subscriber number: " + Msisdn.mask(digitsOf(number)));
            return Optional.empty();
        }
        if (msisdn.get().type() != SourceType.MOBILE) { // a landline gets no SMS; a foreign number is roaming-billed
            reject("not a Vietnamese mobile number (" + msisdn.get().type().name().toLowerCase(Locale.ROOT) + "): "
                    + msisdn.get().masked());
            return Optional.empty();
        }
        if (filter.byProvince() && !provinceKey.equals(AudienceFilter.key(province))) {
            filtered++;
            return Optional.empty();
        }
        if (filter.byType()) {
            Optional<SubscriberType> t = SubscriberType.parse(type);
            if (t.isEmpty()) {
                reject("type must be prepaid or postpaid");
                return Optional.empty();
            }
            if (!filter.types().contains(t.get())) {
                filtered++;
                return Optional.empty();
            }
        }
        valid++;
        return Optional.of(msisdn.get().digits());
    }

    private void reject(String reason) {
        rejected++;
        if (rejects.size() < KEPT_REJECTS) {
            rejects.add(new ImportReport.Reject(line, reason));
        }
    }

    private static String digitsOf(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 20; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String cell(List<String> cells, int i) {
        return i >= 0 && i < cells.size() ? cells.get(i) : "";
    }

    private static int find(List<String> header, List<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(AudienceFilter.key(header.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private List<String> cells(String text) {
        List<String> out = new ArrayList<>(4);
        if (delimiter == 0) {
            out.add(text.strip());
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == delimiter && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out;
    }
}
