package vn.smsgw.gateway.simulator;

import java.util.Optional;

/** Where injected MO come from: a file, a generator, a fixed list. Called by one thread at a time. */
@FunctionalInterface
public interface MoSource {

    /** The next message, or empty when the source is exhausted. */
    Optional<MoMessage> next();

    /** A source over these messages, in order. */
    static MoSource of(Iterable<MoMessage> messages) {
        var iterator = messages.iterator();
        return () -> iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }
}
