package fr.bilan.notification.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.protobuf.Timestamp;

import fr.bilan.notification.message.SessionPhase;
import fr.bilan.notification.message.Subject;
import fr.bilan.notification.planning.Fact;
import fr.bilan.notification.planning.RecordedFact;
import fr.bilan.notification.recipient.Recipients;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.proto.notification.internal.v1.SurveyKind;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/** The facts as the contract carries them, checked field by field into the planner's {@link Fact}s. */
final class IntakeMessages {

    /** Facts per call, at most (the contract's limit). */
    static final int MAX_EVENTS = 500;
    private static final int MAX_TEXT = 2_048;
    private static final int MAX_NAME = 200;
    // RFC 5321 limits a path to 256 octets, so an address to 254 characters
    private static final int MAX_EMAIL = 254;
    /** A yearly survey is about a year the platform could have bilans of. */
    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 2100;

    /** Checks every fact of the batch; refuses the whole batch, naming each wrong field ({@code INVALID_ARGUMENT}). */
    static List<RecordedFact> fromProto(RecordEventsRequest request) {
        FieldViolations violations = new FieldViolations();
        if (request.getEventsCount() == 0) {
            violations.add("events", "Indiquez au moins un fait.");
        } else if (request.getEventsCount() > MAX_EVENTS) {
            violations.add("events", "Au plus " + MAX_EVENTS + " faits par appel.");
        }
        violations.throwIfAny();
        List<RecordedFact> facts = new ArrayList<>();
        for (int i = 0; i < request.getEventsCount(); i++) {
            fact(request.getEvents(i), "events[" + i + "].", violations).ifPresent(facts::add);
        }
        violations.throwIfAny();
        return facts;
    }

