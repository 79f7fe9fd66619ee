package vn.smsgw.dispatch.intake;

import java.util.Objects;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.parser.report.ParseResult;

/** The outcome of {@link Intake#accept}: stored (durably), a duplicate of a stored message, or not stored. */
public sealed interface IntakeResult permits IntakeResult.Stored, IntakeResult.Duplicate, IntakeResult.PartStored,
        IntakeResult.LatePart, IntakeResult.Unavailable {

    /** The message is committed with its case id (a report or a rejected message kept as evidence). */
    record Stored(CaseId caseId, ParseResult parse) implements IntakeResult {
        public Stored {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(parse, "parse");
        }
    }

    /** A redelivery of a message already stored within the dedupe window: nothing new stored, no second reply. */
    record Duplicate(CaseId caseId) implements IntakeResult {
        public Duplicate {
            Objects.requireNonNull(caseId, "caseId");
        }
    }

    /**
     * A part of a concatenated message is durably stored ({@code duplicate}: it had been stored before). The message
     * is reassembled, stored and answered once every part is there, or as incomplete after the timeout.
     */
    record PartStored(boolean duplicate) implements IntakeResult {
    }

    /**
     * A part of a concatenated message that was stored without it (incomplete, at the reassembly timeout) as case
     * {@code caseId}: durably kept as evidence of that case. No message is stored and no reply queued: the reporter
     * was answered once, for that case.
     */
    record LatePart(CaseId caseId) implements IntakeResult {
        public LatePart {
            Objects.requireNonNull(caseId, "caseId");
        }
    }

    /**
     * Not stored: the store failed or intake is overloaded. Temporary: the SMSC must redeliver.
     * {@code overloaded} distinguishes a full intake queue (throttle) from a storage failure.
     */
    record Unavailable(String reason, boolean overloaded) implements IntakeResult {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
