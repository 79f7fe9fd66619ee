package vn.smsgw.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {
    @TempDir
    Path dir;

    @Test
    void acquire_twiceInOneProcess_refusedWithoutTouchingTheFirstLock() throws Exception {
        DataDirLock first = DataDirLock.acquire(dir);
        try {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> DataDirLock.acquire(dir.resolve(".").resolve("..").resolve(dir.getFileName())));

            assertTrue(e.getMessage().contains("in use by another smsgw gateway in this process"), e.getMessage());
            assertEquals(ProcessHandle.current().pid() + "\n",
                    Files.readString(dir.resolve(DataDirLock.FILE), StandardCharsets.US_ASCII),
                    "the first holder's mark is still there");
        } finally {
            first.close();
        }
        DataDirLock again = DataDirLock.acquire(dir); // taken again once the first was closed
        again.close();
    }

    @Test
    void resetEmbeddedStore_whileAGatewayHoldsTheDirectory_isRefusedAndDeletesNothing() throws Exception {
        Path db = Files.writeString(dir.resolve("smsgw.db"), "reports");
        DataDirLock running = DataDirLock.acquire(dir);
        try {
            assertThrows(UncheckedIOException.class, () -> Gateway.resetEmbeddedStore(dir));
            assertTrue(Files.exists(db), "the running gateway's store is left alone");
        } finally {
            running.close();
        }

        Gateway.resetEmbeddedStore(dir);

        assertTrue(Files.notExists(db));
    }
}
