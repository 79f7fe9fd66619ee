package vn.smsgw.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.smsgw.gateway.config.ConfigException;
import vn.smsgw.gateway.config.GatewayConfig;

/** How {@code smsgw run} combines its flags with the configuration file, without starting a gateway. */
class RunCommandTest {
    @TempDir
    Path dir;

    private RunCommand parsed(String... args) {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs(args);
        return run;
    }

    private Path config(String smscs) throws Exception {
        Path file = dir.resolve("smsgw.yaml");
        Files.writeString(file, "dataDir: " + dir.resolve("data") + "\nsmscs:\n" + smscs);
        return file;
    }

    private static String smsc(String name, int port) {
        return "  - name: " + name + "\n    host: 127.0.0.1\n    port: " + port + "\n    systemId: smsgw\n"
                + "    password: secret\n";
    }

    @Test
    void resolve_flagsOnly_oneSmscNamedSmscWithTheFlags() {
        GatewayConfig c = parsed("--smsc", "10.0.0.5:2775", "--system-id", "gw1", "--password", "pw",
                "--data-dir", dir.toString(), "--http-port", "0").resolve();

        assertEquals(1, c.smscs().size());
        assertEquals("smsc", c.smscs().get(0).smpp().name());
        assertEquals("10.0.0.5", c.smscs().get(0).smpp().host());
        assertEquals(2775, c.smscs().get(0).smpp().port());
        assertEquals("gw1", c.smscs().get(0).smpp().systemId());
        assertEquals("pw", c.smscs().get(0).smpp().password());
        assertEquals(0, c.http().port());
    }

    @Test
    void resolve_httpPortOverAFileWithAToken_keepsTheToken() throws Exception {
        Path file = dir.resolve("smsgw.yaml");
        Files.writeString(file, "dataDir: " + dir.resolve("data") + "\nhttp: {token: 0123456789abcdef-token}\n"
                + "smscs:\n" + smsc("vnpt", 2775));
        GatewayConfig c = parsed("--config", file.toString(), "--http-port", "9001").resolve();

        assertEquals(9001, c.http().port());
        assertEquals("0123456789abcdef-token", c.http().token(), "a port flag must not turn authentication off");
        assertFalse(c.http().toString().contains("0123456789abcdef-token"), "the token is a secret");
    }

    @Test
    void resolve_flagsOnlyWithTheTokenInTheEnvironment_guardsTheAdminApi() {
        GatewayConfig c = parsed("--smsc", "10.0.0.5:2775", "--data-dir", dir.toString())
                .resolve(java.util.Map.of("SMSGW_HTTP_TOKEN", "0123456789abcdef-token"));

        assertEquals("0123456789abcdef-token", c.http().token());
        assertEquals("", parsed("--smsc", "10.0.0.5:2775", "--data-dir", dir.toString())
                .resolve(java.util.Map.of()).http().token(), "none without it");
        ConfigException e = assertThrows(ConfigException.class, () -> parsed("--smsc", "10.0.0.5:2775")
                .resolve(java.util.Map.of("SMSGW_HTTP_TOKEN", "short")));
        assertEquals("SMSGW_HTTP_TOKEN must be at least 16 characters", e.getMessage());
    }

    @Test
    void resolve_passwordOverTheFilesOneSmsc_keepsItsNameAndAddress() throws Exception {
        GatewayConfig c = parsed("--config", config(smsc("vnpt", 2775)).toString(), "--password", "other").resolve();

        assertEquals(1, c.smscs().size());
        assertEquals("vnpt", c.smscs().get(0).smpp().name());
        assertEquals(2775, c.smscs().get(0).smpp().port());
        assertEquals("other", c.smscs().get(0).smpp().password());
    }

    @Test
    void resolve_systemIdFlagWithAnEmptyPasswordVariable_keepsTheFilesPassword() throws Exception {
        GatewayConfig c = parsed("--config", config(smsc("vnpt", 2775)).toString(), "--system-id", "gw2")
                .resolve(Map.of("SMSGW_SMSC_PASSWORD", ""));

        assertEquals("gw2", c.smscs().get(0).smpp().systemId());
        assertEquals("secret", c.smscs().get(0).smpp().password(), "an empty variable is one not set");
        assertEquals("env", parsed("--config", config(smsc("vnpt", 2775)).toString(), "--system-id", "gw2")
                .resolve(Map.of("SMSGW_SMSC_PASSWORD", "env")).smscs().get(0).smpp().password());
    }

    @Test
    void resolve_flagOverAFileOfTwoSmscs_isAConfigurationErrorNotASilentDrop() throws Exception {
        Path file = config(smsc("vnpt", 2775) + smsc("viettel", 2776));

        ConfigException e = assertThrows(ConfigException.class,
                () -> parsed("--config", file.toString(), "--password", "other").resolve());

        assertTrue(e.getMessage().contains("lists 2 SMSCs"), e.getMessage());
        assertEquals(2, parsed("--config", file.toString()).resolve().smscs().size());
    }

    @Test
    void resolve_dataDirOverAFile_keepsStoreAndReporterHashKeyInTheFlagsDirectory() throws Exception {
        Path file = dir.resolve("smsgw.yaml");
        Path fileData = dir.resolve("file-data");
        Path flagData = dir.resolve("flag-data");
        Files.writeString(file, "dataDir: " + fileData + "\ndatabase: {poolSize: 7}\nsmscs:\n" + smsc("vnpt", 2775));

        GatewayConfig c = parsed("--config", file.toString(), "--data-dir", flagData.toString()).resolve(Map.of());

        assertEquals(flagData, c.dataDir());
        assertTrue(c.store().database().url().contains(flagData.toString()), c.store().database().url());
        assertEquals(7, c.store().database().poolSize(), "the file's other store keys are kept");
        Path key = flagData.resolve("reporter-hash.key");
        assertTrue(Files.exists(key), "the key is kept beside the store it hashes for");
        assertEquals(Files.readString(key).strip(), c.dispatch().intake().reporterHashKey());
        assertFalse(Files.exists(fileData), "nothing is made in the directory the flag replaced");
        assertEquals(c.dispatch().intake().reporterHashKey(), parsed("--smsc", "10.0.0.5:2775", "--data-dir",
                flagData.toString()).resolve(Map.of()).dispatch().intake().reporterHashKey(),
                "a later start on the same directory without the file hashes reporters the same way");
    }

    @Test
    void resolve_tokenInTheEnvironmentWithAForbiddenCharacter_isAConfigurationError() {
        ConfigException e = assertThrows(ConfigException.class, () -> parsed("--smsc", "10.0.0.5:2775")
                .resolve(Map.of("SMSGW_HTTP_TOKEN", "0123456789abcdef token")));

        assertEquals("SMSGW_HTTP_TOKEN may hold only letters, digits and -._~+/ (then any =)", e.getMessage());
    }

    @Test
    void resolve_noSmscAnywhere_isAConfigurationError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parsed("--data-dir", dir.toString()).resolve());

        assertTrue(e.getMessage().contains("no SMSC"), e.getMessage());
    }

    @Test
    void resolve_smscWithoutPort_isAConfigurationError() {
        assertThrows(ConfigException.class, () -> parsed("--smsc", "10.0.0.5").resolve());
    }

    @Test
    void run_badFlags_exitsWithTwoAndSaysWhy() {
        CliRun r = CliRun.of(System.in, "run", "--data-dir", dir.toString());

        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("configuration error: no SMSC"), r.err());
    }
}
