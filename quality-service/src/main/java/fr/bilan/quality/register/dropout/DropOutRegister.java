package fr.bilan.quality.register.dropout;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Service;

import fr.bilan.quality.bilan.BilanRecords;

/** A centre's drop-outs, read from the bilans' facts (their side exits): nothing of its own is kept. */
@Service
public class DropOutRegister {

    private final BilanRecords bilans;

    DropOutRegister(BilanRecords bilans) {
        this.bilans = bilans;
    }

    /** The centre's bilans ended without being completed from {@code from} (included) to {@code until} (excluded). */
    public DropOutReport endedBetween(String centreId, LocalDate from, LocalDate until) {
        return DropOutReport.of(bilans.dropOutsEndedBetween(centreId, from, until).stream().map(DropOut::of)
                .flatMap(Optional::stream).toList());
    }
}
