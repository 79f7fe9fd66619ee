package vn.smsgw.dispatch.campaign;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TestServices;

class SqliteCampaignTest extends CampaignContract {
    @TempDir
    Path dir;

    @Override
    Database open() {
        return TestServices.sqlite(dir);
    }
}
