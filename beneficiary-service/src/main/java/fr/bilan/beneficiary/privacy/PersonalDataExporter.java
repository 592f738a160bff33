package fr.bilan.beneficiary.privacy;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import fr.bilan.beneficiary.profile.Beneficiary;
import fr.bilan.beneficiary.profile.BeneficiaryMessages;
import fr.bilan.proto.beneficiary.v1.PersonalDataExport;
import fr.bilan.support.time.ProtoTime;

/**
 * A copy of everything beneficiary-service holds about one beneficiary (RGPD art. 15): the record,
 * then every {@link ExportSection}.
 */
@Component
class PersonalDataExporter {

    private final List<ExportSection> sections;
    private final Clock clock;

    PersonalDataExporter(List<ExportSection> sections, Clock clock) {
        this.sections = sections;
        this.clock = clock;
    }

    PersonalDataExport export(Beneficiary beneficiary) {
        var export = PersonalDataExport.newBuilder()
                .setExportTime(ProtoTime.of(clock.instant()))
                .setBeneficiary(BeneficiaryMessages.toProto(beneficiary));
        sections.forEach(section -> section.addTo(export, beneficiary.id()));
        return export.build();
    }
}
