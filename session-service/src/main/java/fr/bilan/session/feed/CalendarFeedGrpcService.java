package fr.bilan.session.feed;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;

import fr.bilan.proto.session.v1.CalendarFeedServiceGrpc;
import fr.bilan.proto.session.v1.CreateCalendarFeedRequest;
import fr.bilan.proto.session.v1.CreateCalendarFeedResponse;
import fr.bilan.proto.session.v1.GetCalendarFeedRequest;
import fr.bilan.proto.session.v1.GetCalendarFeedResponse;
import fr.bilan.proto.session.v1.RevokeCalendarFeedRequest;
import fr.bilan.proto.session.v1.RevokeCalendarFeedResponse;
import fr.bilan.session.assessment.AssessmentRepository;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.refusal.NotFound;
import fr.bilan.support.security.Caller;
import fr.bilan.support.security.SecretPathTokens;
import fr.bilan.support.time.ProtoTime;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of calendar feeds. Making and revoking a feed URL is the caller's own business (by
 * their token); reading a feed has no token, its URL's secret is the credential: an unknown,
 * replaced or revoked one gets the same NOT_FOUND, and the read is recorded as the owner's.
 */
@GrpcService
class CalendarFeedGrpcService extends CalendarFeedServiceGrpc.CalendarFeedServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(CalendarFeedGrpcService.class);
    /** The feed's route at the gateway, as the contract binds it. */
    static final String PATH = "/api/v1/calendarFeeds/";
    static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

    private final CalendarFeedRepository feeds;
    private final FeedSessions sessions;
    private final CalendarFeedProperties properties;
    private final AccessLog accessLog;
    private final Clock clock;

    CalendarFeedGrpcService(CalendarFeedRepository feeds, FeedSessions sessions, CalendarFeedProperties properties,
            AccessLog accessLog, Clock clock) {
        this.feeds = feeds;
        this.sessions = sessions;
        this.properties = properties;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public void createCalendarFeed(CreateCalendarFeedRequest request,
            StreamObserver<CreateCalendarFeedResponse> response) {
        FeedOwner owner = FeedOwner.of(Caller.current());
        String token = SecretPathTokens.newToken();
        String hash = SecretPathTokens.hash(token);
        Instant now = clock.instant();
        feeds.replace(owner, hash, now);
        log.info("Calendar feed {} made for a {}, in place of any previous one", SecretPathTokens.logName(hash),
                owner.kind());
        response.onNext(CreateCalendarFeedResponse.newBuilder().setUrlPath(PATH + token)
                .setCreateTime(ProtoTime.of(now)).build());
        response.onCompleted();
    }

    @Override
    public void revokeCalendarFeed(RevokeCalendarFeedRequest request,
            StreamObserver<RevokeCalendarFeedResponse> response) {
        boolean revoked = feeds.revoke(FeedOwner.of(Caller.current()), clock.instant());
        response.onNext(RevokeCalendarFeedResponse.newBuilder().setRevoked(revoked).build());
        response.onCompleted();
    }

    @Override
    public void getCalendarFeed(GetCalendarFeedRequest request, StreamObserver<GetCalendarFeedResponse> response) {
        String hash = SecretPathTokens.hash(request.getToken());
        FeedOwner owner = Optional.of(request.getToken()).filter(SecretPathTokens::wellFormed)
                .flatMap(wellFormed -> feeds.ownerOf(hash))
                .orElseThrow(() -> new NotFound("Aucun agenda ne correspond à ce lien : il est inconnu, ou a été "
                        + "remplacé ou révoqué."));
        Instant now = clock.instant();
        List<FeedEvent> events = sessions.of(owner, now);
        accessLog.recordAll(owner.asCaller(), events.stream().map(FeedEvent::assessment)
                .distinct().map(AssessmentRepository::accessed).toList());
        log.info("Calendar feed {} read: {} sessions", SecretPathTokens.logName(hash), events.size());
        String calendar = SessionCalendar.write(owner.kind(), events, now, properties.refreshInterval());
        response.onNext(GetCalendarFeedResponse.newBuilder().setBody(HttpBody.newBuilder().setContentType(MEDIA_TYPE)
                .setData(ByteString.copyFrom(calendar, StandardCharsets.UTF_8))).build());
        response.onCompleted();
    }
}
