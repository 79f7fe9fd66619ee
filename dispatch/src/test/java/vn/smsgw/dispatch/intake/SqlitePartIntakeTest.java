package vn.smsgw.dispatch.intake;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.TestServices;

class SqlitePartIntakeTest extends PartIntakeContract {
    @TempDir
    Path dir;

    @Override
    IntakeContract.Fixture open() {
        return new JdbcIntakeFixture(TestServices.sqlite(dir));
    }
}
