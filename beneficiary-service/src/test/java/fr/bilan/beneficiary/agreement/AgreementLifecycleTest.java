package fr.bilan.beneficiary.agreement;

import static fr.bilan.beneficiary.RefusalAssertions.refusal;
import static fr.bilan.beneficiary.RefusalAssertions.refused;
import static fr.bilan.beneficiary.RefusalAssertions.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.bilan.beneficiary.EvidenceMethod;
import fr.bilan.beneficiary.France;
import fr.bilan.beneficiary.funding.AgreementState;
import fr.bilan.beneficiary.funding.EmployerParty;
import fr.bilan.beneficiary.funding.Funding;
import fr.bilan.beneficiary.funding.FundingDetails;
import fr.bilan.support.refusal.Forbidden;

class AgreementLifecycleTest {

    private static final Instant CREATED = Instant.parse("2026-11-20T09:00:00Z");
    private static final EmployerParty ACME = new EmployerParty("ACME SAS", "73282932000074", "Mme Dupuis");
    private static final Funding FUNDING = new Funding("f1", "b1", "c1", 180_000, new FundingDetails.EmployerPlan(ACME),
            CREATED, null, 1);
    private static final Funding CANCELLED = new Funding("f1", "b1", "c1", 180_000,
            new FundingDetails.EmployerPlan(ACME), CREATED, CREATED.plusSeconds(60), 2);
    private static final String HASH = "ab".repeat(32);
    private static final AgreementMentions COMPLETE = new AgreementMentions("Bilan de compétences",
            "Construire un projet professionnel", "Trois phases", "Entretiens, tests", 24, LocalDate.of(2027, 1, 4),
            LocalDate.of(2027, 3, 26), "Séances hebdomadaires", "Remise en main propre", 180_000, "À 30 jours");

