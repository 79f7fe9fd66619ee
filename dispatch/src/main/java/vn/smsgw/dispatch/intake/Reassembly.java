package vn.smsgw.dispatch.intake;

import java.io.ByteArrayOutputStream;
import java.util.List;
import vn.smsgw.parser.text.TextCoding;

/** The text of a concatenated message from its stored parts. Stateless. */
final class Reassembly {

    /*
     * A character can span two parts: an emoji's surrogate pair, a UCS-2 code unit split on an odd octet, a GSM-7
     * escape at the end of one part and its code at the start of the next. So the octets of consecutive parts in one
     * coding are joined and decoded as one run. A run ends where the coding changes (each run decodes on its own), at
     * a missing part (octets on either side of a gap do not belong together) and at a part without octets (binary
     * data as hex, or text stored decoded before parts kept their octets), which is appended as its text.
     */

    private Reassembly() {
    }

    /** The text of {@code parts}, which are in part order; binary parts as their hex. */
    static String text(List<StoredPart> parts) {
        StringBuilder text = new StringBuilder();
        Run run = null;
        int previous = 0;
        for (StoredPart part : parts) {
            if (run != null && !run.continuedBy(part, previous)) {
                run.appendTo(text);
                run = null;
            }
            if (part.content() instanceof PartContent.Text octets) {
                run = run == null ? new Run(octets.coding()) : run;
                run.octets.writeBytes(octets.octetsView());
            } else {
                text.append(part.content().text());
            }
            previous = part.seq();
        }
        if (run != null) {
            run.appendTo(text);
        }
        return text.toString();
    }

    /** The joined octets of consecutive parts in one coding. */
    private static final class Run {
        final TextCoding coding;
        final ByteArrayOutputStream octets = new ByteArrayOutputStream();

        Run(TextCoding coding) {
            this.coding = coding;
        }

        boolean continuedBy(StoredPart part, int previousSeq) {
            return part.seq() == previousSeq + 1
                    && part.content() instanceof PartContent.Text t && t.coding() == coding;
        }

        void appendTo(StringBuilder text) {
            text.append(coding.decode(octets.toByteArray()));
        }
    }
}
