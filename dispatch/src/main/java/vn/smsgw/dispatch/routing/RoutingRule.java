package vn.smsgw.dispatch.routing;

import java.util.Objects;
import java.util.Set;
import vn.smsgw.parser.number.SourceType;
import vn.smsgw.parser.report.Command;

/**
 * One routing rule: it matches a report whose command is in {@code commands}, whose source type is in
 * {@code sourceTypes} (empty set = any) and, when {@code fraudMarker} is true, whose content contains a fraud marker;
 * it then yields {@code actions}.
 */
public record RoutingRule(String name, Set<Command> commands, Set<SourceType> sourceTypes, boolean fraudMarker,
                          Set<RouteAction> actions) {
    public RoutingRule {
        Objects.requireNonNull(name, "name");
        commands = Set.copyOf(commands);
        sourceTypes = Set.copyOf(sourceTypes);
        actions = Set.copyOf(actions);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a routing rule needs a name");
        }
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("routing rule " + name + " matches no command");
        }
    }

    boolean matches(Command command, SourceType sourceType, boolean hasFraudMarker) {
        return commands.contains(command)
                && (sourceTypes.isEmpty() || sourceTypes.contains(sourceType))
                && (!fraudMarker || hasFraudMarker);
    }
}
