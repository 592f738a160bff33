package fr.bilan.beneficiary.cpf;

import java.util.ArrayList;
import java.util.List;

/**
 * The CPF platform as a test drives it: the steps "made there", in order; the cursor is the number of
 * steps already read.
 */
class FakeCpfPlatformConnector implements CpfPlatformConnector {

    private final String name;
    private final List<ReportedStep> made = new ArrayList<>();

    /** @param name its own per test: the service keeps each connector's cursor under its name */
    FakeCpfPlatformConnector(String name) {
        this.name = name;
    }

    /** A step made on the platform, reported from the next sync on. */
    synchronized FakeCpfPlatformConnector made(String dossierNumber, CpfStepInput step) {
        made.add(new ReportedStep("step-" + made.size(), dossierNumber, step));
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized Batch stepsSince(String cursor, int max) {
        int from = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
        int to = Math.min(made.size(), from + max);
        return new Batch(List.copyOf(made.subList(from, to)), Integer.toString(to));
    }
}
