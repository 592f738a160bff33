package fr.bilan.retention.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R6313-7 as a table: for an action begun under each text (before 2024: one year; décret 2023-1350:
 * three years), each kind of document and each consent recorded before the end, the rule the shipped
 * rule book applies and how long after the end it keeps the document (Paris calendar). Process
 * evidence is kept three years for controls (L6362-6) whatever the consents.
 */
class RetentionLawTableTest {

    private static final RetentionPolicy POLICY = new RetentionPolicy(RuleBook.fromClasspath());
    private static final Instant END = paris("2024-05-15T10:00");

    /** What the beneficiary agreed to before the end of the action. */
    enum Consents {
        NONE,
        /** Written agreement to keep documents for the follow-up (R6313-7 b). */
        FOLLOW_UP,
        /** The synthèse sent to their CEP advisor (R6313-7 a). */
        CEP_SHARING,
        /** The synthèse shared with the employer: no exception of R6313-7. */
        EMPLOYER_SHARING,
        /** Both exceptions: equal periods, the first listed rule names the decision. */
        FOLLOW_UP_AND_CEP_SHARING
    }

    @ParameterizedTest(name = "begun {0}, {1}, {2}: {3} for {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # action begun     | kinds                                          | consents                  | rule              | kept
            2023-11-20T09:00   | WORKING_DOCUMENT TEST_RESULT DETAILED_RESULTS | NONE                      | end-of-action     | P0D
            2023-11-20T09:00   | WORKING_DOCUMENT TEST_RESULT DETAILED_RESULTS | FOLLOW_UP                 | written-agreement | P1Y
            2023-11-20T09:00   | WORKING_DOCUMENT TEST_RESULT DETAILED_RESULTS | CEP_SHARING               | end-of-action     | P0D
            2023-11-20T09:00   | SYNTHESIS_DOCUMENT                            | NONE                      | end-of-action     | P0D
            2023-11-20T09:00   | SYNTHESIS_DOCUMENT                            | FOLLOW_UP                 | written-agreement | P1Y
            2023-11-20T09:00   | SYNTHESIS_DOCUMENT                            | CEP_SHARING               | cep-synthesis     | P1Y
            2023-11-20T09:00   | SYNTHESIS_DOCUMENT                            | EMPLOYER_SHARING          | end-of-action     | P0D
            2023-11-20T09:00   | SYNTHESIS_DOCUMENT                            | FOLLOW_UP_AND_CEP_SHARING | written-agreement | P1Y
            2023-11-20T09:00   | AGREEMENT ATTENDANCE PROCESS_EVIDENCE         | NONE                      | process-evidence  | P3Y
            2023-11-20T09:00   | AGREEMENT ATTENDANCE PROCESS_EVIDENCE         | FOLLOW_UP_AND_CEP_SHARING | process-evidence  | P3Y
            2024-01-02T09:00   | WORKING_DOCUMENT TEST_RESULT DETAILED_RESULTS | NONE                      | end-of-action     | P0D
            2024-01-02T09:00   | WORKING_DOCUMENT TEST_RESULT DETAILED_RESULTS | FOLLOW_UP                 | written-agreement | P3Y
            2024-01-02T09:00   | WORKING_DOCUMENT TEST_RESULT DETAILED_RESULTS | CEP_SHARING               | end-of-action     | P0D
            2024-01-02T09:00   | SYNTHESIS_DOCUMENT                            | NONE                      | end-of-action     | P0D
            2024-01-02T09:00   | SYNTHESIS_DOCUMENT                            | FOLLOW_UP                 | written-agreement | P3Y
            2024-01-02T09:00   | SYNTHESIS_DOCUMENT                            | CEP_SHARING               | cep-synthesis     | P3Y
            2024-01-02T09:00   | SYNTHESIS_DOCUMENT                            | EMPLOYER_SHARING          | end-of-action     | P0D
            2024-01-02T09:00   | SYNTHESIS_DOCUMENT                            | FOLLOW_UP_AND_CEP_SHARING | written-agreement | P3Y
            2024-01-02T09:00   | AGREEMENT ATTENDANCE PROCESS_EVIDENCE         | NONE                      | process-evidence  | P3Y
            2024-01-02T09:00   | AGREEMENT ATTENDANCE PROCESS_EVIDENCE         | FOLLOW_UP_AND_CEP_SHARING | process-evidence  | P3Y
            """)
    void theRuleAndHowLongItKeepsFollowTheLaw(String begun, String kinds, Consents consents, String rule,
            Period kept) {
        BilanTimeline timeline = new BilanTimeline(paris(begun), Optional.of(END), consentsOf(consents, paris(begun)),
                List.of());
        for (DocumentKind kind : Arrays.stream(kinds.split(" ")).map(DocumentKind::valueOf).toList()) {
            Decision decision = POLICY.decide(new RetainedDocument(kind, paris(begun).plusSeconds(3600)), timeline, END);

            assertThat(decision.rule().id()).as("%s", kind).isEqualTo(rule);
            assertThat(decision.dueTime()).as("%s", kind)
                    .contains(END.atZone(RetentionPolicy.LEGAL_ZONE).plus(kept).toInstant());
        }
    }

    private static List<ConsentRecord> consentsOf(Consents consents, Instant time) {
        ConsentRecord followUp = new ConsentRecord(time, ConsentKind.FOLLOW_UP_RETENTION, null, ConsentDecision.GRANTED);
        ConsentRecord cep = new ConsentRecord(time, ConsentKind.SYNTHESIS_SHARING, RecipientKind.CEP_ADVISOR,
                ConsentDecision.GRANTED);
        return switch (consents) {
            case NONE -> List.of();
            case FOLLOW_UP -> List.of(followUp);
            case CEP_SHARING -> List.of(cep);
            case EMPLOYER_SHARING -> List.of(new ConsentRecord(time, ConsentKind.SYNTHESIS_SHARING,
                    RecipientKind.EMPLOYER, ConsentDecision.GRANTED));
            case FOLLOW_UP_AND_CEP_SHARING -> List.of(followUp, cep);
        };
    }

    private static Instant paris(String localTime) {
        return LocalDateTime.parse(localTime).atZone(RetentionPolicy.LEGAL_ZONE).toInstant();
    }
}
