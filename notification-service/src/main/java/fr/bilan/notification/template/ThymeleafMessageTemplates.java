package fr.bilan.notification.template;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Subject;
import fr.bilan.notification.template.RenderedMessage.Attachment;

/**
 * Writes each message with Thymeleaf from its kind's current template version
 * ({@link TemplateVersions}): {@code templates/messages/<kind>/v<n>/} holds its subject line, its HTML
 * and its text, in French. The templates receive only what the {@link Letter} says, already written
 * as a French reader reads it (dates, hours, the centre's zone): names, times, places and a link to
 * the application, never anything of a bilan's content, which the letter does not carry.
 */
@Component
public class ThymeleafMessageTemplates implements MessageTemplates {

    private static final String ROOT = "templates/messages/";
    /** How the messages sign and organise events when the centre has no name configured. */
    static final String UNNAMED_CENTRE = "Votre centre de bilan de compétences";
    /** How a follow-up's message names a beneficiary whose name beneficiary-service does not give. */
    static final String UNNAMED_BENEFICIARY = "Votre bénéficiaire";

    private final SpringTemplateEngine engine;
    private final Clock clock;
    private final String sender;

    /**
     * @param sender the From of the messages ({@code Name <address>} or an address): its address organises
     *               the events they carry
     */
    public ThymeleafMessageTemplates(Clock clock,
            @Value("${bilan.notification.sender:ne-pas-repondre@bilan.localhost}") String sender) {
        this.clock = clock;
        this.sender = addressOf(sender);
        this.engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    }

    private static String addressOf(String sender) {
        try {
            return new InternetAddress(sender, true).getAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException("bilan.notification.sender is not an e-mail address: " + e.getMessage());
        }
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(ROOT);
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    @Override
    public RenderedMessage render(Letter letter) {
        if (!subjectOf(letter.kind()).isInstance(letter.subject())) {
            throw new IllegalArgumentException("a " + letter.kind() + " message cannot be about " + letter.subject());
        }
        String version = TemplateVersions.current(letter.kind());
        Context context = new Context(Locale.FRENCH, variables(letter));
        String subject = engine.process(version + "/subject.txt", context).strip().replaceAll("\\s+", " ");
        context.setVariable("subjectLine", subject);
        String html = engine.process(version + "/body.html", context);
        String text = tidy(engine.process(version + "/body.txt", context));
        List<Attachment> attachments = invitation(letter.kind()).map(method -> List.of(SessionInvitation.attachment(method,
                (Subject.Session) letter.subject(), letter.email(), sender, signature(letter), clock.instant())))
                .orElse(List.of());
        return new RenderedMessage(version, subject, html, text, attachments);
    }

    /** What the templates may use: nothing but the letter, written for a French reader. */
    private static Map<String, Object> variables(Letter letter) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("greetingName", letter.greetingName());
        variables.put("signature", signature(letter));
        variables.put("link", letter.link().toString());
        variables.put("reminder", letter.kind().reminder());
        variables.put("reader", reader(letter.kind()));
        ZoneId zone = letter.zone();
        Subject subject = letter.subject();
        if (subject instanceof Subject.Session session) {
            variables.put("session", SessionView.of(session, letter.consultantName(), zone));
        } else if (subject instanceof Subject.Agreement agreement) {
            variables.put("agreement", new AgreementView(FrenchTimes.date(agreement.deadline())));
        } else if (subject instanceof Subject.Survey survey) {
            // the link is the survey's own (the letter's), its last day written in the centre's zone
            variables.put("survey", new SurveyView(survey.followUp(),
                    FrenchTimes.date(LocalDate.ofInstant(survey.expireTime().minusSeconds(1), zone))));
        } else if (subject instanceof Subject.FunderSurvey survey) {
            variables.put("funderSurvey", new FunderSurveyView(survey.funderName(), Integer.toString(survey.year()),
                    FrenchTimes.date(LocalDate.ofInstant(survey.expireTime().minusSeconds(1), zone))));
        } else if (subject instanceof Subject.FollowUp followUp) {
            variables.put("followUp", new FollowUpView(letter.beneficiaryName() == null
                    || letter.beneficiaryName().isBlank() ? UNNAMED_BENEFICIARY : letter.beneficiaryName().strip(),
                    FrenchTimes.date(followUp.dueDate())));
        } else if (subject instanceof Subject.Digest digest) {
            variables.put("digest", DigestView.of(digest, zone, letter.link()));
        }
        // a synthèse gives nothing of itself but that it is ready: the link leads to it
        return variables;
    }

