package fr.bilan.session.centre;

import java.time.DayOfWeek;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import com.google.type.TimeOfDay;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.proto.session.v1.CentreServiceGrpc;
import fr.bilan.proto.session.v1.CentreTimeZone;
import fr.bilan.proto.session.v1.GetCentreSettingsRequest;
import fr.bilan.proto.session.v1.GetCentreSettingsResponse;
import fr.bilan.proto.session.v1.LocalHours;
import fr.bilan.proto.session.v1.SessionRules;
import fr.bilan.proto.session.v1.WeeklyHours;
import fr.bilan.session.calendar.CentreIdentity;
import fr.bilan.session.calendar.CentreProperties;
import fr.bilan.session.calendar.CentreRules;
import fr.bilan.session.calendar.CentreSettings;
import fr.bilan.session.calendar.OpeningHours;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of a centre's settings, for its staff: the contract lets consultants, centre
 * managers, auditors and network administrators call; here the first three reach only the centres
 * of their {@code centres} claim, network administrators every centre. Settings hold no personal
 * data, so reading them is logged, not recorded in the access log of personal data.
 */
@GrpcService
class CentreGrpcService extends CentreServiceGrpc.CentreServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(CentreGrpcService.class);

    private final CentreProperties centres;

    CentreGrpcService(CentreProperties centres) {
        this.centres = centres;
    }

    @Override
    public void getCentreSettings(GetCentreSettingsRequest request, StreamObserver<GetCentreSettingsResponse> response) {
        Caller caller = Caller.current();
        new FieldViolations().requireText("centre_id", request.getCentreId(), Lookups.MAX_ID_LENGTH).throwIfAny();
        checkReader(caller, request.getCentreId());
        GetCentreSettingsResponse answer = GetCentreSettingsResponse.newBuilder()
                .setSettings(toProto(centres.settings(request.getCentreId()))).build();
        log.info("Settings of centre {} read by {}", request.getCentreId(), caller.subject());
        response.onNext(answer);
        response.onCompleted();
    }

    /** Network administrators: every centre; the centre's consultants, managers and auditors: their own. */
    private static void checkReader(Caller caller, String centreId) {
        if (!caller.holdsIn(centreId, Role.CONSULTANT, Role.CENTRE_MANAGER, Role.AUDITOR)
                && !caller.hasRole(Role.NETWORK_ADMIN)) {
            throw new Forbidden("Vous ne consultez que les réglages de vos centres : ce centre n'en fait pas partie.");
        }
    }

    private static fr.bilan.proto.session.v1.CentreSettings toProto(CentreSettings settings) {
        CentreRules rules = settings.rules();
        var message = fr.bilan.proto.session.v1.CentreSettings.newBuilder()
                .setCentreId(settings.centreId())
                .setTimeZone(CentreTimeZone.newBuilder().setId(rules.zone().zone().getId())
                        .setLabel(rules.zone().label()))
                .setSessionRules(SessionRules.newBuilder()
                        .setMinSessionLength(duration(rules.minLength()))
                        .setMaxSessionLength(duration(rules.maxLength()))
                        .setMaxSessionsPerWeek(rules.maxSessionsPerWeek())
                        .setMinDaysBetween(rules.minDaysBetween())
                        .addAllRooms(settings.rooms()))
                .setIdentity(toProto(settings.identity()));
        // Monday first, as the week of the rules runs
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningHours> hours = rules.openingHours().getOrDefault(day, List.of());
            if (!hours.isEmpty()) {
                var weekly = WeeklyHours.newBuilder().setDay(com.google.type.DayOfWeek.forNumber(day.getValue()));
                hours.forEach(range -> weekly.addHours(LocalHours.newBuilder().setStartTime(time(range.opens()))
                        .setEndTime(time(range.closes()))));
                message.addOpeningHours(weekly);
            }
        }
        return message.build();
    }

    private static fr.bilan.proto.session.v1.CentreIdentity toProto(CentreIdentity identity) {
        return fr.bilan.proto.session.v1.CentreIdentity.newBuilder()
                .setName(identity.name())
                .addAllAddressLines(identity.addressLines())
                .setDeclarationNumber(identity.declarationNumber())
                .setLogoConfigured(identity.logoConfigured())
                .build();
    }

    private static com.google.protobuf.Duration duration(java.time.Duration duration) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(duration.toSeconds()).build();
    }

    private static TimeOfDay time(java.time.LocalTime time) {
        return TimeOfDay.newBuilder().setHours(time.getHour()).setMinutes(time.getMinute())
                .setSeconds(time.getSecond()).build();
    }
}
