package fr.bilan.notification.delivery;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.bilan.notification.NotificationApplication;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.SessionPhase;
import fr.bilan.notification.message.Subject;
import fr.bilan.notification.template.Letter;
import fr.bilan.notification.template.MessageTemplates;
import fr.bilan.notification.template.RenderedMessage;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.proto.notification.internal.v1.SessionScheduled;
import fr.bilan.support.identity.Account;
import fr.bilan.support.testing.FakeBeneficiaryContacts;
import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Convocations through the whole path against the time a real SMTP server (GreenMail, in this JVM, on
 * loopback) takes to take the same number of messages from a bare client, in the same run:
 * <ul>
 * <li>{@code wholePath}: notification-service as it runs (Spring context, embedded MongoDB in memory,
 * its gRPC server), told {@code convocations} booked sessions by RecordEvents over gRPC as a platform
 * service (500 facts a call), which it records, plans and sends: per message, the beneficiary's contact
 * read over gRPC from beneficiary-service's stand-in (the service's own token), the consultant's name from
 * the identity provider's stand-in, the real templates (HTML, text, .ics), SMTP; timed until the server
 * holds every message;</li>
 * <li>{@code bareSmtp}: Spring's JavaMailSender alone, sending a convocation written once by the same
 * templates (same parts, same size) to the same addresses, one message a connection as the service
 * sends.</li>
 * </ul>
 * Both tell Jakarta Mail the local host name ({@code mail.smtp.localhost}), so that no name resolution
 * per connection weighs on either. Each iteration starts with the server's mailboxes emptied.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ConvocationThroughputBenchmark {

    private static final String CONSULTANT = "consultant-bench";
    private static final int FACTS_PER_CALL = 500;

    @Param("10000")
    public int convocations;

    private final int smtpPort = GrpcServiceTestSupport.freePort();
    private final int grpcPort = GrpcServiceTestSupport.freePort();
    private GreenMail mail;
    private FakeBeneficiaryContacts contacts;
    private ConfigurableApplicationContext service;
    private ManagedChannel channel;
    private JavaMailSenderImpl bare;
    private RenderedMessage written;
    private int round;

    @Setup(Level.Trial)
    public void start() {
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        contacts = FakeBeneficiaryContacts.started();
        for (int i = 0; i < convocations; i++) {
            contacts.put(beneficiary(i), "centre-lyon", "Camille", "Martin", address(i), "", CONSULTANT);
        }
        FakeKeycloakAdmin.instance().put(new Account(CONSULTANT, Set.of("consultant"), Set.of("centre-lyon"),
                "claire.dubois@example.org", "Claire", "Dubois"));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.grpc.server.port", grpcPort);
        properties.put("spring.grpc.server.address", "127.0.0.1");
        properties.put("server.port", GrpcServiceTestSupport.freePort());
        properties.put("bilan.embedded.enabled", "true");
        properties.put("bilan.embedded.store", "memory");
        properties.put("bilan.oidc.issuer", TestIdentityProvider.issuer());
        properties.put("bilan.oidc.jwks-uri", TestIdentityProvider.jwksUri());
        properties.put("bilan.oidc.token-uri", TestIdentityProvider.tokenEndpoint());
        properties.put("bilan.oidc.client-secret", "bench-only-secret");
        properties.put("bilan.directory.realm-admin-uri", FakeKeycloakAdmin.instance().realmAdminUri().toString());
        properties.put("bilan.directory.token-uri", TestIdentityProvider.tokenEndpoint());
        properties.put("bilan.directory.client-secret", "bench-only-directory-secret");
        properties.put("spring.grpc.client.channel.beneficiary.target", "127.0.0.1:" + contacts.port);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtpPort);
        properties.put("spring.mail.properties.mail.smtp.localhost", "localhost");
        properties.put("bilan.notification.delivery.interval", "50ms");
        properties.put("bilan.notification.delivery.batch-size", "1000");
        properties.put("bilan.notification.delivery.rate-per-second", "1000000");
        properties.put("logging.level.root", "WARN");
        // as arguments, as ./bilan up passes them: above the service's own application.yaml
        service = new SpringApplicationBuilder(NotificationApplication.class).run(properties.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();

        bare = new JavaMailSenderImpl();
        bare.setHost("127.0.0.1");
        bare.setPort(smtpPort);
        bare.setDefaultEncoding("UTF-8");
        bare.getJavaMailProperties().put("mail.smtp.localhost", "localhost");
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS);
        written = service.getBean(MessageTemplates.class).render(new Letter(NotificationKind.CONVOCATION,
                new Subject.Session("a-bench", "s-bench", CONSULTANT, SessionPhase.INVESTIGATION, start,
                        start.plus(90, ChronoUnit.MINUTES), "Salle Garonne", null, 0, "a-bench.s-bench@bilan-competences"),
                "Camille Martin", address(0), "Claire Dubois", null, "Centre de bilans de Lyon", ZoneId.of("Europe/Paris"),
                URI.create("http://localhost:3000/assessments/a-bench/sessions/s-bench")));
    }

    @Setup(Level.Iteration)
    public void emptyMailboxes() throws Exception {
        mail.purgeEmailFromAllMailboxes();
        round++;
    }

    @TearDown(Level.Trial)
    public void stop() {
        channel.shutdownNow();
        service.close();
        mail.stop();
    }

    @Benchmark
    public int wholePath() {
        var intake = NotificationIntakeServiceGrpc.newBlockingStub(channel).withCallCredentials(platform());
        Instant now = Instant.now();
        RecordEventsRequest.Builder batch = RecordEventsRequest.newBuilder();
        for (int i = 0; i < convocations; i++) {
            Instant start = now.plus(7, ChronoUnit.DAYS).plus(i % 480, ChronoUnit.MINUTES);
            String assessment = "a-" + round + "-" + i;
            batch.addEvents(NotificationEvent.newBuilder().setEventId("session/" + assessment + "/s1/0")
                    .setOccurTime(ProtoTime.of(now))
                    .setSessionScheduled(SessionScheduled.newBuilder().setAssessmentId(assessment).setSessionId("s1")
                            .setBeneficiaryId(beneficiary(i)).setCentreId("centre-lyon").setConsultantId(CONSULTANT)
                            .setPhase(fr.bilan.proto.notification.internal.v1.SessionPhase.INVESTIGATION)
                            .setStartTime(ProtoTime.of(start)).setEndTime(ProtoTime.of(start.plus(90, ChronoUnit.MINUTES)))
                            .setRoom("Salle Garonne").setCalendarUid(assessment + ".s1@bilan-competences")));
            if (batch.getEventsCount() == FACTS_PER_CALL || i == convocations - 1) {
                intake.withDeadlineAfter(60, TimeUnit.SECONDS).recordEvents(batch.build());
                batch = RecordEventsRequest.newBuilder();
            }
        }
        return awaitAll();
    }

    @Benchmark
    public int bareSmtp() throws Exception {
        InternetAddress from = new InternetAddress("Bilan de compétences <ne-pas-repondre@bilan.localhost>");
        for (int i = 0; i < convocations; i++) {
            MimeMessage mime = bare.createMimeMessage();
            MimeMessageHelper parts = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            parts.setFrom(from);
            parts.setTo(address(i));
            parts.setSubject(written.subject());
            parts.setText(written.text(), written.html());
            for (RenderedMessage.Attachment attachment : written.attachments()) {
                parts.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            bare.send(mime);
        }
        return awaitAll();
    }

    /** Waits until the server holds every message of the iteration; fails after 30 minutes. */
    private int awaitAll() {
        if (!mail.waitForIncomingEmail(TimeUnit.MINUTES.toMillis(30), convocations)) {
            throw new IllegalStateException("only " + mail.getReceivedMessages().length + " of " + convocations
                    + " messages arrived");
        }
        return convocations;
    }

    private static String beneficiary(int i) {
        return "b-" + i;
    }

    private static String address(int i) {
        return "beneficiaire." + i + "@example.org";
    }

    private static CallCredentials platform() {
        String token = TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE);
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo requestInfo, java.util.concurrent.Executor executor,
                    MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(headers);
            }
        };
    }
}
