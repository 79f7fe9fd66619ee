package vn.smsgw.dispatch.intake;

class InMemoryIntakeTest extends IntakeContract {

    @Override
    Fixture open() {
        return new InMemoryIntakeFixture();
    }
}
