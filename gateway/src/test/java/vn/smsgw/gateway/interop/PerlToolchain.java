package vn.smsgw.gateway.interop;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Perl with Net::SMPP, for {@code src/test/perl/smsc.pl}: the system's module when Perl finds it, else Debian's
 * package {@code libnet-smpp-perl} fetched with {@code apt-get download} and unpacked with {@code dpkg -x} into
 * {@code target/interop-perl} (nothing installed on the system; removed by {@code mvn clean}). When Perl or the
 * module cannot be had, the test fails if {@code CI=true} and is skipped otherwise, with the reason.
 */
final class PerlToolchain {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String PACKAGE = "libnet-smpp-perl";

    /** A Perl executable, the SMSC script, and the PERL5LIB that finds Net::SMPP (empty: the system's). */
    record Installed(Path perl, Path script, String perl5lib) {
    }

    private static final ToolProcesses.Once<Installed> ONCE = new ToolProcesses.Once<>(PerlToolchain::install,
            "the Perl interop test needs Perl and Net::SMPP",
            "perl, and Net::SMPP or apt-get and dpkg to fetch " + PACKAGE,
            "install " + PACKAGE + ", or put perl, apt-get and dpkg on PATH");

    private PerlToolchain() {
    }

    /** Perl with Net::SMPP; fails (CI) or skips the calling test when that cannot be had. */
    static Installed require() {
        return ONCE.require();
    }

    private static Installed install() throws ToolProcesses.Unavailable {
        Path perl = ToolProcesses.executable("SMSGW_TEST_PERL", "perl");
        Path script = script();
        if (finds(perl, "")) {
            return new Installed(perl, script, "");
        }
        Path dir = script.getParent().getParent().getParent().getParent().resolve("target").resolve("interop-perl");
        Path root = dir.resolve("root");
        String lib = root.resolve("usr/share/perl5").toString();
        if (finds(perl, lib)) {
            return new Installed(perl, script, lib);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ToolProcesses.Unavailable("cannot create " + dir + ": " + e.getMessage());
        }
        Path aptGet = ToolProcesses.executable("SMSGW_TEST_APT_GET", "apt-get");
        Path dpkg = ToolProcesses.executable("SMSGW_TEST_DPKG", "dpkg");
        ToolProcesses.run(List.of(aptGet.toString(), "download", PACKAGE), dir, TIMEOUT, dir.resolve("apt-get.log"));
        ToolProcesses.run(List.of(dpkg.toString(), "-x", debIn(dir).toString(), root.toString()), dir, TIMEOUT,
                dir.resolve("dpkg.log"));
        if (!finds(perl, lib)) {
            throw new ToolProcesses.Unavailable("Net::SMPP not found in " + lib + " after unpacking " + PACKAGE);
        }
        return new Installed(perl, script, lib);
    }

    /** Whether {@code perl} loads Net::SMPP with {@code perl5lib} in front of its own paths. */
    private static boolean finds(Path perl, String perl5lib) {
        List<String> command = perl5lib.isEmpty() ? List.of(perl.toString(), "-MNet::SMPP", "-e", "1")
                : List.of(perl.toString(), "-I" + perl5lib, "-MNet::SMPP", "-e", "1");
        try {
            ToolProcesses.run(command, null, TIMEOUT, null);
            return true;
        } catch (ToolProcesses.Unavailable e) {
            return false;
        }
    }

    private static Path debIn(Path dir) throws ToolProcesses.Unavailable {
        try (DirectoryStream<Path> debs = Files.newDirectoryStream(dir, PACKAGE + "_*.deb")) {
            for (Path deb : debs) {
                return deb;
            }
        } catch (IOException e) {
            throw new ToolProcesses.Unavailable("cannot list " + dir + ": " + e.getMessage());
        }
        throw new ToolProcesses.Unavailable("apt-get download left no " + PACKAGE + " package in " + dir);
    }

    /** {@code src/test/perl/smsc.pl} of the gateway module, from the module or from the repository root. */
    private static Path script() throws ToolProcesses.Unavailable {
        for (String candidate : List.of("src/test/perl/smsc.pl", "gateway/src/test/perl/smsc.pl")) {
            Path p = Path.of(candidate).toAbsolutePath();
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new ToolProcesses.Unavailable("src/test/perl/smsc.pl not found from " + Path.of("").toAbsolutePath());
    }
}
