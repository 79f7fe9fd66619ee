package vn.smsgw.gateway.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Node.js and the npm packages of {@code src/test/node}, installed with {@code npm ci} from the committed lock file
 * into {@code target/interop-node} (ignored by git, removed by {@code mvn clean}).
 *
 * <p>The install runs once per build: a marker file holds a hash of {@code package.json}, {@code package-lock.json}
 * and the Node version, and a later run with the same hash reuses {@code node_modules}. {@code SMSGW_TEST_NODE} and
 * {@code SMSGW_TEST_NPM} name the executables (default: {@code node} and {@code npm} from {@code PATH}). When Node.js,
 * npm or the install is missing, the test fails if {@code CI=true} and is skipped otherwise, with the reason.
 */
final class NodeToolchain {

    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(240);
    private static final int MIN_NODE_MAJOR = 16;
    private static final List<String> SOURCES = List.of("package.json", "package-lock.json", "smsc.js");

    /** A Node.js executable and the directory holding the SMSC script with its installed packages. */
    record Installed(Path node, Path dir) {
    }

    private static final ToolProcesses.Once<Installed> ONCE = new ToolProcesses.Once<>(NodeToolchain::install,
            "the interop tests need Node.js and npm", "Node.js >= " + MIN_NODE_MAJOR + " and npm must be installed",
            "set SMSGW_TEST_NODE and SMSGW_TEST_NPM, or put node and npm on PATH");

    private NodeToolchain() {
    }

    /** Node.js with the packages installed; fails (CI) or skips the calling test when that cannot be had. */
    static Installed require() {
        return ONCE.require();
    }

    private static Installed install() throws ToolProcesses.Unavailable {
        Path node = ToolProcesses.executable("SMSGW_TEST_NODE", "node");
        String version = ToolProcesses.run(List.of(node.toString(), "--version"), null, VERSION_TIMEOUT, null).strip();
        if (major(version) < MIN_NODE_MAJOR) {
            throw new ToolProcesses.Unavailable(node + " is " + version + "; Node.js " + MIN_NODE_MAJOR + " or later is needed");
        }
        Path npm = ToolProcesses.executable("SMSGW_TEST_NPM", "npm");
        Path sources = sources();
        Path dir = moduleDir(sources).resolve("target").resolve("interop-node");
        try {
            Files.createDirectories(dir);
            for (String name : SOURCES) {
                Files.copy(sources.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            Path marker = dir.resolve(".installed");
            String hash = hash(sources, version);
            boolean current = Files.isRegularFile(marker) && Files.readString(marker).strip().equals(hash)
                    && Files.isRegularFile(dir.resolve("node_modules/smpp/package.json"));
            if (!current) {
                Files.deleteIfExists(marker);
                Path log = dir.resolve("npm-ci.log");
                ToolProcesses.run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=warn"),
                        dir, INSTALL_TIMEOUT, log);
                Files.writeString(marker, hash + "\n");
            }
        } catch (IOException e) {
            throw new ToolProcesses.Unavailable("cannot prepare " + dir + ": " + e.getMessage());
        }
        return new Installed(node, dir);
    }

    /** {@code src/test/node} of the gateway module, from the module or from the repository root. */
    private static Path sources() throws ToolProcesses.Unavailable {
        for (String candidate : List.of("src/test/node", "gateway/src/test/node")) {
            Path p = Path.of(candidate).toAbsolutePath();
            if (Files.isRegularFile(p.resolve("package-lock.json"))) {
                return p;
            }
        }
        throw new ToolProcesses.Unavailable("src/test/node not found from " + Path.of("").toAbsolutePath());
    }

    private static Path moduleDir(Path sources) {
        return sources.getParent().getParent().getParent();
    }


    private static int major(String version) {
        String v = version.startsWith("v") ? version.substring(1) : version;
        try {
            return Integer.parseInt(v.substring(0, v.indexOf('.') < 0 ? v.length() : v.indexOf('.')));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String hash(Path sources, String nodeVersion) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(sources.resolve("package.json")));
            sha.update(Files.readAllBytes(sources.resolve("package-lock.json")));
            sha.update(nodeVersion.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


}
