package vn.smsgw.dispatch.routing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.smsgw.parser.text.VietnameseFolding;

/**
 * Fraud markers that escalate an S or V report to a police case: phrases matched on diacritic-folded, lower-cased
 * content at word boundaries ({@code otp} matches "ma OTP" and "OTP123456" but not "hotpot"), plus anything that looks
 * like a URL: a scheme or {@code www.}, a host under a top-level domain scams use (with a path, query, port or
 * trailing punctuation), or a bare IPv4 address. Immutable and thread-safe.
 */
public final class FraudMarkers {
    /** The default phrases (domain: OTP, transfers, police, courts, e-ID, the school contact-book scam). */
    public static final List<String> DEFAULT_PHRASES = List.of(
            "otp", "chuyen khoan", "chuyen tien", "cong an", "toa an", "vien kiem sat", "ma dinh danh",
            "so lien lac", "dinh danh dien tu", "vneid");

    private static final List<String> TLDS = List.of(
            "vn", "com", "net", "org", "info", "xyz", "top", "io", "me", "cc", "link", "site", "online", "app", "ly",
            "shop", "club", "live", "asia", "biz", "icu", "cfd", "sbs", "vip", "pro", "tk", "cn", "click", "cyou",
            "buzz", "fun", "store", "tech", "ml", "ga", "cf", "gq", "work", "today", "space", "website", "life", "co",
            "cloud", "pw", "win", "bid", "loan", "xin", "bond", "mobi", "lat", "rest", "monster", "hk", "tw", "ru");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}([:/?#].*)?");

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
            // digits may follow a phrase ("otp123456"), a letter may not ("hotpot", "otpx")
            if ((i == 0 || !isWordChar(text.charAt(i - 1))) && (end == text.length() || !isLetter(text.charAt(end)))) {
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
        if (IPV4.matcher(token).matches()) {
            return true;
        }
        int end = token.length();
        for (char c : new char[] {'/', '?', '#', ':'}) {
            int at = token.indexOf(c);
            end = at < 0 ? end : Math.min(end, at);
        }
        String host = token.substring(0, end);
        while (!host.isEmpty() && !isWordChar(host.charAt(host.length() - 1))) {
            host = host.substring(0, host.length() - 1); // "vcb.com.vn!", "abc.top."
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

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
}