    private static Optional<RecordedFact> fact(NotificationEvent event, String prefix, FieldViolations violations) {
        int before = violations.asList().size();
        violations.requireText(prefix + "event_id", event.getEventId(), Lookups.MAX_ID_LENGTH * 4);
        Optional<Instant> occur = ProtoTime.required(prefix + "occur_time", event.hasOccurTime(), event.getOccurTime(),
                "Indiquez quand le fait a eu lieu.", violations);
        Fact fact = switch (event.getFactCase()) {
            case SESSION_SCHEDULED -> scheduled(event.getSessionScheduled(), prefix + "session_scheduled.", violations);
            case SESSION_CANCELLED -> cancelled(event.getSessionCancelled(), prefix + "session_cancelled.", violations);
            case SESSION_SETTLED -> {
                var f = event.getSessionSettled();
                String p = prefix + "session_settled.";
                ids(violations, p, "assessment_id", f.getAssessmentId(), "session_id", f.getSessionId(), "centre_id",
                        f.getCentreId());
                yield new Fact.SessionSettled(f.getAssessmentId(), f.getSessionId(), f.getCentreId());
            }
            case AGREEMENT_AWAITING_SIGNATURE -> {
                var f = event.getAgreementAwaitingSignature();
                String p = prefix + "agreement_awaiting_signature.";
                ids(violations, p, "funding_id", f.getFundingId(), "beneficiary_id", f.getBeneficiaryId(), "centre_id",
                        f.getCentreId());
                int seen = violations.asList().size();
                LocalDate deadline = ProtoDates.day(f.getEmployeeDeadlineDate(), p + "employee_deadline_date", violations);
                if (deadline == null && violations.asList().size() == seen) {
                    // absent, or sent empty: either way no day to sign by
                    violations.add(p + "employee_deadline_date", "Indiquez le dernier jour pour signer.");
                }
                yield deadline == null ? null
                        : new Fact.AgreementAwaitingSignature(f.getFundingId(), f.getBeneficiaryId(), f.getCentreId(),
                                deadline);
            }
            case AGREEMENT_SETTLED -> {
                var f = event.getAgreementSettled();
                ids(violations, prefix + "agreement_settled.", "funding_id", f.getFundingId(), "beneficiary_id",
                        f.getBeneficiaryId(), "centre_id", f.getCentreId());
                yield new Fact.AgreementSettled(f.getFundingId(), f.getBeneficiaryId(), f.getCentreId());
            }
            case SYNTHESIS_AVAILABLE -> {
                var f = event.getSynthesisAvailable();
                ids(violations, prefix + "synthesis_available.", "assessment_id", f.getAssessmentId(), "beneficiary_id",
                        f.getBeneficiaryId(), "centre_id", f.getCentreId());
                yield new Fact.SynthesisAvailable(f.getAssessmentId(), f.getBeneficiaryId(), f.getCentreId());
            }
            case ASSESSMENT_ENDED -> {
                var f = event.getAssessmentEnded();
                ids(violations, prefix + "assessment_ended.", "assessment_id", f.getAssessmentId(), "beneficiary_id",
                        f.getBeneficiaryId(), "centre_id", f.getCentreId());
                yield new Fact.AssessmentEnded(f.getAssessmentId(), f.getBeneficiaryId(), f.getCentreId());
            }
            case SURVEY_INVITATION -> survey(event.getSurveyInvitation(), prefix + "survey_invitation.", violations);
            case FUNDER_SURVEY_INVITATION -> funderSurvey(event.getFunderSurveyInvitation(),
                    prefix + "funder_survey_invitation.", violations);
            case FOLLOW_UP_ACCEPTED -> {
                var f = event.getFollowUpAccepted();
                String p = prefix + "follow_up_accepted.";
                ids(violations, p, "assessment_id", f.getAssessmentId(), "beneficiary_id", f.getBeneficiaryId(),
                        "centre_id", f.getCentreId(), "consultant_id", f.getConsultantId());
                int seen = violations.asList().size();
                LocalDate due = ProtoDates.day(f.getDueDate(), p + "due_date", violations);
                if (due == null && violations.asList().size() == seen) {
                    violations.add(p + "due_date", "Indiquez le jour où l'entretien de suivi était prévu.");
                }
                yield due == null ? null : new Fact.FollowUpAccepted(f.getCentreId(), f.getConsultantId(),
                        new Subject.FollowUp(f.getAssessmentId(), f.getBeneficiaryId(), due));
            }
            case FACT_NOT_SET -> {
                violations.add(prefix + "fact", "Indiquez le fait (séance, convention, synthèse, fin de bilan, "
                        + "enquête de satisfaction ou entretien de suivi accepté).");
                yield null;
            }
        };
        if (fact == null && violations.asList().size() == before) {
            // never dropped silently: a fact not taken is a refused batch
            violations.add(prefix + "fact", "Fait incomplet.");
        }
        if (violations.asList().size() > before || fact == null || occur.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecordedFact(event.getEventId(), occur.get(), fact));
    }

    private static Fact scheduled(fr.bilan.proto.notification.internal.v1.SessionScheduled f, String p,
            FieldViolations violations) {
        ids(violations, p, "assessment_id", f.getAssessmentId(), "session_id", f.getSessionId(), "beneficiary_id",
                f.getBeneficiaryId(), "centre_id", f.getCentreId(), "consultant_id", f.getConsultantId());
        violations.requireText(p + "calendar_uid", f.getCalendarUid(), MAX_TEXT);
        SessionPhase phase = phase(f.getPhase(), p, violations);
        Optional<Instant[]> times = times(f.hasStartTime(), f.getStartTime(), f.hasEndTime(), f.getEndTime(), p,
                violations);
        boolean room = !f.getRoom().isEmpty();
        boolean video = !f.getVideoLink().isEmpty();
        if (room == video) {
            violations.add(p + (room ? "video_link" : "room"),
                    "Une séance a lieu dans une salle ou par visioconférence : indiquez l'un des deux, pas les deux.");
        } else if (room) {
            violations.requireText(p + "room", f.getRoom(), MAX_TEXT);
        } else {
            violations.requireText(p + "video_link", f.getVideoLink(), MAX_TEXT);
        }
        if (f.getSequence() < 0) {
            violations.add(p + "sequence", "La séquence ne peut pas être négative.");
        }
        if (phase == null || times.isEmpty() || room == video || f.getSequence() < 0) {
            return null;
        }
        return new Fact.SessionScheduled(f.getBeneficiaryId(), f.getCentreId(), new Subject.Session(f.getAssessmentId(),
                f.getSessionId(), f.getConsultantId(), phase, times.get()[0], times.get()[1], room ? f.getRoom() : null,
                video ? f.getVideoLink() : null, f.getSequence(), f.getCalendarUid()));
    }

