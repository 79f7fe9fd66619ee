package vn.smsgw.dispatch.intake;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.TestServices;

class SqliteIntakeTest extends IntakeContract {
    @TempDir
    Path dir;

    @Override
    Fixture open() {
        return new JdbcIntakeFixture(TestServices.sqlite(dir));
    }
}