    /** A moment as read on a clock in Paris. */
    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(France.ZONE).toInstant();
    }

    private static Agreement draft(AgreementMentions mentions) {
        return new Agreement("a1", "f1", "b1", "c1", ACME, AgreementState.DRAFT, mentions, null, null, List.of(), null,
                null, CREATED, CREATED, null, 1);
    }

    private static Agreement sentOn(LocalDate received) {
        return AgreementLifecycle.send(draft(COMPLETE), FUNDING, received, France.startOf(received).plusSeconds(3600));
    }

    private static Signature by(AgreementParty party, EvidenceMethod method) {
        return new Signature(party, method, method == EvidenceMethod.IN_APP ? "" : HASH, "someone", CREATED);
    }

    private static Agreement sign(Agreement agreement, AgreementParty party, Instant now) {
        return AgreementLifecycle.sign(agreement, FUNDING, by(party, EvidenceMethod.SIGNED_FORM), false, now);
    }

    @Test
    void aDraftTakesTheFundingsPriceAndMakesSense() {
        AgreementMentions withoutPrice = new AgreementMentions("Bilan", "", "", "", 0, null, null, "", "", 0, "");

        assertThat(AgreementLifecycle.draft(FUNDING, withoutPrice).priceCents()).isEqualTo(180_000);
        assertThat(violations(() -> AgreementLifecycle.draft(FUNDING, new AgreementMentions("", "", "", "", 25,
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 1, 1), "", "", 170_000, ""))))
                .containsOnlyKeys("agreement.duration_hours", "agreement.period_end_date", "agreement.price_cents")
                .hasEntrySatisfying("agreement.duration_hours", text -> assertThat(text).contains("L6313-4"));
        assertThat(refusal(() -> AgreementLifecycle.draft(new Funding("f2", "b1", "c1", 180_000,
                new FundingDetails.SelfFunded(), CREATED, null, 1), withoutPrice))).contains("R6313-8");
        assertThat(refusal(() -> AgreementLifecycle.draft(CANCELLED, withoutPrice))).contains("annulé");
    }

    @Test
    void sendingListsEveryMissingMention() {
        AgreementMentions empty = new AgreementMentions("", "", "", "", 0, null, null, "", "", 0, "");

        var missing = violations(() -> AgreementLifecycle.send(draft(empty), FUNDING, null, CREATED));

        assertThat(missing).containsOnlyKeys(AgreementUpdate.CHANGEABLE.stream().map(path -> "agreement." + path)
                .toArray(String[]::new));
        assertThat(missing.values()).allSatisfy(text -> assertThat(text).contains("Mention obligatoire de la convention "
                + "(R6313-8)."));
    }

    @Test
    void sendingStartsTheTenDaysFromTheDayOfReceiptInParis() {
        // 00:30 in Paris on 29 March is still 28 March in UTC
        Agreement sent = AgreementLifecycle.send(draft(COMPLETE), FUNDING, null, Instant.parse("2026-03-28T23:30:00Z"));

        assertThat(sent.state()).isEqualTo(AgreementState.SENT);
        assertThat(sent.receiveDate()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(sent.employeeDeadlineDate()).isEqualTo(LocalDate.of(2026, 4, 8));
        Instant now = paris("2026-11-23T10:00");
        assertThat(AgreementLifecycle.send(draft(COMPLETE), FUNDING, LocalDate.of(2026, 11, 13), now)
                .employeeDeadlineDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(violations(() -> AgreementLifecycle.send(draft(COMPLETE), FUNDING, LocalDate.of(2026, 11, 12), now)))
                .containsOnlyKeys("receive_date");
        assertThat(violations(() -> AgreementLifecycle.send(draft(COMPLETE), FUNDING, LocalDate.of(2026, 11, 24), now)))
                .containsOnlyKeys("receive_date");
        assertThat(refusal(() -> AgreementLifecycle.send(sent, FUNDING, null, now))).contains("29/03/2026");
        assertThat(refusal(() -> AgreementLifecycle.send(draft(COMPLETE), CANCELLED, null, now))).contains("annulé");
    }

    @Test
    void theEmployeeSignsOnDayTenButNotOnDayEleven() {
        Agreement sent = sentOn(LocalDate.of(2026, 11, 23));

        assertThat(sent.employeeDeadlineDate()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(sign(sent, AgreementParty.EMPLOYEE, paris("2026-12-03T23:59:59")).state())
                .isEqualTo(AgreementState.SIGNED_BY_EMPLOYEE);
        assertThat(refusal(() -> sign(sent, AgreementParty.EMPLOYEE, paris("2026-12-04T00:00"))))
                .isEqualTo(AgreementLifecycle.LAPSED_REASON);
        assertThat(refusal(() -> AgreementLifecycle.refuse(sent, by(AgreementParty.EMPLOYEE, EvidenceMethod.IN_APP),
                true, paris("2026-12-04T00:00")))).isEqualTo(AgreementLifecycle.LAPSED_REASON);
        Agreement lapsed = AgreementLifecycle.asOf(sent, paris("2026-12-04T00:00"));
        assertThat(lapsed.state()).isEqualTo(AgreementState.LAPSED);
        assertThat(lapsed.endTime()).isEqualTo(Instant.parse("2026-12-03T23:00:00Z"));
        assertThat(AgreementLifecycle.asOf(sent, paris("2026-12-03T23:59:59"))).isSameAs(sent);
    }

    @Test
    void dayElevenStartsAtMidnightInParisAcrossDaylightSavingChanges() {
        // summer time starts on 29 March 2026: day 11 (the 30th) starts at 00:00 CEST, 22:00 UTC
        Agreement spring = sentOn(LocalDate.of(2026, 3, 19));
        assertThat(spring.lapseTime()).contains(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(sign(spring, AgreementParty.EMPLOYEE, Instant.parse("2026-03-29T21:59:59Z")).state())
                .isEqualTo(AgreementState.SIGNED_BY_EMPLOYEE);
        assertThat(AgreementLifecycle.isOverdue(spring, Instant.parse("2026-03-29T22:00:00Z"))).isTrue();
        // winter time comes back on 25 October 2026: a deadline that day ends at 00:00 CET, 23:00 UTC
        assertThat(sentOn(LocalDate.of(2026, 10, 15)).lapseTime()).contains(Instant.parse("2026-10-25T23:00:00Z"));
        // and a deadline the day before ends while still on summer time
        assertThat(sentOn(LocalDate.of(2026, 10, 14)).lapseTime()).contains(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(AgreementLifecycle.isOverdue(sentOn(LocalDate.of(2026, 10, 15)),
                Instant.parse("2026-10-25T22:30:00Z"))).isFalse();
    }

    @Test
    void theEmployeeSignsFirstThenEmployerAndCentreEachOnceInAnyOrder() {
        Instant now = paris("2026-11-24T10:00");
        Agreement sent = sentOn(LocalDate.of(2026, 11, 23));

        assertThat(refusal(() -> sign(sent, AgreementParty.EMPLOYER_PARTY, now))).contains("en premier");
        Agreement byEmployee = sign(sent, AgreementParty.EMPLOYEE, now);
        assertThat(refusal(() -> sign(byEmployee, AgreementParty.EMPLOYEE, now))).contains("déjà signé");
        Agreement byCentre = sign(byEmployee, AgreementParty.PROVIDER, now);
        assertThat(byCentre.state()).isEqualTo(AgreementState.SIGNED_BY_EMPLOYEE);
        assertThat(refusal(() -> sign(byCentre, AgreementParty.PROVIDER, now))).startsWith("Le centre a déjà signé");
        Agreement inForce = sign(byCentre, AgreementParty.EMPLOYER_PARTY, now);
        assertThat(inForce.state()).isEqualTo(AgreementState.IN_FORCE);
        assertThat(inForce.signatures()).extracting(Signature::party).containsExactly(AgreementParty.EMPLOYEE,
                AgreementParty.PROVIDER, AgreementParty.EMPLOYER_PARTY);
        assertThat(refusal(() -> sign(inForce, AgreementParty.EMPLOYER_PARTY, now))).contains("trois parties");
        // once in force, the deadline no longer matters
        assertThat(AgreementLifecycle.asOf(inForce, paris("2027-06-01T10:00"))).isSameAs(inForce);
        assertThat(refusal(() -> sign(draft(COMPLETE), AgreementParty.EMPLOYEE, now))).contains("pas encore été transmise");
        assertThat(refusal(() -> AgreementLifecycle.sign(sent, CANCELLED, by(AgreementParty.EMPLOYEE,
                EvidenceMethod.SIGNED_FORM), false, now))).contains("annulé");
    }

    @Test
    void onlyTheEmployeeSignsInTheAppAndOnlyForThemself() {
        Instant now = paris("2026-11-24T10:00");
        Agreement sent = sentOn(LocalDate.of(2026, 11, 23));

        assertThat(AgreementLifecycle.sign(sent, FUNDING, by(AgreementParty.EMPLOYEE, EvidenceMethod.IN_APP), true, now)
                .signatures().get(0).method()).isEqualTo(EvidenceMethod.IN_APP);
        assertThat(refusal(() -> AgreementLifecycle.sign(sent, FUNDING, by(AgreementParty.EMPLOYEE,
                EvidenceMethod.IN_APP), false, now))).contains("dans l'application");
        assertThat(refused(Forbidden.class, () -> AgreementLifecycle.sign(sign(sent, AgreementParty.EMPLOYEE, now),
                FUNDING, by(AgreementParty.PROVIDER, EvidenceMethod.SIGNED_FORM), true, now)).frenchReason())
                .contains("vous-même");
        assertThat(violations(() -> AgreementLifecycle.sign(sent, FUNDING, new Signature(
                null, EvidenceMethod.E_SIGNATURE, "not-a-hash", "x", now), false,
                now))).containsOnlyKeys("signature.party", "signature.evidence_sha256");
    }

    @Test
    void theEmployeeRefusesOnlyWhatTheyHaveNotSigned() {
        Instant now = paris("2026-11-24T10:00");
        Agreement sent = sentOn(LocalDate.of(2026, 11, 23));
        Signature refusal = by(AgreementParty.EMPLOYEE, EvidenceMethod.IN_APP);

        Agreement refused = AgreementLifecycle.refuse(sent, refusal, true, now);
        assertThat(refused.state()).isEqualTo(AgreementState.REFUSED);
        assertThat(refused.endTime()).isEqualTo(now);
        assertThat(refused.refusal()).isEqualTo(refusal);
        assertThat(refusal(() -> AgreementLifecycle.refuse(refused, refusal, true, now))).contains("a refusé");
        assertThat(refusal(() -> sign(refused, AgreementParty.EMPLOYEE, now))).contains("a refusé");
        assertThat(refusal(() -> AgreementLifecycle.refuse(sign(sent, AgreementParty.EMPLOYEE, now), refusal, true,
                now))).contains("ne peut plus la refuser");
        assertThat(refusal(() -> AgreementLifecycle.refuse(draft(COMPLETE), refusal, true, now)))
                .contains("pas encore été transmise");
        // staff record a written refusal, never a click in the employee's name
        assertThat(refusal(() -> AgreementLifecycle.refuse(sent, refusal, false, now))).contains("dans l'application");
        assertThat(AgreementLifecycle.refuse(sent, by(AgreementParty.EMPLOYEE, EvidenceMethod.SIGNED_FORM), false, now)
                .state()).isEqualTo(AgreementState.REFUSED);
    }

    @Test
    void onlyADraftChanges() {
        Instant now = paris("2026-11-24T10:00");
        AgreementMentions shorter = new AgreementMentions("Bilan", "", "", "", 12, null, null, "", "", 0, "");

        Agreement changed = AgreementLifecycle.update(draft(COMPLETE), FUNDING, shorter, now);

        assertThat(changed.mentions().durationHours()).isEqualTo(12);
        assertThat(changed.mentions().priceCents()).isEqualTo(180_000);
        assertThat(changed.updateTime()).isEqualTo(now);
        assertThat(refusal(() -> AgreementLifecycle.update(sentOn(LocalDate.of(2026, 11, 23)), FUNDING, shorter, now)))
                .contains("Seul un projet");
    }

    @Test
    void anUpdateChangesTheMaskedMentionsOnly() {
        AgreementMentions requested = new AgreementMentions("Nouveau titre", "ignoré", "", "", 20, null, null, "", "",
                0, "");

        AgreementMentions after = new AgreementUpdate(requested, List.of("title", "duration_hours")).applyTo(COMPLETE);

        assertThat(after.title()).isEqualTo("Nouveau titre");
        assertThat(after.durationHours()).isEqualTo(20);
        assertThat(after.objective()).isEqualTo(COMPLETE.objective());
        assertThat(violations(() -> new AgreementUpdate(requested, List.of("state"))))
                .hasEntrySatisfying("update_mask", text -> assertThat(text).contains("« state »", "title", "payment_terms"));
    }

    @Test
    void destroyedItKeepsWhichItWasWhoseAndWhereItStoodAndNothingItSaidNorWhoSigned() {
        Instant signing = paris("2026-11-24T10:00");
        Agreement inForce = sign(sign(AgreementLifecycle.sign(sentOn(LocalDate.of(2026, 11, 23)), FUNDING,
                by(AgreementParty.EMPLOYEE, EvidenceMethod.SIGNED_FORM), false, signing), AgreementParty.EMPLOYER_PARTY,
                signing), AgreementParty.PROVIDER, signing);
        Instant destroyed = paris("2030-04-02T02:00");

        Agreement stub = AgreementLifecycle.destroyed(inForce, destroyed);

        assertThat(inForce.state()).isEqualTo(AgreementState.IN_FORCE);
        assertThat(stub).isEqualTo(new Agreement("a1", "f1", "b1", "c1", null, AgreementState.IN_FORCE, null, null, null,
                List.of(), null, null, CREATED, signing, destroyed, inForce.version()));
        assertThat(AgreementLifecycle.destroyed(stub, destroyed.plusSeconds(86_400))).isSameAs(stub);
    }

    @Test
    void anAgreementWhoseTenDaysRanOutIsDestroyedAsLapsed() {
        Agreement sent = sentOn(LocalDate.of(2026, 11, 23));

        Agreement stub = AgreementLifecycle.destroyed(sent, paris("2030-04-02T02:00"));

        assertThat(stub.state()).isEqualTo(AgreementState.LAPSED);
        assertThat(stub.endTime()).isEqualTo(paris("2026-12-04T00:00"));
        assertThat(stub.lapseTime()).isEmpty();
    }

    @Test
    void destroyedItIsNeitherReadNorChangedAnyMore() {
        Agreement stub = AgreementLifecycle.destroyed(draft(COMPLETE), paris("2030-04-02T02:00"));
        Instant now = paris("2030-04-03T10:00");
        String destroyed = "La convention tripartite de ce financement a été détruite le 02/04/2030 : la loi la fait "
                + "conserver trois ans après la fin de l'action, pour les contrôles (Code du travail, art. L6362-6), "
                + "puis détruire.";

        assertThat(refusal(() -> AgreementLifecycle.checkKept(stub))).isEqualTo(destroyed);
        assertThat(refusal(() -> AgreementLifecycle.update(stub, FUNDING, COMPLETE, now))).isEqualTo(destroyed);
        assertThat(refusal(() -> AgreementLifecycle.send(stub, FUNDING, null, now))).isEqualTo(destroyed);
        assertThat(refusal(() -> sign(stub, AgreementParty.PROVIDER, now))).isEqualTo(destroyed);
        assertThat(refusal(() -> AgreementLifecycle.refuse(stub, by(AgreementParty.EMPLOYEE, EvidenceMethod.SIGNED_FORM),
                false, now))).isEqualTo(destroyed);
        assertThatCode(() -> AgreementLifecycle.checkKept(draft(COMPLETE))).doesNotThrowAnyException();
    }
}
