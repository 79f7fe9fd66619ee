package vn.smsgw.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smsgw campaign create / estimate / list} in-process, on a temporary data directory. */
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
    void create_nameTaken_fails() throws Exception {
        assertEquals(0, create("warning").exitCode());

        assertNotEquals(0, create("warning").exitCode());
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
}
