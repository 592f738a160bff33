package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.session.beneficiary.BeneficiaryDirectory.FundingRef;

/** Who pays for a bilan, as its funding names them, and when the bilan keeps it. */
class FundingTermsTest {

    private static final Instant OPENED = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant SIGNED = Instant.parse("2026-09-10T14:30:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /**
     * The funder of each type of funding, as a table: the funding's type, the name and SIRET of the payer
     * it names, its job seeker approver, and the funder told (kind, name, SIRET; « - » for none).
     */
    @ParameterizedTest(name = "{0} {3} -> {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            EMPLOYER_PLAN      | Acme Industrie      | 73282932000074 | ''             | EMPLOYER              | Acme Industrie      | 73282932000074
            REDEPLOYMENT_LEAVE | Textiles du Nord    | 55210055400013 | ''             | EMPLOYER              | Textiles du Nord    | 55210055400013
            JOB_SEEKER         | ''                  | -              | FRANCE_TRAVAIL | FRANCE_TRAVAIL        | France Travail      | ''
            JOB_SEEKER         | ''                  | -              | APEC           | APEC                  | Apec                | ''
            JOB_SEEKER         | ''                  | -              | CAP_EMPLOI     | CAP_EMPLOI            | Cap emploi          | ''
            PUBLIC_SECTOR      | Mairie de Villeurbanne | -           | ''             | PUBLIC_ADMINISTRATION | Mairie de Villeurbanne | ''
            CPF                | ''                  | -              | ''             | CAISSE_DES_DEPOTS     | Caisse des Dépôts (Mon Compte Formation) | ''
            SELF_FUNDED        | ''                  | -              | ''             | -                     | -                   | -
            """)
    void theFunderOfEachTypeOfFunding(String kind, String payerName, String siret, String approver,
            FundingTerms.FunderKind funderKind, String funderName, String funderSiret) {
        FundingRef funding = new FundingRef("funding-1", "beneficiary-1", true, kind, Optional.ofNullable(siret),
                payerName, approver, "");

        FundingTerms terms = FundingTerms.of(funding, null);

        assertThat(terms.kind()).isEqualTo(kind);
        assertThat(terms.funder()).isEqualTo(funderKind == null ? null
                : new FundingTerms.Funder(funderKind, funderName, funderSiret));
        assertThat(terms.agreementSignTime()).isNull();
    }

    @Test
    void theAgreementInForceIsKeptWithTheFunder() {
        FundingRef funding = new FundingRef("funding-1", "beneficiary-1", true, "EMPLOYER_PLAN",
                Optional.of("73282932000074"), "Acme Industrie", "", "agreement-1");

        assertThat(FundingTerms.of(funding, SIGNED).agreementSignTime()).isEqualTo(SIGNED);
    }

    /** The terms read with the funding are kept by the move to « financement accordé », and by no other. */
    @Test
    void theBilanKeepsTheTermsItsFundingWasAgreedWithUntilItsEvidenceIsDestroyed() {
        FundingTerms terms = new FundingTerms("CPF", new FundingTerms.Funder(FundingTerms.FunderKind.CAISSE_DES_DEPOTS,
                FundingTerms.CAISSE_DES_DEPOTS, ""), null);
        FundingTerms other = new FundingTerms("SELF_FUNDED", null, null);
        Assessment opened = Assessment.open("bilan-1", "beneficiary-1", "account-1", "centre-lyon", "consultant-1",
                "funding-1", DeliveryFormat.HYBRID, "consultant-1", OPENED);

        Assessment agreed = opened.move(AssessmentState.FUNDING_AGREED, "", true, terms, false, OPENED, null, PARIS);
        Assessment withdrawn = agreed.move(AssessmentState.WITHDRAWN, "Reprise d'emploi.", false, other, false,
                OPENED, null, PARIS);

        assertThat(opened.fundingTerms()).isNull();
        assertThat(agreed.fundingTerms()).isEqualTo(terms);
        assertThat(withdrawn.fundingTerms()).isEqualTo(terms);
        // a retry of the move changes nothing, the terms read again included
        assertThat(agreed.move(AssessmentState.FUNDING_AGREED, "", true, other, false, OPENED, null, PARIS))
                .isSameAs(agreed);
        assertThat(withdrawn.evidenceDestroyed(OPENED.plusSeconds(1)).fundingTerms()).isNull();
        assertThat(List.of(agreed.reassign("consultant-2", "manager-1", OPENED), agreed.fundedBy("funding-1"),
                agreed.synthesisHandedOver(OPENED))).extracting(Assessment::fundingTerms).containsOnly(terms);
    }
}
