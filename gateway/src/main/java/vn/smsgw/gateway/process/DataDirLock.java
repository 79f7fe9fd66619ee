package vn.smsgw.gateway.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one gateway an embedded store serves. A gateway on SQLite keeps part of the store's state in its own memory (the
 * live dedupe keys, the vote keys, the next report id), so a second gateway on the same directory would store a
 * redelivery twice and take ids the first one takes. The gateway holds an OS lock on {@code gateway.lock} in the data
 * directory while it runs (released by the OS if the process dies, even by {@code kill -9}), and a second one is
 * refused at start with the first one's pid. The {@code campaign} commands, which only write campaign rows that the
 * running gateway picks up, take no lock.
 */
final class DataDirLock implements AutoCloseable {
    static final String FILE = "gateway.lock";

    /*
     * The lock files this process holds. A second gateway in the same JVM must be refused before it opens a channel
     * on the file: closing any channel on a file can release every lock the process holds on it (POSIX record locks
     * are per process; see FileLock's platform dependencies), which would let another process open the store.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code dataDir}, or fails naming the process that holds it. */
    static DataDirLock acquire(Path dataDir) {
        FileChannel channel = null;
        Path file = null;
        try {
            Files.createDirectories(dataDir);
            file = dataDir.toRealPath().resolve(FILE);
            if (!HELD.add(file)) {
                throw new UncheckedIOException(new IOException("the embedded store in " + dataDir
                        + " is in use by another smsgw gateway in this process; an embedded store serves one gateway"
                        + " (use PostgreSQL for several)"));
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this process already
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                HELD.remove(file);
                throw new UncheckedIOException(new IOException("the embedded store in " + dataDir
                        + " is in use by another smsgw gateway" + holder + "; an embedded store serves one gateway"
                        + " process (use PostgreSQL for several)"));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(false);
            return new DataDirLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            if (file != null) {
                HELD.remove(file);
            }
            throw new UncheckedIOException("cannot lock the embedded store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(32);
            int n = channel.read(buf, 0);
            String pid = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "" : " (pid " + pid + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
        HELD.remove(file);
    }
}
