package fr.bilan.session.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Duration;
import com.google.type.DayOfWeek;
import com.google.type.TimeOfDay;

import fr.bilan.proto.session.v1.CentreIdentity;
import fr.bilan.proto.session.v1.CentreServiceGrpc;
import fr.bilan.proto.session.v1.CentreSettings;
import fr.bilan.proto.session.v1.GetCentreSettingsRequest;
import fr.bilan.proto.session.v1.LocalHours;
import fr.bilan.proto.session.v1.WeeklyHours;
import fr.bilan.session.SessionServiceTestSupport;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** A centre's settings as its staff read them, from the shared context's centre Lyon and centre Réunion. */
class CentreSettingsGrpcTest extends SessionServiceTestSupport {

    private static final String REUNION = "centre-reunion";

    private static CentreSettings settings(String token, String centreId) {
        return CentreServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .getCentreSettings(GetCentreSettingsRequest.newBuilder().setCentreId(centreId).build()).getSettings();
    }

    private static WeeklyHours day(DayOfWeek day, String... ranges) {
        var weekly = WeeklyHours.newBuilder().setDay(day);
        for (String range : ranges) {
            String[] bounds = range.split("-");
            weekly.addHours(LocalHours.newBuilder().setStartTime(time(bounds[0])).setEndTime(time(bounds[1])));
        }
        return weekly.build();
    }

    private static TimeOfDay time(String text) {
        String[] parts = text.split(":");
        return TimeOfDay.newBuilder().setHours(Integer.parseInt(parts[0])).setMinutes(Integer.parseInt(parts[1])).build();
    }

    private static String networkAdmin() {
        return TestIdentityProvider.token("netadmin-1", "network-admin");
    }

    @Test
    void aConsultantOfTheCentreReadsItsZoneHoursRulesAndIdentity() {
        CentreSettings lyon = settings(consultant(newConsultantId()), CENTRE);

        assertThat(lyon.getCentreId()).isEqualTo(CENTRE);
        assertThat(lyon.getTimeZone().getId()).isEqualTo("Europe/Paris");
        assertThat(lyon.getTimeZone().getLabel()).isEqualTo("France métropolitaine");
        // the defaults of application.yaml, Monday first; the weekend is closed
        assertThat(lyon.getOpeningHoursList()).containsExactly(
                day(DayOfWeek.MONDAY, "09:00-12:30", "13:30-18:30"),
                day(DayOfWeek.TUESDAY, "09:00-12:30", "13:30-18:30"),
                day(DayOfWeek.WEDNESDAY, "09:00-12:30", "13:30-18:30"),
                day(DayOfWeek.THURSDAY, "09:00-12:30", "13:30-18:30"),
                day(DayOfWeek.FRIDAY, "09:00-12:30", "13:30-18:00"));
        var rules = lyon.getSessionRules();
        assertThat(rules.getMinSessionLength()).isEqualTo(Duration.newBuilder().setSeconds(30 * 60).build());
        assertThat(rules.getMaxSessionLength()).isEqualTo(Duration.newBuilder().setSeconds(3 * 3600).build());
        assertThat(rules.getMaxSessionsPerWeek()).isEqualTo(2);
        assertThat(rules.getMinDaysBetween()).isEqualTo(1);
        assertThat(rules.getRoomsList()).isEmpty();
        // the override's identity, as synthesis-service prints it: lines stripped, digits without spaces
        assertThat(lyon.getIdentity()).isEqualTo(CentreIdentity.newBuilder().setName("Bilans & Parcours Lyon")
                .addAddressLines("12, rue de la République").addAddressLines("69002 Lyon")
                .setDeclarationNumber("84691234569").setLogoConfigured(true).build());
    }

    @Test
    void itsManagersAndAuditorsReadItToo() {
        CentreSettings byConsultant = settings(consultant(newConsultantId()), CENTRE);

        assertThat(settings(manager(), CENTRE)).isEqualTo(byConsultant);
        assertThat(settings(auditor(), CENTRE)).isEqualTo(byConsultant);
    }

    @Test
    void anOverseasCentreAnswersItsOwnZoneAndAnEmptyIdentityWhenNoneIsConfigured() {
        CentreSettings reunion = settings(TestIdentityProvider.token("consultant-reunion", List.of(REUNION),
                "consultant"), REUNION);

        assertThat(reunion.getCentreId()).isEqualTo(REUNION);
        assertThat(reunion.getTimeZone().getId()).isEqualTo("Indian/Reunion");
        assertThat(reunion.getTimeZone().getLabel()).isEqualTo("La Réunion");
        // the default rules, read in the centre's own local time
        assertThat(reunion.getOpeningHoursList()).hasSize(5);
        assertThat(reunion.getOpeningHoursList().get(0)).isEqualTo(day(DayOfWeek.MONDAY, "09:00-12:30", "13:30-18:30"));
        assertThat(reunion.hasIdentity()).isTrue();
        assertThat(reunion.getIdentity()).isEqualTo(CentreIdentity.getDefaultInstance());
    }

    @Test
    void aNetworkAdministratorReadsAnyCentre() {
        String admin = networkAdmin();

        assertThat(settings(admin, CENTRE)).isEqualTo(settings(manager(), CENTRE));
        assertThat(settings(admin, REUNION).getTimeZone().getId()).isEqualTo("Indian/Reunion");
        // a centre without settings of its own follows the defaults
        assertThat(settings(admin, "centre-brest").getTimeZone().getId()).isEqualTo("Europe/Paris");
    }

    @Test
    void theStaffOfAnotherCentreAndOtherRolesAreRefusedInFrenchWithoutAnAccessRecord() {
        long recordsBefore = database.getCollection("access_records").countDocuments();
        String consultantElsewhere = TestIdentityProvider.token("consultant-paris", List.of("centre-paris"), "consultant");
        String auditorOfLyon = auditor();
        String beneficiary = TestIdentityProvider.token("account-1", List.of(CENTRE), "beneficiary");

        assertThatThrownBy(() -> settings(consultantElsewhere, CENTRE)).isInstanceOfSatisfying(
                StatusRuntimeException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(refused.getStatus().getDescription()).isEqualTo("Vous ne consultez que les réglages "
                            + "de vos centres : ce centre n'en fait pas partie.");
                });
        assertThat(codeOf(() -> settings(auditorOfLyon, REUNION))).isEqualTo(Status.Code.PERMISSION_DENIED);
        // the contract's roles: a beneficiary is refused whatever centre their token names
        assertThat(codeOf(() -> settings(beneficiary, CENTRE))).isEqualTo(Status.Code.PERMISSION_DENIED);
        // settings are no one's personal data: neither reads nor refusals are access records
        settings(consultant(newConsultantId()), CENTRE);
        assertThat(database.getCollection("access_records")
                .countDocuments(new Document("operation", "centre.get-settings"))).isZero();
        assertThat(database.getCollection("access_records").countDocuments()).isEqualTo(recordsBefore);
    }

    @Test
    void aMissingCentreIsRefusedNamingTheField() {
        assertThat(FieldErrors.fieldsOf(() -> settings(networkAdmin(), ""))).containsExactly("centre_id");
    }
}
