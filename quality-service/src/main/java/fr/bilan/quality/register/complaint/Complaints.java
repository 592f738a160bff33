package fr.bilan.quality.register.complaint;

import java.time.LocalDate;
import java.util.List;

import fr.bilan.quality.register.RegisterRecords;

/** The centres' complaints as kept. */
public interface Complaints extends RegisterRecords<Complaint> {

    /** A centre's complaints received from {@code from} (included) to {@code until} (excluded), the latest first. */
    List<Complaint> receivedBetween(String centreId, LocalDate from, LocalDate until);
}
