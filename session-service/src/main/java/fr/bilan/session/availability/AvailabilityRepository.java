package fr.bilan.session.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import fr.bilan.session.calendar.ConsultantAvailability.Absence;
import fr.bilan.session.calendar.ConsultantAvailability.SpecialDay;
import fr.bilan.session.calendar.OpeningHours;
import fr.bilan.support.mongo.Inserts;

/** Consultants' declared availability in {@code consultant_availability}, one document each, written whole under its version. */
@Repository
public class AvailabilityRepository {

    static final String COLLECTION = "consultant_availability";

    private final MongoCollection<Document> collection;

    AvailabilityRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** The consultant's availability; undeclared (available whenever the centre is open) when never set. */
    public DeclaredAvailability of(String consultantId) {
        Document stored = collection.find(Filters.eq("_id", consultantId)).first();
        return stored == null ? DeclaredAvailability.undeclared(consultantId) : toAvailability(stored);
    }

    /** Stores {@code declared} over version {@code expected}; false when someone wrote another version since. */
    public boolean save(DeclaredAvailability declared, long expected) {
        Document document = toDocument(declared).append("version", expected + 1);
        if (expected == 0) {
            return Inserts.insertIfNew(collection, document);
        }
        return collection.replaceOne(Filters.and(Filters.eq("_id", declared.consultantId()), Filters.eq("version", expected)),
                document, new ReplaceOptions()).getMatchedCount() == 1;
    }

    private static Document toDocument(DeclaredAvailability a) {
        Document weekly = new Document();
        a.weeklyHours().forEach((day, hours) -> weekly.append(day.name(), ranges(hours)));
        return new Document("_id", a.consultantId())
                .append("weeklyHours", weekly)
                .append("absences", a.absences().stream().map(absence -> new Document("start", Date.from(absence.start()))
                        .append("end", Date.from(absence.end())).append("label", absence.label())).toList())
                .append("specialDays", a.specialDays().stream().map(day -> new Document("date", day.date().toString())
                        .append("hours", ranges(day.hours())).append("replaces", day.replacesWeeklyHours())).toList())
                .append("updateTime", Date.from(a.updateTime()));
    }

    private static DeclaredAvailability toAvailability(Document d) {
        Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
        d.get("weeklyHours", Document.class).forEach((day, hours) -> weekly.put(DayOfWeek.valueOf(day), hours(hours)));
        return new DeclaredAvailability(d.getString("_id"), weekly,
                d.getList("absences", Document.class).stream().map(absence -> new Absence(
                        absence.getDate("start").toInstant(), absence.getDate("end").toInstant(),
                        absence.getString("label"))).toList(),
                d.getList("specialDays", Document.class).stream().map(day -> new SpecialDay(
                        LocalDate.parse(day.getString("date")), hours(day.get("hours")), day.getBoolean("replaces")))
                        .toList(),
                d.getDate("updateTime").toInstant(), d.getLong("version"));
    }

    private static List<String> ranges(List<OpeningHours> hours) {
        return hours.stream().map(range -> range.opens() + "-" + range.closes()).toList();
    }

    private static List<OpeningHours> hours(Object stored) {
        return ((List<?>) stored).stream().map(String::valueOf).map(range -> range.split("-"))
                .map(bounds -> new OpeningHours(LocalTime.parse(bounds[0]), LocalTime.parse(bounds[1]))).toList();
    }
}
