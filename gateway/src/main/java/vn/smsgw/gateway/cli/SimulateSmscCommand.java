package vn.smsgw.gateway.cli;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.smsgw.gateway.simulator.Concatenation;
import vn.smsgw.gateway.simulator.DeliveryStats;
import vn.smsgw.gateway.simulator.Faults;
import vn.smsgw.gateway.simulator.MoFile;
import vn.smsgw.gateway.simulator.MoGenerator;
import vn.smsgw.gateway.simulator.MoInjection;
import vn.smsgw.gateway.simulator.MoSource;
import vn.smsgw.gateway.simulator.ReceiptIdFormat;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SimulatorStats;
import vn.smsgw.gateway.simulator.SmscSimulator;

/** {@code smsgw simulate-smsc}: runs the SMSC simulator until interrupted, printing its counters every second. */
@Command(
        name = "simulate-smsc",
        description = {
            "Runs an SMSC simulator: accepts SMPP binds, answers submit_sm with receipts, injects MO once an ESME"
                    + " with a receiver bind is connected, and injects faults on request.",
            "Prints one line of counters per second; stops on Ctrl-C, or after the MO with --exit-after-mo."
        })
final class SimulateSmscCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "2775", description = "TCP port, 0 for an ephemeral one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--system-id", defaultValue = "", description = "Required system_id; empty accepts any.")
    private String systemId;

    @Option(names = "--password", defaultValue = "", description = "Required password; empty accepts any.")
    private String password;

    @ArgGroup(exclusive = true)
    private MoInput mo = new MoInput();

    static final class MoInput {
        @Option(names = "--mo-file", paramLabel = "FILE",
                description = "Inject the MO of FILE: one text per line, or reporter<TAB>shortcode<TAB>text.")
        Path file;

        @Option(names = "--mo-count", defaultValue = "0", description = "Inject N generated MO (default: 0).")
        long count;
    }

    @Option(names = "--mo-rate", defaultValue = "0", description = "MO deliver_sm per second, 0 = unthrottled.")
    private int moRate;

    @Option(names = "--window", defaultValue = "50", description = "MO deliver_sm in flight (default: ${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--short-code", defaultValue = "156", description = "Short code of --mo-file plain lines.")
    private String shortCode;

    @Option(names = "--concatenated-share", defaultValue = "0.1", description = "Share of long generated MO.")
    private double concatenatedShare;

    @Option(names = "--ucs2-share", defaultValue = "0.3", description = "Share of generated MO with diacritics.")
    private double ucs2Share;

    @Option(names = "--bad-syntax-share", defaultValue = "0.05", description = "Share of generated invalid reports.")
    private double badSyntaxShare;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the MO generator.")
    private long seed;

    @Option(names = "--sar", description = "Concatenate MO with SAR TLVs instead of a UDH.")
    private boolean sar;

    @Option(names = "--dlr-delay-ms", defaultValue = "0", description = "Delay of delivery receipts.")
    private long dlrDelayMs;

    @Option(names = "--dlr-decimal-ids", description = "Write receipt ids in decimal in the receipt text.")
    private boolean decimalIds;

    @Option(names = "--no-receipt-tlvs", description = "Leave receipted_message_id and message_state out.")
    private boolean noReceiptTlvs;

    @Option(names = "--response-timeout-ms", defaultValue = "5000", description = "Wait for a deliver_sm_resp.")
    private long responseTimeoutMs;

    @Option(names = "--throttle-every", defaultValue = "0", description = "Answer every Nth submit_sm ESME_RTHROTTLED.")
    private int throttleEvery;

    @Option(names = "--throttle-after", defaultValue = "0",
            description = "Answer every submit_sm after the first N ESME_RTHROTTLED (an SMSC that stops taking them).")
    private int throttleAfter;

    @Option(names = "--queue-full-every", defaultValue = "0", description = "Answer every Nth submit_sm ESME_RMSGQFUL.")
    private int queueFullEvery;

    @Option(names = "--resp-delay-ms", defaultValue = "0", description = "Delay every submit_sm_resp.")
    private long respDelayMs;

    @Option(names = "--drop-resp-every", defaultValue = "0", description = "Leave every Nth submit_sm unanswered.")
    private int dropRespEvery;

    @Option(names = "--drop-connection-after", defaultValue = "0", description = "Drop the connection after the Nth MO.")
    private int dropConnectionAfter;

    @Option(names = "--duplicate-every", defaultValue = "0", description = "Deliver every Nth acknowledged MO twice.")
    private int duplicateEvery;

    @Option(names = "--exit-after-mo", description = "Exit once every MO is acknowledged or failed.")
    private boolean exitAfterMo;

    @Option(names = "--verbose", description = "Log every PDU (jsmpp at DEBUG).")
    private boolean verbose;

    @Override
    public Integer call() throws IOException, InterruptedException {
        // a substitute logger while SLF4J is still starting up (another thread logging first) has no level to set
        if (LoggerFactory.getLogger("org.jsmpp") instanceof ch.qos.logback.classic.Logger jsmpp) {
            jsmpp.setLevel(verbose ? Level.DEBUG : Level.WARN);
        }
        SimulatorConfig config;
        try {
            for (double share : new double[] {concatenatedShare, ucs2Share, badSyntaxShare}) {
                if (!(share >= 0 && share <= 1)) {
                    throw new IllegalArgumentException("--concatenated-share, --ucs2-share and --bad-syntax-share "
                            + "are shares from 0 to 1, not " + share);
                }
            }
            config = config();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        // Ctrl-C: the hook ends the loop, then waits for the simulator's close (the final line, its sessions unbound)
        try (StopHook stopped = new StopHook("simulate-smsc-stop", Duration.ofSeconds(30));
             SmscSimulator simulator = new SmscSimulator(config).start()) {
            out.println("simulate-smsc listening on " + config.host() + ":" + simulator.port());
            MoInjection injection = inject(simulator);
            String last = "";
            while (!stopped.awaitStop(1, TimeUnit.SECONDS)) {
                String line = line(simulator.stats());
                if (!line.equals(last)) {
                    out.println(line);
                    last = line;
                }
                if (exitAfterMo && injection != null && injection.isDone()) {
                    out.println("MO done: " + injection.ackedCount() + " acked, " + injection.failed().size()
                            + " failed");
                    break;
                }
            }
            out.println("final " + line(simulator.stats()));
            out.flush();
        }
        return 0;
    }

    private MoInjection inject(SmscSimulator simulator) throws IOException {
        if (mo.file != null) {
            return simulator.inject(MoFile.read(mo.file, shortCode));
        }
        if (mo.count > 0) {
            MoSource source = new MoGenerator(seed, ucs2Share, concatenatedShare, badSyntaxShare);
            return simulator.inject(source, mo.count);
        }
        return null;
    }

    private SimulatorConfig config() {
        Faults faults = Faults.none().withThrottleEvery(throttleEvery).withQueueFullEvery(queueFullEvery)
                .withSubmitRespDelay(Duration.ofMillis(respDelayMs)).withDropSubmitRespEvery(dropRespEvery)
                .withDropConnectionAfter(dropConnectionAfter).withDuplicateEvery(duplicateEvery)
                .withThrottleAfter(throttleAfter);
        return SimulatorConfig.builder().host(host).port(port).credentials(systemId, password).window(window)
                .moRate(moRate).concatenation(sar ? Concatenation.SAR : Concatenation.UDH)
                .dlrDelay(Duration.ofMillis(dlrDelayMs))
                .receiptIdFormat(decimalIds ? ReceiptIdFormat.DECIMAL : ReceiptIdFormat.HEX)
                .receiptTlvs(!noReceiptTlvs).responseTimeout(Duration.ofMillis(responseTimeoutMs))
                .faults(faults).build();
    }

    static String line(SimulatorStats s) {
        return "bound=" + s.boundSessions() + " binds=" + s.binds() + " mo[" + delivery(s.mo()) + " dup="
                + s.moDuplicates() + "] submit[rx=" + s.submits().received() + " ok=" + s.submits().accepted()
                + " throttled=" + s.submits().throttled() + " qfull=" + s.submits().queueFull() + " noresp="
                + s.submits().unanswered() + "] dlr[" + delivery(s.receipts()) + "]";
    }

    private static String delivery(DeliveryStats d) {
        return "sent=" + d.sent() + " acked=" + d.acked() + " errors=" + d.errorsByStatus() + " timeouts="
                + d.timeouts() + " redelivered=" + d.redelivered() + " givenUp=" + d.givenUp();
    }
}
