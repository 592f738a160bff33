package fr.bilan.notification.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

/**
 * The day's staff digests, per centre: each consultant gets the sessions they held whose attendance sheet
 * is not signed by both; each manager of the centre gets those of the whole centre and the agreements
 * that lapse within two days (today included) unless the employee signs. Nobody gets an empty digest.
 * One digest per person, centre and day in the centre's calendar (its key), however often it is planned.
 */
public final class DigestPlanner {

    /** An agreement whose last day is at most this many days ahead is about to lapse. */
    static final int LAPSE_WITHIN_DAYS = 2;

    private final ReminderTimes times;

    public DigestPlanner(ReminderTimes times) {
        this.times = times;
    }

    /**
     * @param toSign     the sessions held and not settled (any centre)
     * @param awaiting   the agreements awaiting signature (any centre, any last day)
     * @param managersOf the managers of a centre (identity provider subjects)
     */
    public List<Notification> plan(Instant now, List<TrackedSession> toSign, List<TrackedAgreement> awaiting,
            Function<String, List<String>> managersOf) {
        TreeSet<String> centres = new TreeSet<>();
        toSign.forEach(s -> centres.add(s.centreId()));
        awaiting.forEach(a -> centres.add(a.centreId()));
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
            Map<String, List<Subject.DigestItem>> byConsultant = new TreeMap<>();
            toSign.stream().filter(s -> s.centreId().equals(centre) && s.session().consultantId() != null)
                    .sorted(Comparator.comparing((TrackedSession s) -> s.session().start()))
                    .forEach(s -> byConsultant.computeIfAbsent(s.session().consultantId(), k -> new ArrayList<>())
                            .add(new Subject.DigestItem(Subject.DigestItemKind.SESSION_TO_SIGN,
                                    s.session().assessmentId(), s.session().start())));
            TreeSet<String> managers = new TreeSet<>(managersOf.apply(centre));
            // a manager who also runs sessions gets the centre's digest, which holds theirs
            byConsultant.forEach((consultant, items) -> {
                if (!managers.contains(consultant)) {
                    digests.add(digest(centre, day, consultant, items, now));
                }
            });
            List<Subject.DigestItem> forManagers = new ArrayList<>(sessions);
            forManagers.addAll(lapsing);
            if (!forManagers.isEmpty()) {
                managers.forEach(manager -> digests.add(digest(centre, day, manager, forManagers, now)));
            }
        }
        return digests;
    }

    private static Notification digest(String centre, LocalDate day, String account, List<Subject.DigestItem> items,
            Instant now) {
        String key = "digest/" + centre + "/" + day + "/" + NotificationKind.STAFF_DIGEST.name() + "/" + account;
        return Notification.planned(Planner.idOf(key), key, NotificationKind.STAFF_DIGEST, centre,
                new Recipient.Staff(account), null, new Subject.Digest(day, items), now);
    }
}
