package vn.smsgw.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smsgw campaign create / estimate / list / import-bench} in-process, on a temporary data directory. */
class CampaignCommandTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "campaign";
        all[1] = "--data-dir";
        all[2] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(new ByteArrayInputStream(new byte[0]), all);
    }

    private CliRun create(String name) throws Exception {
        Path audience = dir.resolve("audience.txt");
        Files.writeString(audience, "0912345678\n0987654321\n0912345678\nnot a number\n");
        return run("create", "--name", name, "--text", "Cảnh báo lừa đảo: không cung cấp mã OTP.", "--encoding",
                "unaccented", "--sender", "BoCongAn", "--audience", audience.toString(), "--tps", "50");
    }

    @Test
    void create_audienceWithDuplicateAndBadRow_addsTheValidNumbersOnce() throws Exception {
        CliRun r = create("warning");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*recipients +2\n.*"), "[" + r.out() + "][" + r.err() + "]");
    }

    @Test
    void create_nameTaken_failsSayingWhy() throws Exception {
        assertEquals(0, create("warning").exitCode());

        CliRun again = create("warning");

        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("a campaign named 'warning' exists"), again.err());
    }

    @Test
    void create_audienceADirectory_isAUsageErrorAndCreatesNothing() {
        CliRun r = run("create", "--name", "w", "--text", "Canh bao", "--sender", "156", "--audience",
                dir.toString());

        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--audience: cannot read the file"), r.err());
        CliRun list = run("list");
        assertTrue(list.outLines().size() <= 1, "no campaign, at most the header: " + list.out());
    }

    @Test
    void list_badConfigurationFile_isAConfigurationErrorNamingTheKey() throws Exception {
        Path config = Files.writeString(dir.resolve("smsgw.yaml"), "dataDir: " + dir + "\nintake: {dailyQuota: 0}\n");

        CliRun r = CliRun.of(new ByteArrayInputStream(new byte[0]), "campaign", "--config", config.toString(), "list");

        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("configuration error: intake.dailyQuota must be between"), r.err());
    }

    @Test
    void create_textFileMissing_saysNoSuchFile() {
        CliRun r = run("create", "--name", "w", "--text-file", dir.resolve("absent.txt").toString(), "--sender",
                "156", "--audience", dir.toString());

        assertEquals(1, r.exitCode(), r.err());
        assertEquals("smsgw campaign create: no such file: " + dir.resolve("absent.txt"), r.err().strip());
    }

    @Test
    void list_storeThatCannotBeOpened_isAStoreErrorWithItsCauseAndExit1() throws Exception {
        Files.createDirectories(dir.resolve("data").resolve("smsgw.db")); // a directory where the database goes

        CliRun r = run("list");

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("smsgw campaign list: store error: cannot open database"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void estimate_createdCampaign_showsItsRecipients() throws Exception {
        create("warning");

        CliRun r = run("estimate", "warning");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*recipients +2\n.*"), "[" + r.out() + "][" + r.err() + "]");
    }

    @Test
    void estimate_unknownCampaign_fails() {
        assertNotEquals(0, run("estimate", "nope").exitCode());
    }

    @Test
    void list_twoCampaigns_listsBothAsDrafts() throws Exception {
        create("first");
        create("second");

        CliRun r = run("list");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(3, r.outLines().size(), r.out());
        assertTrue(r.outLines().get(1).contains("first") && r.outLines().get(1).contains("draft"), r.out());
        assertTrue(r.outLines().get(2).contains("second") && r.outLines().get(2).contains("BoCongAn"), r.out());
    }

    @Test
    void importBench_unknownStore_isAUsageError() {
        CliRun r = run("import-bench", "--rows", "10", "--store", "mysql");

        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("--store must be sqlite or postgres"), r.err());
    }

    @Test
    void importBench_throwAwaySqliteStore_importsWithoutTouchingTheDataDir() {
        CliRun r = run("import-bench", "--rows", "2000", "--store", "sqlite");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*import: 2,000 rows in .* store SQLITE;.*"), r.out());
        assertFalse(Files.exists(dir.resolve("data")), "the data directory was used");
    }

    @Test
    void importBench_postgresStore_importsIntoANewSchemaDroppedAfterwards() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/test";
        Set<String> before = benchSchemas(url);

        CliRun r = run("import-bench", "--rows", "2000", "--store", "postgres", "--pg-url", url);

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*import: 2,000 rows in .* store POSTGRES;.*"), r.out());
        assertEquals(before, benchSchemas(url), "the bench schema was left behind");
    }

    /** The bench schemas in the database; skips the test (fails it when CI=true) if PostgreSQL is unreachable. */
    private static Set<String> benchSchemas(String url) {
        Set<String> schemas = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench\\_%'")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        } catch (SQLException e) {
            String why = "PostgreSQL is required for this test: " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " (CI=true: services must be up)");
            }
            Assumptions.abort(why);
        }
        return schemas;
    }
}
