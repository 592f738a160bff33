package fr.bilan.synthesis.rendering;

import java.time.LocalDate;

import fr.bilan.synthesis.bilan.BilanCourse;
import fr.bilan.synthesis.content.Content;

/**
 * What a final synthèse prints: the consultant's text, the beneficiary's observations, and the title
 * block (who, when the bilan ran and how many hours, when the document was made, which version).
 *
 * @param centreId the centre whose identity heads the document
 * @param course the bilan's dates and hours per phase, as session-service knows them when it is made final
 * @param finalizeDate the day it was made final (« Fait le … »)
 * @param version the stored document's version, from 1
 * @param beneficiaryObservations may be empty: the section is then left out
 */
public record SynthesisPrint(String centreId, String beneficiaryName, String consultantName, BilanCourse course,
        LocalDate finalizeDate, int version, Content content, String beneficiaryObservations) {
}
