package fr.bilan.retention.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.proto.auth.AccessRules;
import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;

/**
 * Who reaches a bilan's retention, without gRPC: session-service's answer is a stand-in that knows
 * bilan-1 (centre-a) and refuses any other bilan, and records whether it was asked.
 */
class BilanAccessTest {

    /** session-service's refusal as it comes back, its French text included. */
    private static final String SESSIONS_REFUSAL = "Ce bilan n'est pas l'un des vôtres.";

    private final List<String> asked = new ArrayList<>();
    private final BilanAccess access = new BilanAccess(assessmentId -> {
        asked.add(assessmentId);
        String centre = Map.of("bilan-1", "centre-a").get(assessmentId);
        if (centre == null) {
            throw new Forbidden(SESSIONS_REFUSAL);
        }
        return centre;
    });

    @ParameterizedTest(name = "{0} of {1}, centre known: {2} -> session-service asked: {3}")
    @CsvSource({
            // an auditor of the bilan's centre is let in here; anyone else is session-service's to decide
            "AUDITOR,        centre-a, centre-a, false",
            "AUDITOR,        centre-b, centre-a, true",
            "AUDITOR,        centre-a, ,         true",
            "CENTRE_MANAGER, centre-a, centre-a, true",
            "CONSULTANT,     centre-a, centre-a, true",
            "BENEFICIARY,    ,         centre-a, true",
            "NETWORK_ADMIN,  ,         centre-a, true"})
    void aScheduleIsReadByTheCentresAuditorsOrWhoeverSessionServiceLetsRead(Role role, String member,
            String knownCentre, boolean sessionsAsked) {
        access.checkRead(caller(role, member), "bilan-1", Optional.ofNullable(knownCentre));

        assertThat(asked).isEqualTo(sessionsAsked ? List.of("bilan-1") : List.of());
    }

    @ParameterizedTest(name = "{0} of {1} on {2} (centre known: {3}) -> {4}")
    @CsvSource({
            "NETWORK_ADMIN,  ,         bilan-9, centre-z, centre-z",
            "NETWORK_ADMIN,  ,         bilan-1, ,         centre-a",
            "CENTRE_MANAGER, centre-a, bilan-1, centre-a, centre-a",
            "CENTRE_MANAGER, centre-a, bilan-1, ,         centre-a",
            "CENTRE_MANAGER, centre-b, bilan-1, centre-a, refused",
            "CENTRE_MANAGER, centre-b, bilan-1, ,         refused",
            "AUDITOR,        centre-a, bilan-1, centre-a, refused",
            "CONSULTANT,     centre-a, bilan-1, centre-a, refused"})
    void aHoldIsForTheCentresManagersAndTheNetworkAdministration(Role role, String member, String assessmentId,
            String knownCentre, String outcome) {
        Caller caller = caller(role, member);
        if (outcome.equals("refused")) {
            assertThatThrownBy(() -> access.checkHold(caller, assessmentId, Optional.ofNullable(knownCentre)))
                    .isInstanceOf(Forbidden.class).hasMessage("Seuls un responsable du centre de ce bilan et "
                            + "l'administration du réseau peuvent suspendre ou reprendre la destruction de ses documents.");
        } else {
            assertThat(access.checkHold(caller, assessmentId, Optional.ofNullable(knownCentre))).isEqualTo(outcome);
        }
    }

    @ParameterizedTest
    @CsvSource({"CONSULTANT", "CENTRE_MANAGER"})
    void sessionServicesRefusalComesBackAsItIs(Role role) {
        assertThatThrownBy(() -> access.checkHold(caller(role, "centre-a"), "bilan-2", Optional.empty()))
                .isInstanceOf(Forbidden.class).hasMessage(SESSIONS_REFUSAL);
        assertThatThrownBy(() -> access.checkRead(caller(role, "centre-a"), "bilan-2", Optional.of("centre-a")))
                .isInstanceOf(Forbidden.class).hasMessage(SESSIONS_REFUSAL);
    }

    private static Caller caller(Role role, String member) {
        return new Caller("someone", Set.of(AccessRules.realmRole(role)), member == null ? Set.of() : Set.of(member));
    }
}
