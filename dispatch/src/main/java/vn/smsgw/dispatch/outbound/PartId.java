package vn.smsgw.dispatch.outbound;

import java.util.List;
import java.util.Objects;

/**
 * The SMSC message id of one submitted part and the keys a delivery receipt may find it by.
 *
 * @param part      part number, from 1
 * @param messageId the id as the submit_sm_resp gave it
 * @param matchKeys the canonical forms of the id; the first is the exact (normalised) id and wins over the others
 *                  when a receipt key matches several parts. Not empty, no blanks
 */
public record PartId(int part, String messageId, List<String> matchKeys) {

    /** Copies the keys and checks them. */
    public PartId {
        if (part < 1 || part > 255) {
            throw new IllegalArgumentException("part must be 1-255: " + part);
        }
        Objects.requireNonNull(messageId, "messageId");
        matchKeys = List.copyOf(matchKeys);
        if (matchKeys.isEmpty() || matchKeys.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("matchKeys must be non-blank and not empty: " + matchKeys);
        }
    }

    /** The exact key. */
    public String exactKey() {
        return matchKeys.get(0);
    }
}
