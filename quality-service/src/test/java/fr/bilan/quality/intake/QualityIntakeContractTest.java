package fr.bilan.quality.intake;

import java.util.OptionalLong;

import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.quality.QualityServiceContext;
import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.support.testing.QualityIntakeContract;
import io.grpc.Channel;

/** The real intake keeps the contract session-service's outbox counts on (its stand-in keeps it too). */
@QualityServiceContext
class QualityIntakeContractTest extends QualityIntakeContract {

    @Autowired
    private BilanRecords records;

    @Override
    protected Channel qualityIntake() {
        return channel();
    }

    @Override
    protected OptionalLong keptRevision(String assessmentId) {
        return records.byId(assessmentId).map(kept -> OptionalLong.of(kept.revision())).orElse(OptionalLong.empty());
    }
}
