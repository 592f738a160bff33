package fr.bilan.beneficiary.privacy;

import fr.bilan.proto.beneficiary.v1.PersonalDataExport;

/**
 * One kind of data this service holds about a beneficiary, as it goes into their export (RGPD
 * art. 15). Every section bean is in every export: a new kind of data joins it by declaring its
 * section (see {@link ExportSections}).
 */
@FunctionalInterface
public interface ExportSection {

    void addTo(PersonalDataExport.Builder export, String beneficiaryId);
}
