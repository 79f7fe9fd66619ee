package vn.smsgw.dispatch.campaign;

import java.util.Optional;

/** How a subscriber pays: the {@code type} column of an audience file. */
public enum SubscriberType {
    PREPAID,
    POSTPAID;

    /** The type a cell names: prepaid/pre/trả trước, postpaid/post/trả sau (any case or accents), else empty. */
    public static Optional<SubscriberType> parse(String cell) {
        String k = AudienceFilter.key(cell);
        return switch (k) {
            case "prepaid", "pre", "tratruoc", "tt" -> Optional.of(PREPAID);
            case "postpaid", "post", "trasau", "ts" -> Optional.of(POSTPAID);
            default -> Optional.empty();
        };
    }
}
