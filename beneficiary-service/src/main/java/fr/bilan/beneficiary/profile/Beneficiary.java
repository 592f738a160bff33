package fr.bilan.beneficiary.profile;

import java.time.Instant;
import java.util.List;

import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.refusal.AlreadyExists;
import fr.bilan.support.refusal.Conflict;
import fr.bilan.support.refusal.NotFound;

/**
 * A person undertaking a bilan in one centre, as stored.
 *
 * @param version    counts the changes; the resource's etag
 * @param erasedTime    when their personal data was erased (RGPD art. 17), {@code null} if it was
 *                      not; an erased record keeps only its id, centre and times
 * @param consultantIds the consultants assigned to their bilan, who alone among consultants reach them
 */
public record Beneficiary(String id, BeneficiaryProfile profile, Instant createTime, Instant updateTime,
        long version, Instant erasedTime, List<String> consultantIds) {

    public Beneficiary {
        consultantIds = List.copyOf(consultantIds);
    }

    public boolean erased() {
        return erasedTime != null;
    }

    public String etag() {
        return Long.toString(version);
    }

    /** This record, for the access log. */
    public AccessedData accessed() {
        return AccessedData.of("beneficiaries", id, id, profile.centreId());
    }

    /** A part of this record ({@code consentRecords}...), for the access log. */
    public AccessedData accessed(String part) {
        return new AccessedData(accessed().resource() + "/" + part, id, profile.centreId());
    }

    /** No beneficiary has this id. */
    public static NotFound notFound(String id) {
        return new NotFound("Aucun bénéficiaire n'a l'identifiant « " + id + " ».");
    }

    /** The beneficiary's personal data was erased: the record is no longer theirs to read nor change. */
    public static NotFound erasedRefusal() {
        return new NotFound("Ce bénéficiaire a été effacé.");
    }

    /** The record changed since the caller read it. */
    public static Conflict modifiedMeanwhile() {
        return new Conflict("Ce bénéficiaire a été modifié entre-temps par quelqu'un d'autre : relisez-le, puis refaites "
                + "votre modification.");
    }

    /** The address is another beneficiary's in the centre. */
    public static AlreadyExists emailTaken(String email) {
        return new AlreadyExists("L'adresse « " + email + " » est déjà celle d'un autre bénéficiaire de ce centre.");
    }
}
