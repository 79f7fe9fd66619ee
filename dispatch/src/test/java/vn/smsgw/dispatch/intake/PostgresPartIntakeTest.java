package vn.smsgw.dispatch.intake;

import vn.smsgw.dispatch.store.TestServices;

class PostgresPartIntakeTest extends PartIntakeContract {
    @Override
    IntakeContract.Fixture open() {
        return new JdbcIntakeFixture(TestServices.postgres());
    }
}