    private static Fact survey(fr.bilan.proto.notification.internal.v1.SurveyInvitation f, String p,
            FieldViolations violations) {
        ids(violations, p, "survey_id", f.getSurveyId(), "assessment_id", f.getAssessmentId(), "beneficiary_id",
                f.getBeneficiaryId(), "centre_id", f.getCentreId());
        boolean kind = f.getKind() == SurveyKind.SURVEY_KIND_END_OF_BILAN || f.getKind() == SurveyKind.SURVEY_KIND_FOLLOW_UP;
        if (!kind) {
            violations.add(p + "kind", "Indiquez le type d'enquête : SURVEY_KIND_END_OF_BILAN ou SURVEY_KIND_FOLLOW_UP.");
        }
        if (f.getReminder() < 0) {
            violations.add(p + "reminder", "Le numéro de relance ne peut pas être négatif.");
        }
        boolean reminder = reminder(f.getReminder(), p, violations);
        boolean web = link(f.getLinkUrl(), p, violations);
        Optional<Instant> expire = expire(f.hasExpireTime(), f.getExpireTime(), p, violations);
        if (!kind || !reminder || !web || expire.isEmpty()) {
            return null;
        }
        return new Fact.SurveyInvitation(f.getBeneficiaryId(), f.getCentreId(), new Subject.Survey(f.getSurveyId(),
                f.getAssessmentId(), f.getKind() == SurveyKind.SURVEY_KIND_FOLLOW_UP, f.getReminder(), expire.get()),
                f.getLinkUrl());
    }

    /** A funder's survey names its recipient, unlike the other facts: the name and address are checked here. */
    private static Fact funderSurvey(fr.bilan.proto.notification.internal.v1.FunderSurveyInvitation f, String p,
            FieldViolations violations) {
        ids(violations, p, "survey_id", f.getSurveyId(), "centre_id", f.getCentreId());
        violations.requireText(p + "funder_name", f.getFunderName(), MAX_NAME);
        violations.requireText(p + "contact_name", f.getContactName(), MAX_NAME);
        int seen = violations.asList().size();
        violations.requireText(p + "email_address", f.getEmailAddress(), MAX_EMAIL);
        boolean address = Recipients.usableAddress(f.getEmailAddress());
        if (!address && violations.asList().size() == seen) {
            violations.add(p + "email_address", "Adresse e-mail invalide.");
        }
        boolean year = f.getYear() >= MIN_YEAR && f.getYear() <= MAX_YEAR;
        if (!year) {
            violations.add(p + "year", "Indiquez l'année de l'enquête, entre " + MIN_YEAR + " et " + MAX_YEAR + ".");
        }
        boolean reminder = reminder(f.getReminder(), p, violations);
        boolean web = link(f.getLinkUrl(), p, violations);
        Optional<Instant> expire = expire(f.hasExpireTime(), f.getExpireTime(), p, violations);
        if (!address || !year || !reminder || !web || expire.isEmpty() || f.getFunderName().isBlank()
                || f.getContactName().isBlank()) {
            return null;
        }
        return new Fact.FunderSurveyInvitation(f.getCentreId(), new Subject.FunderSurvey(f.getSurveyId(),
                f.getFunderName().strip(), f.getYear(), f.getReminder(), expire.get()), f.getContactName().strip(),
                f.getEmailAddress().strip(), f.getLinkUrl());
    }

