package vn.smsgw.dispatch.intake;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.TestServices;

class SqliteReporterCountersTest extends ReporterCountersContract {
    @TempDir
    Path dir;

    @Override
    Fixture open() {
        return JdbcCountersFixture.of(TestServices.sqlite(dir));
    }
}
