package vn.smsgw.dispatch.intake;

import vn.smsgw.dispatch.store.TestServices;

class PostgresIntakeTest extends IntakeContract {
    @Override
    Fixture open() {
        return new JdbcIntakeFixture(TestServices.postgres());
    }
}
