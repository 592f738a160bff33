package fr.bilan.synthesis.agreement;

import java.time.DateTimeException;
import java.time.LocalDate;

import com.google.type.Date;

import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.AgreementSignature;
import fr.bilan.proto.synthesis.internal.v1.AgreementParties;
import fr.bilan.support.time.ProtoTime;
import fr.bilan.synthesis.rendering.AgreementPrint;
import fr.bilan.synthesis.rendering.AgreementPrint.Employer;
import fr.bilan.synthesis.rendering.AgreementPrint.Method;
import fr.bilan.synthesis.rendering.AgreementPrint.Party;
import fr.bilan.synthesis.rendering.AgreementPrint.Signature;
import fr.bilan.synthesis.rendering.AgreementPrint.State;

/** The agreement beneficiary-service sends, as the document prints it. */
public final class AgreementMessages {

    private AgreementMessages() {
    }

    public static AgreementPrint toPrint(Agreement agreement, AgreementParties parties) {
        return new AgreementPrint(agreement.getId(), agreement.getCentreId(), state(agreement), agreement.getTitle(),
                agreement.getObjective(), agreement.getContent(), agreement.getMeans(), agreement.getDurationHours(),
                day(agreement.getPeriodStartDate()), day(agreement.getPeriodEndDate()),
                agreement.getConductAndFollowUp(), agreement.getResultsHandover(), agreement.getPriceCents(),
                agreement.getPaymentTerms(), new Employer(agreement.getEmployer().getName(),
                        agreement.getEmployer().getSiret(), agreement.getEmployer().getSignatoryName()),
                parties.getEmployeeName(), day(agreement.getReceiveDate()), day(agreement.getEmployeeDeadlineDate()),
                agreement.getSignaturesList().stream().map(AgreementMessages::signature).toList(),
                agreement.hasEndTime() ? ProtoTime.toInstant(agreement.getEndTime()) : null,
                agreement.hasCreateTime() ? ProtoTime.toInstant(agreement.getCreateTime()) : null,
                agreement.hasUpdateTime() ? ProtoTime.toInstant(agreement.getUpdateTime()) : null);
    }

    private static State state(Agreement agreement) {
        return switch (agreement.getState()) {
            case DRAFT -> State.DRAFT;
            case SENT -> State.SENT;
            case SIGNED_BY_EMPLOYEE -> State.SIGNED_BY_EMPLOYEE;
            case REFUSED -> State.REFUSED;
            case LAPSED -> State.LAPSED;
            case IN_FORCE -> State.IN_FORCE;
            default -> null;
        };
    }

    private static Signature signature(AgreementSignature signature) {
        Party party = switch (signature.getParty()) {
            case EMPLOYEE -> Party.EMPLOYEE;
            case EMPLOYER_PARTY -> Party.EMPLOYER;
            case PROVIDER -> Party.PROVIDER;
            default -> null;
        };
        Method method = switch (signature.getMethod()) {
            case SIGNED_FORM -> Method.SIGNED_FORM;
            case E_SIGNATURE -> Method.E_SIGNATURE;
            case IN_APP -> Method.IN_APP;
            default -> null;
        };
        return new Signature(party, method, signature.hasSignTime() ? ProtoTime.toInstant(signature.getSignTime()) : null);
    }

    /** The day a date names; {@code null} when unset or not a full date of the calendar (printed « … »). */
    private static LocalDate day(Date date) {
        if (date.getYear() == 0 || date.getMonth() == 0 || date.getDay() == 0) {
            return null;
        }
        try {
            return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
