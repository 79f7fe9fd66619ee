package vn.smsgw.gateway.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.smsgw.dispatch.campaign.AudienceFilter;
import vn.smsgw.dispatch.campaign.Campaign;
import vn.smsgw.dispatch.campaign.CampaignSpec;
import vn.smsgw.dispatch.campaign.Campaigns;
import vn.smsgw.dispatch.campaign.EncodingMode;
import vn.smsgw.dispatch.campaign.ImportReport;
import vn.smsgw.dispatch.campaign.SubscriberType;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.SqliteSync;
import vn.smsgw.gateway.bench.BenchStore;
import vn.smsgw.gateway.bench.PgOptions;

/**
 * {@code smsgw campaign import-bench}: writes a CSV audience of {@code --rows} subscribers (number, province, type;
 * every number form, 1 % duplicates, 0.1 % invalid), then times its import into a new campaign, filtered to prepaid
 * and postpaid, and reports rows per second and the peak heap. The store is that of {@code --config}/{@code
 * --data-dir}, or with {@code --store sqlite|postgres} a throw-away one (a temporary directory, or a new schema of the
 * {@code --pg-url} database), removed afterwards. Run it with {@code -Xmx256m} to check that the import streams.
 */
@Command(name = "import-bench", mixinStandardHelpOptions = true,
        description = "Time the import of a generated audience (default 1,000,000 rows).")
final class CampaignImportBench implements Callable<Integer> {
    @ParentCommand
    CampaignCommand parent;
    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows to generate (default 1,000,000).")
    int rows;

    @Option(names = "--store", description = "A throw-away store instead of that of --config/--data-dir: sqlite "
            + "(full sync, in a temporary directory) or postgres (a new schema of --pg-url, dropped afterwards).")
    String store;

    @Mixin
    PgOptions pg;

    @Override
    public Integer call() throws Exception {
        if (store != null && !store.equals("sqlite") && !store.equals("postgres")) {
            throw new ParameterException(spec.commandLine(), "--store must be sqlite or postgres, not '" + store
                    + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path file = Files.createTempFile("smsgw-audience-", ".csv");
        try {
            write(file, rows);
            out.printf(Locale.ROOT, "audience file: %,d rows, %,d bytes%n", rows, Files.size(file));
            if (store == null) {
                try (Database db = parent.open()) {
                    measure(db, file, out);
                }
            } else {
                try (BenchStore s = store.equals("sqlite") ? BenchStore.sqlite(SqliteSync.FULL) : pg.open(2)) {
                    measure(s.database(), file, out);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return 0;
    }

    private static void measure(Database db, Path file, PrintWriter out) throws IOException {
        Campaigns campaigns = new Campaigns(db, Clock.systemUTC());
        Campaign k = campaigns.create(CampaignSpec.of("import-bench-" + System.currentTimeMillis(),
                "Canh bao lua dao", EncodingMode.AUTO, "156", 100));
        long t0 = System.nanoTime();
        ImportReport r = CampaignCommand.importFile(campaigns, k, file,
                new AudienceFilter("", Set.of(SubscriberType.PREPAID, SubscriberType.POSTPAID)), out);
        double s = (System.nanoTime() - t0) / 1e9;
        out.print(CampaignReport.imported(r).lines().findFirst().orElse("") + "\n");
        out.printf(Locale.ROOT, "import: %,d rows in %.2f s = %,.0f rows/s; store %s; max heap %,d MB, "
                + "peak heap used %,d MB%n", r.rows(), s, r.rows() / s, db.dialect(),
                Runtime.getRuntime().maxMemory() >> 20, peakHeap() >> 20);
    }

    static void write(Path file, int rows) throws IOException {
        String[] provinces = {"An Giang", "Đắk Lắk", "Trà Vinh", "Đắk Nông"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("so_dien_thoai,tinh,loai\n");
            for (int i = 0; i < rows; i++) {
                int n = i % 100 == 99 ? i - 1 : i;
                String number = switch (i % 4) {
                    case 0 -> String.format(Locale.ROOT, "09%08d", n);
                    case 1 -> String.format(Locale.ROOT, "+84 9%02d %03d %03d", n / 1_000_000 % 100,
                            n / 1000 % 1000, n % 1000);
                    case 2 -> String.format(Locale.ROOT, "849%08d", n);
                    default -> String.format(Locale.ROOT, "9%08d", n);
                };
                if (i % 1000 == 500) {
                    number = "12345";
                }
                w.write(number);
                w.write(',');
                w.write(provinces[i % provinces.length]);
                w.write(i % 3 == 0 ? ",postpaid\n" : ",prepaid\n");
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
