package vn.smsgw.dispatch.intake;

class InMemoryPartIntakeTest extends PartIntakeContract {
    @Override
    IntakeContract.Fixture open() {
        return new InMemoryIntakeFixture();
    }
}
