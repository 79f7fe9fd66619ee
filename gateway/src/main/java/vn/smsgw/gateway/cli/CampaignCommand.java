package vn.smsgw.gateway.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.smsgw.dispatch.campaign.AudienceFilter;
import vn.smsgw.dispatch.campaign.Campaign;
import vn.smsgw.dispatch.campaign.CampaignAction;
import vn.smsgw.dispatch.campaign.CampaignSpec;
import vn.smsgw.dispatch.campaign.Campaigns;
import vn.smsgw.dispatch.campaign.Creation;
import vn.smsgw.dispatch.campaign.EncodingMode;
import vn.smsgw.dispatch.campaign.ImportReport;
import vn.smsgw.dispatch.campaign.SendingWindow;
import vn.smsgw.dispatch.campaign.Transition;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.gateway.config.Durations;
import vn.smsgw.gateway.config.GatewayConfig;

/**
 * {@code smsgw campaign create|estimate|start|pause|resume|cancel|status|list|import-bench}: awareness campaigns in
 * the store of {@code --config}/{@code --data-dir} (the same as {@code smsgw run}, which may be running: its runner
 * picks up what these commands change). Exit codes: 0 done, 1 refused or unknown campaign, 2 usage error.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = "Create, estimate, start, pause, resume, cancel and follow awareness campaigns.",
        subcommands = {CampaignCommand.Create.class, CampaignCommand.EstimateCmd.class, CampaignCommand.Start.class,
            CampaignCommand.Pause.class, CampaignCommand.Resume.class, CampaignCommand.Cancel.class,
            CampaignStatusCommand.class, CampaignCommand.ListCmd.class, CampaignImportBench.class})
public final class CampaignCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "YAML configuration of the gateway whose store to use.")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Embedded store directory (default ./data).")
    Path dataDir;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** Opens the store the gateway uses. */
    Database open() {
        GatewayConfig c;
        if (config == null) {
            c = GatewayConfig.embedded(dataDir != null ? dataDir : Path.of("./data"), System.getenv());
        } else {
            c = dataDir != null ? GatewayConfig.load(config, System.getenv(), dataDir)
                    : GatewayConfig.load(config, System.getenv());
        }
        return Database.open(c.store().database());
    }

    static int refused(PrintWriter err, Transition t) {
        if (t instanceof Transition.Refused r) {
            err.println("smsgw campaign: " + r.reason());
        } else if (t instanceof Transition.NotFound n) {
            err.println("smsgw campaign: no campaign " + n.campaign());
        }
        return 1;
    }

    /** {@code create}: a draft with its audience, then its estimate. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a draft campaign, import its audience and show the estimate.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        CampaignCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "Unique name.")
        String name;
        @Option(names = "--text", description = "The message text (any Unicode).")
        String text;
        @Option(names = "--text-file", paramLabel = "FILE", description = "Read the text from a UTF-8 file.")
        Path textFile;
        @Option(names = "--encoding", defaultValue = "auto", description = "auto | unaccented | ucs2 (default auto).")
        String encoding;
        @Option(names = "--sender", required = true, description = "Short code or brandname (at most 11 chars).")
        String sender;
        @Option(names = "--audience", paramLabel = "FILE", required = true,
                description = "Numbers, one per line, or CSV with a number column and optional province,type.")
        Path audience;
        @Option(names = "--province", defaultValue = "", description = "Keep rows of this province only.")
        String province;
        @Option(names = "--type", defaultValue = "", description = "Keep rows of these types: prepaid|postpaid.")
        String type;
        @Option(names = "--window", defaultValue = "07:00-21:00",
                description = "Sending hours, Asia/Ho_Chi_Minh (default 07:00-21:00).")
        String window;
        @Option(names = "--tps", defaultValue = "100", description = "submit_sm per second cap (default 100).")
        int tps;
        @Option(names = "--validity", defaultValue = "24h", description = "Sending stops this long after the "
                + "start (default 24h; e.g. 90m, 2d).")
        String validity;
        @Option(names = "--start", description = "Earliest start, Ho Chi Minh time (2025-03-02T07:00) or ISO "
                + "instant; default: when started.")
        String start;
        @Option(names = "--max-attempts", defaultValue = "3", description = "Submits per recipient when the SMSC "
                + "answers a temporary error (default 3).")
        int maxAttempts;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            CampaignSpec cs;
            try {
                String body = text != null ? text : textFile != null ? Files.readString(textFile) : null;
                if (body == null) {
                    throw new IllegalArgumentException("give --text or --text-file");
                }
                cs = new CampaignSpec(name, body.strip(), EncodingMode.parse(encoding), sender,
                        SendingWindow.parse(window), tps, Durations.parse(validity).orElseThrow(() -> new IllegalArgumentException(
                                "a duration looks like 90s, 30m, 24h or 2d, not '" + validity + "'")), startAt(start),
                        maxAttempts);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            AudienceFilter filter;
            try {
                filter = new AudienceFilter(province, AudienceFilter.parseTypes(type));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!Files.isRegularFile(audience) || !Files.isReadable(audience)) {
                throw new ParameterException(spec.commandLine(), "--audience: cannot read the file " + audience);
            }
            try (Database db = parent.open(); AudienceFile file = new AudienceFile(audience, out)) {
                Campaigns campaigns = new Campaigns(db, Clock.systemUTC());
                Creation created = campaigns.createWithAudience(cs, file.reader(), filter, file::progress);
                if (created instanceof Creation.NameTaken taken) {
                    spec.commandLine().getErr().println("smsgw campaign create: " + taken.reason());
                    return 1;
                }
                if (created instanceof Creation.AudienceRefused refused) {
                    spec.commandLine().getErr().println("smsgw campaign create: cannot import the audience file "
                            + audience + ": " + refused.reason());
                    return 1;
                }
                Creation.Created c = (Creation.Created) created;
                file.finish(c.report());
                out.print(CampaignReport.imported(c.report()));
                out.print(CampaignReport.estimate(c.campaign(), campaigns.estimate(c.campaign())));
                out.printf("start it with: smsgw campaign start %d%n", c.campaign().id());
            } catch (IOException e) {
                spec.commandLine().getErr().println("smsgw campaign create: cannot read the audience file " + audience
                        + ": " + e.getMessage() + "; no campaign was created");
                return 1;
            }
            return 0;
        }
    }

    /** Imports {@code file} into the draft {@code k} with a progress bar by bytes read. */
    static ImportReport importFile(Campaigns campaigns, Campaign k, Path file, AudienceFilter filter,
            PrintWriter out) throws IOException {
        try (AudienceFile in = new AudienceFile(file, out)) {
            ImportReport r = campaigns.importAudience(k.id(), in.reader(), filter, in::progress);
            in.finish(r);
            return r;
        }
    }

    /** An audience file open for reading as UTF-8 (bytes that are not become U+FFFD), with a progress bar by bytes. */
    private static final class AudienceFile implements AutoCloseable {
        private final AtomicLong read = new AtomicLong();
        private final long size;
        private final ProgressBar bar;
        private final BufferedReader reader;

        AudienceFile(Path file, PrintWriter out) throws IOException {
            size = Files.size(file);
            bar = new ProgressBar(out, "import");
            InputStream raw = Files.newInputStream(file);
            reader = new BufferedReader(new InputStreamReader(new CountingStream(raw, read), StandardCharsets.UTF_8),
                    1 << 16);
        }

        BufferedReader reader() {
            return reader;
        }

        void progress(long rows) {
            bar.update(read.get(), size, String.format(Locale.ROOT, "%,d rows", rows));
        }

        void finish(ImportReport r) {
            bar.update(size, size, String.format(Locale.ROOT, "%,d rows", r.rows()));
            bar.finish();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    static Instant startAt(String text) {
        try {
            return CampaignSpec.parseStart(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
    }

    /** Shared by the subcommands that name one campaign. */
    abstract static class OnCampaign implements Callable<Integer> {
        @ParentCommand
        CampaignCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "Campaign id or name.")
        String campaign;

        Optional<Campaign> find(Campaigns campaigns) {
            Optional<Campaign> k = campaigns.find(campaign);
            if (k.isEmpty()) {
                spec.commandLine().getErr().println("smsgw campaign: no campaign " + campaign);
            }
            return k;
        }
    }

    /** {@code start|pause|resume|cancel}. */
    abstract static class Act extends OnCampaign {
        abstract CampaignAction action();

        @Override
        public Integer call() {
            try (Database db = parent.open()) {
                Campaigns campaigns = new Campaigns(db, Clock.systemUTC());
                Transition t = campaigns.apply(campaign, action());
                if (t instanceof Transition.Moved m) {
                    spec.commandLine().getOut().printf("campaign %s: %s -> %s%n", campaign,
                            m.from().name().toLowerCase(Locale.ROOT), m.to().name().toLowerCase(Locale.ROOT));
                    return 0;
                }
                return refused(spec.commandLine().getErr(), t);
            }
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start a draft (at its --start time if later); its audience is frozen.")
    static final class Start extends Act {
        @Override
        CampaignAction action() {
            return CampaignAction.START;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause a running campaign.")
    static final class Pause extends Act {
        @Override
        CampaignAction action() {
            return CampaignAction.PAUSE;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused campaign.")
    static final class Resume extends Act {
        @Override
        CampaignAction action() {
            return CampaignAction.RESUME;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Kill switch: stop submitting at once; unsent recipients are cancelled.")
    static final class Cancel extends Act {
        @Override
        CampaignAction action() {
            return CampaignAction.CANCEL;
        }
    }

    @Command(name = "estimate", mixinStandardHelpOptions = true,
            description = "Recipients, encoding, segments, total SMS and duration, for every encoding.")
    static final class EstimateCmd extends OnCampaign {
        @Override
        public Integer call() {
            try (Database db = parent.open()) {
                Campaigns campaigns = new Campaigns(db, Clock.systemUTC());
                Optional<Campaign> k = find(campaigns);
                if (k.isEmpty()) {
                    return 1;
                }
                PrintWriter out = spec.commandLine().getOut();
                out.print(CampaignReport.estimate(k.get(), campaigns.estimate(k.get())));
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every campaign with its state.")
    static final class ListCmd implements Callable<Integer> {
        @ParentCommand
        CampaignCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = parent.open()) {
                Campaigns campaigns = new Campaigns(db, Clock.systemUTC());
                PrintWriter out = spec.commandLine().getOut();
                List<Campaign> all = campaigns.list();
                out.printf("%5s  %-24s %-10s %12s  %s%n", "id", "name", "state", "recipients", "sender");
                for (Campaign k : all) {
                    out.printf(Locale.ROOT, "%5d  %-24s %-10s %,12d  %s%n", k.id(), k.name(),
                            k.state().name().toLowerCase(Locale.ROOT), campaigns.recipients(k.id()),
                            k.spec().sender());
                }
                return 0;
            }
        }
    }

    /** Counts bytes read through it, for progress by file position. */
    static final class CountingStream extends java.io.FilterInputStream {
        private final AtomicLong count;

        CountingStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
