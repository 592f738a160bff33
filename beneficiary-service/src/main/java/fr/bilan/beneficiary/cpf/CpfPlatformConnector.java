package fr.bilan.beneficiary.cpf;

import java.util.List;

/**
 * The port to the CPF platform: what a connector reports of the steps made there, so that they are
 * recorded as staff record theirs ({@link CpfConnectorSync}). No public provider API exists for CPF
 * dossiers; third parties sell connectors. No connector is configured by default.
 */
public interface CpfPlatformConnector {

    /** The connector's name: who recorded the steps it reports. */
    String name();

    /**
     * The steps made on the CPF platform after {@code cursor} (empty: from the first it knows), oldest
     * first, at most {@code max}, with the cursor to resume after them.
     */
    Batch stepsSince(String cursor, int max);

    /**
     * A step made on the CPF platform.
     *
     * @param stepId        the platform's identifier of the step: the same step reported again is recorded once
     * @param dossierNumber the dossier's number on the platform
     */
    record ReportedStep(String stepId, String dossierNumber, CpfStepInput step) {
    }

    /** @param cursor where the next call resumes */
    record Batch(List<ReportedStep> steps, String cursor) {
    }
}
