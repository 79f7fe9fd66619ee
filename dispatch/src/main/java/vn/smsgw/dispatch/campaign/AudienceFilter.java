package vn.smsgw.dispatch.campaign;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import vn.smsgw.parser.text.VietnameseFolding;

/**
 * Which rows of an audience file to keep: those of {@code province} (compared without case, accents or spaces, so
 * "An Giang", "AN GIANG" and "an giang" match; empty keeps every province) whose type is in {@code types} (empty
 * keeps every type).
 */
public record AudienceFilter(String province, Set<SubscriberType> types) {

    /** Checks for nulls and copies the types. */
    public AudienceFilter {
        Objects.requireNonNull(province, "province");
        province = province.strip();
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    /** Keeps every row. */
    public static AudienceFilter all() {
        return new AudienceFilter("", Set.of());
    }

    /** Types written {@code prepaid|postpaid} or {@code prepaid,postpaid}. */
    public static Set<SubscriberType> parseTypes(String text) {
        EnumSet<SubscriberType> out = EnumSet.noneOf(SubscriberType.class);
        for (String t : text.split("[|,]")) {
            if (!t.isBlank()) {
                out.add(SubscriberType.parse(t).orElseThrow(() -> new IllegalArgumentException(
                        "type must be prepaid or postpaid, not '" + t.strip() + "'")));
            }
        }
        return out;
    }

    boolean byProvince() {
        return !province.isEmpty();
    }

    boolean byType() {
        return !types.isEmpty();
    }

    String provinceKey() {
        return key(province);
    }

    /** A cell as compared: folded, lower case, letters and digits only. */
    static String key(String cell) {
        String f = VietnameseFolding.foldLower(cell);
        StringBuilder b = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
