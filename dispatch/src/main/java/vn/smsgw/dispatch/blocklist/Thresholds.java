package vn.smsgw.dispatch.blocklist;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import vn.smsgw.parser.report.Command;

/** The listing threshold of each command; every command has one. Immutable. */
public record Thresholds(Map<Command, Threshold> byCommand) {
    public Thresholds {
        Objects.requireNonNull(byCommand, "byCommand");
        for (Command c : Command.values()) {
            if (!byCommand.containsKey(c)) {
                throw new IllegalArgumentException("no blocklist threshold for command " + c);
            }
        }
        EnumMap<Command, Threshold> copy = new EnumMap<>(Command.class);
        byCommand.forEach((c, t) -> copy.put(Objects.requireNonNull(c), Objects.requireNonNull(t, "threshold")));
        byCommand = java.util.Collections.unmodifiableMap(copy);
    }

    /** The defaults: LD 3 reporters in 7 days, V 5 in 10 days, S 5 in 10 days. */
    public static Thresholds defaults() {
        return new Thresholds(Map.of(
                Command.LD, Threshold.of(3, 7),
                Command.V, Threshold.of(5, 10),
                Command.S, Threshold.of(5, 10)));
    }

    public Threshold of(Command command) {
        return byCommand.get(command);
    }

    /** A copy with {@code command}'s threshold replaced. */
    public Thresholds with(Command command, Threshold threshold) {
        EnumMap<Command, Threshold> copy = new EnumMap<>(byCommand);
        copy.put(command, threshold);
        return new Thresholds(copy);
    }
}