    /**
     * Who reads a kind, which the footer speaks to: a beneficiary about their own bilan, staff about the
     * bilans of their digest (by reference), a consultant about one beneficiary, or a funder's contact.
     */
    private static String reader(NotificationKind kind) {
        return switch (kind) {
            case CONVOCATION, SESSION_CHANGED, SESSION_CANCELLED, SESSION_REMINDER, AGREEMENT_AWAITING_SIGNATURE,
                    AGREEMENT_SIGNATURE_REMINDER, SYNTHESIS_AVAILABLE, SURVEY_INVITATION, SURVEY_REMINDER -> "beneficiary";
            case STAFF_DIGEST -> "staff";
            case FOLLOW_UP_ACCEPTED -> "consultant";
            case FUNDER_SURVEY_INVITATION, FUNDER_SURVEY_REMINDER -> "funder";
        };
    }

    private static String signature(Letter letter) {
        return letter.centreName().isBlank() ? UNNAMED_CENTRE : letter.centreName().strip();
    }

    /**
     * The .ics of a convocation or a change (REQUEST) and of a cancellation (CANCEL); none for a reminder,
     * which changes nothing in the reader's calendar.
     */
    private static Optional<SessionInvitation.Method> invitation(NotificationKind kind) {
        return switch (kind) {
            case CONVOCATION, SESSION_CHANGED -> Optional.of(SessionInvitation.Method.REQUEST);
            case SESSION_CANCELLED -> Optional.of(SessionInvitation.Method.CANCEL);
            case SESSION_REMINDER, AGREEMENT_AWAITING_SIGNATURE, AGREEMENT_SIGNATURE_REMINDER, SYNTHESIS_AVAILABLE,
                    STAFF_DIGEST, SURVEY_INVITATION, SURVEY_REMINDER, FUNDER_SURVEY_INVITATION, FUNDER_SURVEY_REMINDER,
                    FOLLOW_UP_ACCEPTED -> Optional.empty();
        };
    }

    /** What a kind of message is about: its template reads that and nothing else. */
    private static Class<? extends Subject> subjectOf(NotificationKind kind) {
        return switch (kind) {
            case CONVOCATION, SESSION_CHANGED, SESSION_CANCELLED, SESSION_REMINDER -> Subject.Session.class;
            case AGREEMENT_AWAITING_SIGNATURE, AGREEMENT_SIGNATURE_REMINDER -> Subject.Agreement.class;
            case SYNTHESIS_AVAILABLE -> Subject.Synthesis.class;
            case STAFF_DIGEST -> Subject.Digest.class;
            case SURVEY_INVITATION, SURVEY_REMINDER -> Subject.Survey.class;
            case FUNDER_SURVEY_INVITATION, FUNDER_SURVEY_REMINDER -> Subject.FunderSurvey.class;
            case FOLLOW_UP_ACCEPTED -> Subject.FollowUp.class;
        };
    }

