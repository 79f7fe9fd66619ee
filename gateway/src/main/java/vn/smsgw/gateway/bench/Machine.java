package vn.smsgw.gateway.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a benchmark ran on: cores, OS, Java, load average, the garbage collector and the JVM options. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        return String.format("machine: %d cores, %s %s, Java %s, load average %s%n%s",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), loadAverage(),
                jvm(ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .toList(), ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    /** The collectors and the options the JVM was started with: a figure depends on them. */
    static String jvm(List<String> collectors, List<String> options) {
        return "jvm: collectors " + String.join(", ", collectors) + "; options "
                + (options.isEmpty() ? "(none)" : String.join(" ", options));
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
