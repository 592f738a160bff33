package fr.bilan.session.booking;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import fr.bilan.session.calendar.Slot;

/**
 * A resource is already held over part of the slot asked for; the bilan's change refuses it as
 * {@code assessment.SessionSlotTaken}, naming the slot in the centre's local time, never whose session it is.
 */
public class SlotTaken extends RuntimeException {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE dd/MM/yyyy", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE);

    private final Resource.Kind kind;
    private final Slot taken;

    public SlotTaken(Resource.Kind kind, Slot taken) {
        super(kind + " taken " + taken);
        this.kind = kind;
        this.taken = taken;
    }

    public Resource.Kind kind() {
        return kind;
    }

    public Slot taken() {
        return taken;
    }

    /** « Le consultant a déjà une séance le mardi 24/11/2026 de 10:00 à 12:00 (heure du centre). » */
    public String frenchMessage(ZoneId zone) {
        var start = taken.start().atZone(zone);
        var end = taken.end().atZone(zone);
        String who = kind.frenchName();
        return Character.toUpperCase(who.charAt(0)) + who.substring(1) + " a déjà une séance le " + DAY.format(start)
                + " de " + TIME.format(start) + " à " + TIME.format(end) + " (heure du centre) : choisissez un autre "
                + "créneau.";
    }
}
