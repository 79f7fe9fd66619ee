package vn.smsgw.dispatch.routing;

import java.util.List;
import java.util.Locale;
import vn.smsgw.parser.text.VietnameseFolding;

/**
 * Fraud markers that escalate an S or V report to a police case: phrases matched on diacritic-folded, lower-cased
 * content at word boundaries ({@code otp} matches "ma OTP" but not "hotpot"), plus anything that looks like a URL.
 * Immutable and thread-safe.
 */
public final class FraudMarkers {
    /** The default phrases (domain: OTP, transfers, police, courts, e-ID, the school contact-book scam). */
    public static final List<String> DEFAULT_PHRASES = List.of(
            "otp", "chuyen khoan", "chuyen tien", "cong an", "toa an", "vien kiem sat", "ma dinh danh",
            "so lien lac", "dinh danh dien tu", "vneid");

    private static final List<String> TLDS = List.of(
            "vn", "com", "net", "org", "info", "xyz", "top", "io", "me", "cc", "link", "site", "online", "app", "ly",
            "shop", "club", "live", "asia", "biz");

    private final List<String> phrases;

    public FraudMarkers(List<String> phrases) {
        this.phrases = phrases.stream().map(p -> VietnameseFolding.foldLower(p).strip()).filter(p -> !p.isEmpty())
                .toList();
    }

    public static FraudMarkers defaults() {
        return new FraudMarkers(DEFAULT_PHRASES);
    }

    /** True when the content contains a marker phrase or a URL. */
    public boolean matches(String content) {
        if (content.isEmpty()) {
            return false;
        }
        String folded = VietnameseFolding.foldLower(content);
        for (String p : phrases) {
            if (containsWord(folded, p)) {
                return true;
            }
        }
        return containsUrl(folded);
    }

    static boolean containsWord(String text, String phrase) {
        int from = 0;
        while (true) {
            int i = text.indexOf(phrase, from);
            if (i < 0) {
                return false;
            }
            int end = i + phrase.length();
            if ((i == 0 || !isWordChar(text.charAt(i - 1))) && (end == text.length() || !isWordChar(text.charAt(end)))) {
                return true;
            }
            from = i + 1;
        }
    }

    static boolean containsUrl(String folded) {
        if (folded.contains("http://") || folded.contains("https://") || folded.contains("www.")) {
            return true;
        }
        for (String token : folded.split("[\\s,;()\\[\\]\"']+")) {
            if (looksLikeDomain(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeDomain(String token) {
        int slash = token.indexOf('/');
        String host = slash < 0 ? token : token.substring(0, slash);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int dot = host.lastIndexOf('.');
        if (dot <= 0 || dot == host.length() - 1) {
            return false;
        }
        String tld = host.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!TLDS.contains(tld)) {
            return false;
        }
        for (int i = 0; i < dot; i++) {
            char c = host.charAt(i);
            if (!(isWordChar(c) || c == '-' || c == '.')) {
                return false;
            }
        }
        return isWordChar(host.charAt(dot - 1));
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
}
