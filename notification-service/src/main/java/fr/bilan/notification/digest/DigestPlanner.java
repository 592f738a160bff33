package fr.bilan.notification.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.message.Subject;
import fr.bilan.notification.planning.Planner;
import fr.bilan.notification.planning.ReminderTimes;
import fr.bilan.notification.tracking.TrackedAgreement;
import fr.bilan.notification.tracking.TrackedSession;
import fr.bilan.support.workingday.HolidayCalendar;
import fr.bilan.support.workingday.WorkingDays;

/**
 * The day's staff digests, per centre: each consultant gets the sessions they held whose attendance sheet
 * is not signed by both, and the CPF dossiers of their beneficiaries whose deadline of the centre is
 * overdue or due by the centre's next working day; each manager of the centre gets those of the whole
 * centre and the agreements that lapse within two days (today included) unless the employee signs.
 * Nobody gets an empty digest; but when the CPF deadlines could not be read, every manager hears it, so
 * that no digest's silence passes for "no CPF deadline". One digest per person, centre and day in the
 * centre's calendar (its key), however often it is planned.
 */
public final class DigestPlanner {

    /** An agreement whose last day is at most this many days ahead is about to lapse. */
    static final int LAPSE_WITHIN_DAYS = 2;

    private final ReminderTimes times;
    private final Function<String, WorkingDays> workingDays;

    /** @param workingDays each centre's working days (its holidays) */
    public DigestPlanner(ReminderTimes times, Function<String, WorkingDays> workingDays) {
        this.times = times;
        this.workingDays = workingDays;
    }

    /**
     * The last due date beneficiary-service is asked for at {@code now}, whatever the centre: the latest of
     * the next working days of every calendar after the latest day any centre may be on (UTC's tomorrow,
     * for the zones east of UTC); each centre then keeps its own.
     */
    public static LocalDate cpfThrough(Instant now) {
        LocalDate latestToday = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
        return Arrays.stream(HolidayCalendar.values()).map(calendar -> new WorkingDays(calendar).plus(latestToday, 1))
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * @param toSign   the sessions held and not settled (any centre)
     * @param awaiting the agreements awaiting signature (any centre, any last day)
     * @param cpf      the CPF dossiers due by {@link #cpfThrough}, or that they could not be read
     * @param managers the managers of each centre (identity provider subjects)
     */
    public List<Notification> plan(Instant now, List<TrackedSession> toSign, List<TrackedAgreement> awaiting, CpfDue cpf,
            Map<String, List<String>> managers) {
        TreeSet<String> centres = new TreeSet<>();
        toSign.forEach(s -> centres.add(s.centreId()));
        awaiting.forEach(a -> centres.add(a.centreId()));
        cpf.dossiers().forEach(d -> centres.add(d.centreId()));
        if (!cpf.read()) {
            centres.addAll(managers.keySet());
        }
        List<Notification> digests = new ArrayList<>();
        for (String centre : centres) {
            LocalDate day = times.today(centre, now);
            List<Subject.DigestItem> sessions = toSign.stream().filter(s -> s.centreId().equals(centre))
                    .sorted(Comparator.comparing((TrackedSession s) -> s.session().start()))
                    .map(s -> new Subject.DigestItem(Subject.DigestItemKind.SESSION_TO_SIGN, s.session().assessmentId(),
                            s.session().start()))
                    .toList();
            List<Subject.DigestItem> lapsing = awaiting.stream().filter(a -> a.centreId().equals(centre))
                    .filter(a -> !a.deadline().isBefore(day) && !a.deadline().isAfter(day.plusDays(LAPSE_WITHIN_DAYS)))
                    .sorted(Comparator.comparing(TrackedAgreement::deadline))
                    .map(a -> new Subject.DigestItem(Subject.DigestItemKind.AGREEMENT_ABOUT_TO_LAPSE, a.fundingId(),
                            a.deadline().atStartOfDay(times.zone(centre)).toInstant()))
                    .toList();
            LocalDate through = workingDays.apply(centre).plus(day, 1);
            List<CpfDeadlines.DueCpfDossier> due = cpf.dossiers().stream()
                    .filter(d -> d.centreId().equals(centre) && !d.dueDate().isAfter(through))
                    .sorted(Comparator.comparing(CpfDeadlines.DueCpfDossier::dueDate)
                            .thenComparing(CpfDeadlines.DueCpfDossier::dossierNumber))
                    .toList();
            Map<String, Lines> byConsultant = new TreeMap<>();
            toSign.stream().filter(s -> s.centreId().equals(centre) && s.session().consultantId() != null)
                    .sorted(Comparator.comparing((TrackedSession s) -> s.session().start()))
                    .forEach(s -> byConsultant.computeIfAbsent(s.session().consultantId(), k -> new Lines()).items
                            .add(new Subject.DigestItem(Subject.DigestItemKind.SESSION_TO_SIGN,
                                    s.session().assessmentId(), s.session().start())));
            due.forEach(d -> d.consultantIds().stream().distinct()
                    .forEach(consultant -> byConsultant.computeIfAbsent(consultant, k -> new Lines()).cpf.add(line(d))));
            TreeSet<String> centreManagers = new TreeSet<>(managers.getOrDefault(centre, List.of()));
            // a manager who also runs sessions or follows beneficiaries gets the centre's digest, which holds theirs
            byConsultant.forEach((consultant, lines) -> {
                if (!centreManagers.contains(consultant)) {
                    digests.add(digest(centre, day, consultant, lines.items, lines.cpf, !cpf.read(), now));
                }
            });
            List<Subject.DigestItem> forManagers = new ArrayList<>(sessions);
            forManagers.addAll(lapsing);
            List<Subject.CpfDeadlineItem> cpfForManagers = due.stream().map(DigestPlanner::line).toList();
            if (!forManagers.isEmpty() || !cpfForManagers.isEmpty() || !cpf.read()) {
                centreManagers.forEach(manager -> digests.add(digest(centre, day, manager, forManagers, cpfForManagers,
                        !cpf.read(), now)));
            }
        }
        return digests;
    }

    /** What one consultant's digest lists. */
    private static final class Lines {
        final List<Subject.DigestItem> items = new ArrayList<>();
        final List<Subject.CpfDeadlineItem> cpf = new ArrayList<>();
    }

    private static Subject.CpfDeadlineItem line(CpfDeadlines.DueCpfDossier dossier) {
        return new Subject.CpfDeadlineItem(dossier.dossierId(), dossier.dossierNumber(), dossier.state(), dossier.label(),
                dossier.dueDate());
    }

    private static Notification digest(String centre, LocalDate day, String account, List<Subject.DigestItem> items,
            List<Subject.CpfDeadlineItem> cpf, boolean cpfUnread, Instant now) {
        String key = "digest/" + centre + "/" + day + "/" + NotificationKind.STAFF_DIGEST.name() + "/" + account;
        return Notification.planned(Planner.idOf(key), key, NotificationKind.STAFF_DIGEST, centre,
                new Recipient.Staff(account), null, new Subject.Digest(day, items, cpf, cpfUnread), now);
    }
}
