package vn.smsgw.dispatch.outbound;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.smsgw.parser.text.GsmAlphabet;

/**
 * The reply texts, unaccented so that each fits one GSM-7 SMS (domain reference §7.3). Placeholders:
 * {@code {ID}} case id, {@code {SOURCE}} the normalised reported number or sender, {@code {SHORTCODE}} the short code,
 * {@code {QUOTA}} the daily quota. Replies never echo the reported content. Validated at construction: every
 * template, filled with the longest values, must be GSM-7 and at most 160 septets.
 */
public record ReplyTemplates(String ack, String help, String invalidNumber, String invalidSender, String quota) {

    /** Longest values a placeholder can take, for validation. */
    private static final Map<String, String> LONGEST = Map.of(
            "{ID}", "XXXXXXXX", "{SOURCE}", "+123456789012345", "{SHORTCODE}", "5656", "{QUOTA}", "9999");

    /** What looks like a placeholder: a word in braces. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z_]+\\}");

    public ReplyTemplates {
        check("ack", ack);
        check("help", help);
        check("invalidNumber", invalidNumber);
        check("invalidSender", invalidSender);
        check("quota", quota);
    }

    public static ReplyTemplates defaults() {
        return new ReplyTemplates(
                "Da tiep nhan phan anh {ID} ve {SOURCE}. Cam on Quy khach da gop phan ngan chan lua dao. "
                        + "Khong cung cap OTP cho bat ky ai.",
                "Sai cu phap. Soan: LD <so dien thoai> <noi dung> (lua dao), V <so> <noi dung> (cuoc goi rac) "
                        + "hoac S <so/ten> <noi dung> (tin nhan rac) gui {SHORTCODE}.",
                "So dien thoai khong hop le (ma {ID}). Vui long kiem tra va gui lai: LD <so> <noi dung> "
                        + "gui {SHORTCODE}.",
                "Ten nguon phat tan qua dai (toi da 11 ky tu, ma {ID}). Soan: S <so/ten> <noi dung> gui {SHORTCODE}.",
                "Da tiep nhan phan anh {ID}. Quy khach da gui qua {QUOTA} phan anh trong ngay; phan anh nay duoc luu "
                        + "nhung khong duoc tinh.");
    }

    /** Fills a template. */
    public static String fill(String template, String caseId, String source, String shortCode, int quota) {
        return template.replace("{ID}", caseId).replace("{SOURCE}", source).replace("{SHORTCODE}", shortCode)
                .replace("{QUOTA}", Integer.toString(quota));
    }

    private static void check(String name, String template) {
        Objects.requireNonNull(template, name);
        String filled = template;
        for (Map.Entry<String, String> e : LONGEST.entrySet()) {
            filled = filled.replace(e.getKey(), e.getValue());
        }
        if (filled.isBlank()) {
            throw new IllegalArgumentException("reply template " + name + " is empty");
        }
        Matcher unknown = PLACEHOLDER.matcher(filled);
        if (unknown.find()) {
            // a misspelt placeholder ({Id}, {CASE}) would reach every reporter as written
            throw new IllegalArgumentException("reply template " + name + " has an unknown placeholder "
                    + unknown.group() + "; known: {ID}, {SOURCE}, {SHORTCODE}, {QUOTA}");
        }
        if (!GsmAlphabet.canEncode(filled)) {
            throw new IllegalArgumentException("reply template " + name + " is not GSM-7 (use unaccented text)");
        }
        int septets = 0;
        for (int i = 0; i < filled.length(); i++) {
            septets += GsmAlphabet.septets(filled.charAt(i));
        }
        if (septets > 160) {
            throw new IllegalArgumentException(
                    "reply template " + name + " needs " + septets + " septets when filled; one SMS holds 160");
        }
    }
}
