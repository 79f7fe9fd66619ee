package vn.smsgw.dispatch.intake;

import vn.smsgw.dispatch.store.TestServices;

/** The concatenated MO contract on PostgreSQL with two writers committing groups side by side. */
class PostgresTwoWritersPartIntakeTest extends PartIntakeContract {
    @Override
    IntakeContract.Fixture open() {
        return new JdbcIntakeFixture(TestServices.postgres());
    }

    @Override
    int writers() {
        return 2;
    }
}
