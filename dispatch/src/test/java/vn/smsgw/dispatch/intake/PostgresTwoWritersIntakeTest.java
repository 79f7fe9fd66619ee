package vn.smsgw.dispatch.intake;

import vn.smsgw.dispatch.store.TestServices;

/** The intake contract on PostgreSQL with two writers committing groups side by side, as {@code Dispatch} runs it. */
class PostgresTwoWritersIntakeTest extends IntakeContract {
    @Override
    Fixture open() {
        return new JdbcIntakeFixture(TestServices.postgres());
    }

    @Override
    int writers() {
        return 2;
    }
}
