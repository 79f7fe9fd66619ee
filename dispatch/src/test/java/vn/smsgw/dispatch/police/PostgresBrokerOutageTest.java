package vn.smsgw.dispatch.police;

import java.util.List;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TestServices;

/** Two processes, each with its own pool and relay, on one PostgreSQL schema and one broker. */
class PostgresBrokerOutageTest extends BrokerOutageScenario {
    @Override
    List<Database> openDatabases() {
        String schema = TestServices.freshPostgresSchema();
        return List.of(Database.open(TestServices.postgresConfig(schema)),
                Database.open(TestServices.postgresConfig(schema)));
    }
}
