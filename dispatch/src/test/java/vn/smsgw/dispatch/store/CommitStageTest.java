package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitStageTest {
    @TempDir
    Path dir;

    private Database db;
    private final List<String> applied = new ArrayList<>();
    private final CommitStage<List<String>> stage = new CommitStage<>(this, ArrayList::new, applied::addAll);

    @BeforeEach
    void open() {
        db = TestServices.sqlite(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void of_sameTransaction_sameStageVisibleUntilCommitThenApplied() {
        db.inTransaction(tx -> {
            stage.of(tx).add("a");
            stage.of(tx).add("b");
            assertEquals(List.of("a", "b"), stage.ifOpen(tx));
            assertEquals(List.of(), applied, "nothing applied before the commit");
            return null;
        });

        assertEquals(List.of("a", "b"), applied);
        db.inTransaction(tx -> {
            assertNull(stage.ifOpen(tx), "a new transaction starts with nothing staged");
            return null;
        });
    }

    @Test
    void of_rolledBackTransaction_neverApplied() {
        assertThrows(StorageException.class, () -> db.inTransaction(tx -> {
            stage.of(tx).add("lost");
            throw new IllegalStateException("failed");
        }));

        db.inTransaction(tx -> {
            List<String> fresh = stage.of(tx);
            assertEquals(List.of(), fresh);
            assertSame(fresh, stage.ifOpen(tx));
            fresh.add("kept");
            return null;
        });
        assertEquals(List.of("kept"), applied);
    }
}
