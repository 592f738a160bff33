package fr.bilan.synthesis.bilan;

import fr.bilan.proto.session.v1.AssessmentState;

/** A bilan as the synthèse needs it, read from session-service: whose it is, who leads it, where it stands. */
public record Bilan(String id, String beneficiaryId, String centreId, String consultantId, AssessmentState state) {

    /** The resource name access records use. */
    public String resource() {
        return "assessments/" + id + "/synthesis";
    }
}
