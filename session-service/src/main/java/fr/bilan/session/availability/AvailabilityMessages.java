package fr.bilan.session.availability;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.type.TimeOfDay;

import fr.bilan.proto.session.v1.ConsultantAvailability;
import fr.bilan.proto.session.v1.LocalHours;
import fr.bilan.proto.session.v1.WeeklyHours;
import fr.bilan.session.calendar.ConsultantAvailability.Absence;
import fr.bilan.session.calendar.ConsultantAvailability.SpecialDay;
import fr.bilan.session.calendar.OpeningHours;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/** A consultant's availability as the contract shows it, and read from a request field by field. */
public final class AvailabilityMessages {

    private static final int MAX_LABEL_LENGTH = 100;
    private static final int MAX_ENTRIES = 500;

    private AvailabilityMessages() {
    }

    public static ConsultantAvailability toProto(DeclaredAvailability declared) {
        var message = ConsultantAvailability.newBuilder().setConsultantId(declared.consultantId())
                .setEtag(Long.toString(declared.version()));
        declared.weeklyHours().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(day -> message
                .addWeeklyHours(WeeklyHours.newBuilder().setDay(com.google.type.DayOfWeek.forNumber(day.getKey().getValue()))
                        .addAllHours(day.getValue().stream().map(AvailabilityMessages::toProto).toList())));
        declared.absences().forEach(absence -> message.addAbsences(fr.bilan.proto.session.v1.Absence.newBuilder()
                .setStartTime(ProtoTime.of(absence.start())).setEndTime(ProtoTime.of(absence.end()))
                .setLabel(absence.label())));
        declared.specialDays().forEach(day -> message.addSpecialDays(fr.bilan.proto.session.v1.SpecialDay.newBuilder()
                .setDate(ProtoDates.of(day.date())).setReplacesWeeklyHours(day.replacesWeeklyHours())
                .addAllHours(day.hours().stream().map(AvailabilityMessages::toProto).toList())));
        if (declared.updateTime() != null) {
            message.setUpdateTime(ProtoTime.of(declared.updateTime()));
        }
        return message.build();
    }

    /** What the request declares; every mistake is named by its field, in French. */
    public static DeclaredAvailability fromProto(ConsultantAvailability message, Instant now, long version) {
        FieldViolations violations = new FieldViolations();
        if (message.getWeeklyHoursCount() + message.getAbsencesCount() + message.getSpecialDaysCount() > MAX_ENTRIES) {
            violations.add("availability", "Au plus " + MAX_ENTRIES + " horaires, absences et jours particuliers.");
        }
        Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < message.getWeeklyHoursCount(); i++) {
            WeeklyHours day = message.getWeeklyHours(i);
            String field = "availability.weekly_hours[" + i + "]";
            int number = day.getDayValue();
            if (number < 1 || number > 7) {
                violations.add(field + ".day", "Indiquez le jour de la semaine.");
                continue;
            }
            if (weekly.containsKey(DayOfWeek.of(number))) {
                violations.add(field + ".day", "Ce jour est déjà décrit plus haut.");
                continue;
            }
            hours(day.getHoursList(), field, violations).ifPresent(hours -> weekly.put(DayOfWeek.of(number), hours));
        }
        List<Absence> absences = new ArrayList<>();
        for (int i = 0; i < message.getAbsencesCount(); i++) {
            var absence = message.getAbsences(i);
            String field = "availability.absences[" + i + "]";
            Optional<Instant> start = ProtoTime.toInstant(field + ".start_time",
                    absence.hasStartTime() ? Optional.of(absence.getStartTime()) : Optional.empty(), violations);
            Optional<Instant> end = ProtoTime.toInstant(field + ".end_time",
                    absence.hasEndTime() ? Optional.of(absence.getEndTime()) : Optional.empty(), violations);
            if (start.isEmpty() || end.isEmpty() || !start.get().isBefore(end.get())) {
                violations.add(field, "Une absence a un début et une fin, après le début.");
            } else if (absence.getLabel().length() > MAX_LABEL_LENGTH) {
                violations.add(field + ".label", "Le libellé ne doit pas dépasser " + MAX_LABEL_LENGTH + " caractères.");
            } else {
                absences.add(new Absence(start.get(), end.get(), absence.getLabel()));
            }
        }
        List<SpecialDay> specialDays = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < message.getSpecialDaysCount(); i++) {
            var special = message.getSpecialDays(i);
            String field = "availability.special_days[" + i + "]";
            LocalDate date = ProtoDates.day(special.getDate(), field + ".date", violations);
            Optional<List<OpeningHours>> hours = hours(special.getHoursList(), field, violations);
            if (date == null) {
                violations.add(field + ".date", "Indiquez la date.");
            } else if (dates.contains(date)) {
                violations.add(field + ".date", "Cette date est déjà décrite plus haut.");
            } else if (hours.isPresent()) {
                dates.add(date);
                specialDays.add(new SpecialDay(date, hours.get(), special.getReplacesWeeklyHours()));
            }
        }
        violations.throwIfAny();
        return new DeclaredAvailability(message.getConsultantId(), weekly, absences, specialDays, now, version);
    }

    private static Optional<List<OpeningHours>> hours(List<LocalHours> ranges, String field, FieldViolations violations) {
        List<OpeningHours> hours = new ArrayList<>();
        for (int j = 0; j < ranges.size(); j++) {
            String at = field + ".hours[" + j + "]";
            try {
                LocalTime start = time(ranges.get(j).getStartTime());
                LocalTime end = time(ranges.get(j).getEndTime());
                hours.add(new OpeningHours(start, end));
            } catch (DateTimeException | IllegalArgumentException e) {
                violations.add(at, "Des heures de début et de fin valides, la fin après le début.");
                return Optional.empty();
            }
        }
        try {
            OpeningHours.requireDisjoint(hours);
        } catch (IllegalArgumentException e) {
            violations.add(field + ".hours", "Ces plages horaires se chevauchent.");
            return Optional.empty();
        }
        return Optional.of(hours);
    }

    private static LocalTime time(TimeOfDay time) {
        return LocalTime.of(time.getHours(), time.getMinutes());
    }

    private static LocalHours toProto(OpeningHours range) {
        return LocalHours.newBuilder().setStartTime(toProto(range.opens())).setEndTime(toProto(range.closes())).build();
    }

    private static TimeOfDay toProto(LocalTime time) {
        return TimeOfDay.newBuilder().setHours(time.getHour()).setMinutes(time.getMinute()).build();
    }
}
