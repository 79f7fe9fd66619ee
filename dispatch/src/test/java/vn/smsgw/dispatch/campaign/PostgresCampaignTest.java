package vn.smsgw.dispatch.campaign;

import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TestServices;

class PostgresCampaignTest extends CampaignContract {
    @Override
    Database open() {
        return TestServices.postgres();
    }
}