    private static boolean reminder(int reminder, String p, FieldViolations violations) {
        if (reminder < 0) {
            violations.add(p + "reminder", "Le numéro de relance ne peut pas être négatif.");
        }
        return reminder >= 0;
    }

    /** A survey's link: the page's address, http or https, never anything a mail client would run. */
    private static boolean link(String link, String p, FieldViolations violations) {
        violations.requireText(p + "link_url", link, MAX_TEXT);
        boolean web = link.startsWith("https://") || link.startsWith("http://");
        if (!link.isEmpty() && !web) {
            violations.add(p + "link_url", "Le lien de l'enquête est une adresse http ou https.");
        }
        return web;
    }

    private static Optional<Instant> expire(boolean has, Timestamp expire, String p, FieldViolations violations) {
        return ProtoTime.required(p + "expire_time", has, expire, "Indiquez quand le lien de l'enquête expire.",
                violations);
    }

    private static Fact cancelled(fr.bilan.proto.notification.internal.v1.SessionCancelled f, String p,
            FieldViolations violations) {
        ids(violations, p, "assessment_id", f.getAssessmentId(), "session_id", f.getSessionId(), "beneficiary_id",
                f.getBeneficiaryId(), "centre_id", f.getCentreId(), "consultant_id", f.getConsultantId());
        violations.requireText(p + "calendar_uid", f.getCalendarUid(), MAX_TEXT);
        SessionPhase phase = phase(f.getPhase(), p, violations);
        Optional<Instant[]> times = times(f.hasStartTime(), f.getStartTime(), f.hasEndTime(), f.getEndTime(), p,
                violations);
        if (f.getSequence() < 0) {
            violations.add(p + "sequence", "La séquence ne peut pas être négative.");
        }
        if (phase == null || times.isEmpty() || f.getSequence() < 0) {
            return null;
        }
        return new Fact.SessionCancelled(f.getAssessmentId(), f.getSessionId(), f.getBeneficiaryId(), f.getCentreId(),
                f.getConsultantId(), phase, times.get()[0], times.get()[1], f.getSequence(), f.getCalendarUid());
    }

    private static SessionPhase phase(fr.bilan.proto.notification.internal.v1.SessionPhase phase, String p,
            FieldViolations violations) {
        return switch (phase) {
            case INTAKE -> SessionPhase.INTAKE;
            case PRELIMINARY -> SessionPhase.PRELIMINARY;
            case INVESTIGATION -> SessionPhase.INVESTIGATION;
            case CONCLUSION -> SessionPhase.CONCLUSION;
            case FOLLOW_UP -> SessionPhase.FOLLOW_UP;
            default -> {
                violations.add(p + "phase", "Indiquez la phase : INTAKE, PRELIMINARY, INVESTIGATION, CONCLUSION ou FOLLOW_UP.");
                yield null;
            }
        };
    }

    private static Optional<Instant[]> times(boolean hasStart, Timestamp start, boolean hasEnd, Timestamp end, String p,
            FieldViolations violations) {
        Optional<Instant> from = ProtoTime.required(p + "start_time", hasStart, start, "Indiquez le début de la séance.",
                violations);
        Optional<Instant> to = ProtoTime.required(p + "end_time", hasEnd, end, "Indiquez la fin de la séance.",
                violations);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (!to.get().isAfter(from.get())) {
            violations.add(p + "end_time", "La fin de la séance doit suivre son début.");
            return Optional.empty();
        }
        return Optional.of(new Instant[] { from.get(), to.get() });
    }

    /** Each pair (name, value) is a required identifier. */
    private static void ids(FieldViolations violations, String prefix, String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            violations.requireText(prefix + namesAndValues[i], namesAndValues[i + 1], Lookups.MAX_ID_LENGTH);
        }
    }

    private IntakeMessages() {
    }
}