    /** The text part without the blank lines the template's own lines leave: at most one blank line in a row. */
    private static String tidy(String text) {
        return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    /** A link a reader may follow: http or https only, anything else is shown as text. */
    static Optional<String> webLink(String link) {
        try {
            URI uri = new URI(link);
            return "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())
                    ? Optional.of(uri.toString())
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * A satisfaction survey as its messages write it.
     *
     * @param followUp the "à froid" survey, six months on, with the follow-up interview's offer
     * @param lastDay  the last day its link opens it, written for a French reader
     */
    public record SurveyView(boolean followUp, String lastDay) {
    }

    /**
     * A funder's yearly survey as its messages write it.
     *
     * @param funderName the funder the contact answers for
     * @param year       the year it asks about
     * @param lastDay    the last day its link opens it, written for a French reader
     */
    public record FunderSurveyView(String funderName, String year, String lastDay) {
    }

    /**
     * A follow-up interview accepted, as its consultant's message writes it.
     *
     * @param beneficiaryName who accepted it
     * @param dueDate         the day it was due, written for a French reader
     */
    public record FollowUpView(String beneficiaryName, String dueDate) {
    }

    /**
     * A session as its messages write it.
     *
     * @param room      the room, {@code null} for a remote session
     * @param videoLink the video link as given, {@code null} on site
     * @param videoHref the video link when it is one a reader may follow
     */
    public record SessionView(String phase, String date, String start, String end, String zoneName, String room,
            String videoLink, String videoHref, String consultantName) {

        static SessionView of(Subject.Session session, String consultantName, ZoneId zone) {
            // the letters' typographic apostrophe (« phase d’investigation »)
            return new SessionView(session.phase().frenchName().replace('\'', '’'), FrenchTimes.date(session.start(), zone),
                    FrenchTimes.time(session.start(), zone), FrenchTimes.time(session.end(), zone),
                    FrenchTimes.zoneName(zone), session.room(), session.videoLink(),
                    session.remote() ? webLink(session.videoLink()).orElse(null) : null,
                    consultantName == null || consultantName.isBlank() ? null : consultantName.strip());
        }
    }

    /** An agreement as its messages write it: the last day to sign. */
    public record AgreementView(String deadline) {
    }

    /**
     * A digest as it is written: its day, and what needs the reader, by kind.
     *
     * @param cpfDeadlines the CPF dossiers due, the overdue first
     * @param cpfUnread    the CPF deadlines could not be read: the digest says so
     * @param cpfListLink  the centre's list of CPF dossiers in the application
     */
    public record DigestView(String day, List<DigestLine> sessionsToSign, List<DigestLine> agreementsAboutToLapse,
            List<CpfLine> cpfDeadlines, boolean cpfUnread, String cpfListLink, int count) {

        /** @param home the digest's link, the application's home: each dossier's page is under it */
        static DigestView of(Subject.Digest digest, ZoneId zone, URI home) {
            List<DigestLine> sessions = lines(digest, Subject.DigestItemKind.SESSION_TO_SIGN, zone);
            List<DigestLine> agreements = lines(digest, Subject.DigestItemKind.AGREEMENT_ABOUT_TO_LAPSE, zone);
            String cpfList = home.toString().replaceAll("/+$", "") + "/cpf-dossiers";
            List<CpfLine> cpf = digest.cpfDeadlines().stream()
                    .sorted(Comparator.comparing(Subject.CpfDeadlineItem::dueDate)
                            .thenComparing(Subject.CpfDeadlineItem::dossierNumber))
                    .map(line -> CpfLine.of(line, digest.day(), cpfList))
                    .toList();
            return new DigestView(FrenchTimes.date(digest.day()), sessions, agreements, cpf, digest.cpfUnread(), cpfList,
                    digest.count());
        }

        private static List<DigestLine> lines(Subject.Digest digest, Subject.DigestItemKind kind, ZoneId zone) {
            return digest.items().stream().filter(item -> item.kind() == kind)
                    .sorted(Comparator.comparing(Subject.DigestItem::time))
                    .map(item -> new DigestLine(FrenchTimes.date(item.time(), zone), FrenchTimes.time(item.time(), zone),
                            item.reference()))
                    .toList();
        }
    }

    /**
     * A CPF dossier of a digest: its number, its state, what is due and when, and its page.
     *
     * @param when    « En retard », « Échéance aujourd’hui », « Échéance demain » or « Échéance le lundi 7 décembre 2026 »
     * @param overdue whether its day is past
     */
    public record CpfLine(String number, String state, String label, String when, boolean overdue, String link) {

        static CpfLine of(Subject.CpfDeadlineItem item, LocalDate today, String cpfList) {
            LocalDate due = item.dueDate();
            String when = due.isBefore(today) ? "En retard"
                    : due.equals(today) ? "Échéance aujourd’hui"
                    : due.equals(today.plusDays(1)) ? "Échéance demain"
                    : "Échéance le " + FrenchTimes.date(due);
            return new CpfLine(item.dossierNumber(), item.state().frenchName().replace('\'', '’'),
                    item.label().replace('\'', '’'), when, due.isBefore(today),
                    cpfList + "/" + URLEncoder.encode(item.dossierId(), StandardCharsets.UTF_8));
        }
    }

    /** One line of a digest: a day, an hour (for a session), the bilan's or funding's reference. */
    public record DigestLine(String date, String time, String reference) {
    }
}
