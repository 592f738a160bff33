package fr.bilan.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import fr.bilan.proto.beneficiary.internal.v1.BeneficiaryContactServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.GetBeneficiaryContactRequest;
import fr.bilan.proto.beneficiary.internal.v1.GetBeneficiaryContactResponse;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import io.grpc.BindableService;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * beneficiary-service's {@code BeneficiaryContactService} as notification-service sees it, on a free
 * loopback port: answers the contacts a test puts, {@code NOT_FOUND} for any other beneficiary,
 * {@code INVALID_ARGUMENT} naming the field for a missing beneficiary or a purpose the register cannot keep
 * (as the real one: {@code BeneficiaryContactContract}), checks the bearer token (signature,
 * issuer, role platform-service) as the real one does, records every call, and fails on demand
 * ({@code UNAVAILABLE}: the next calls, or all of them until {@link #heal()}).
 */
public final class FakeBeneficiaryContacts {

    /** One call received: whom it asked about, why, and how it was answered. */
    public record Call(String beneficiaryId, String purpose, Status.Code answer) {
    }

    /** As beneficiary-service takes a purpose: one word of the register's vocabulary, at most 64 characters. */
    private static final Pattern PURPOSE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final int MAX_PURPOSE_LENGTH = 64;

    public final int port = GrpcServiceTestSupport.freePort();
    private final Server server;
    private final ServerServiceDefinition definition;
    private final Map<String, GetBeneficiaryContactResponse> contacts = new ConcurrentHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger failuresToGo = new AtomicInteger();
    private volatile boolean down;

    private FakeBeneficiaryContacts() {
        var service = new BeneficiaryContactServiceGrpc.BeneficiaryContactServiceImplBase() {
            @Override
            public void getBeneficiaryContact(GetBeneficiaryContactRequest request,
                    StreamObserver<GetBeneficiaryContactResponse> response) {
                StatusRuntimeException refused = answer(request);
                record(new Call(request.getBeneficiaryId(), request.getPurpose(),
                        refused == null ? Status.Code.OK : refused.getStatus().getCode()));
                if (refused != null) {
                    response.onError(refused);
                    return;
                }
                response.onNext(contacts.get(request.getBeneficiaryId()));
                response.onCompleted();
            }
        };
        definition = PlatformCallers.withTokens(service);
        server = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create()).addService(definition).build();
    }

    /**
     * The same stand-in, to serve on another server as well: a service's own test port, where its
     * channel to beneficiary-service also reaches the access register ({@link TestAccessRegister}).
     */
    public BindableService bindable() {
        return () -> definition;
    }

    /** A fake listening until the test JVM ends. */
    public static FakeBeneficiaryContacts started() {
        FakeBeneficiaryContacts fake = new FakeBeneficiaryContacts();
        try {
            fake.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(fake.server::shutdownNow));
        return fake;
    }

    /** How the call is refused, as beneficiary-service would refuse it; {@code null} when it is answered. */
    private StatusRuntimeException answer(GetBeneficiaryContactRequest request) {
        Status token = checkToken();
        if (!token.isOk()) {
            return token.asRuntimeException();
        }
        if (down || failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException();
        }
        FieldViolations violations = new FieldViolations()
                .requireText("beneficiary_id", request.getBeneficiaryId(), Lookups.MAX_ID_LENGTH);
        String purpose = request.getPurpose();
        if (purpose.isBlank() || purpose.length() > MAX_PURPOSE_LENGTH) {
            violations.requireText("purpose", purpose, MAX_PURPOSE_LENGTH);
        } else if (!PURPOSE.matcher(purpose).matches()) {
            violations.add("purpose", "Indiquez l'objet de la lecture en un mot, par exemple le type du message : convocation.");
        }
        try {
            violations.throwIfAny();
        } catch (StatusRuntimeException refused) {
            return refused;
        }
        if (!contacts.containsKey(request.getBeneficiaryId())) {
            return Status.NOT_FOUND.withDescription("Bénéficiaire introuvable.").asRuntimeException();
        }
        return null;
    }

    /** As beneficiary-service's own check would answer. */
    private Status checkToken() {
        PlatformCallers.Checked caller = PlatformCallers.check();
        return caller.taken() ? Status.OK : caller.refusal();
    }

    private synchronized void record(Call call) {
        calls.add(call);
    }

    /** Adds or replaces a beneficiary's contact; an empty {@code email} means none is known. */
    public void put(String beneficiaryId, String centreId, String givenName, String familyName, String email,
            String accountId, String... consultantIds) {
        contacts.put(beneficiaryId, GetBeneficiaryContactResponse.newBuilder().setCentreId(centreId)
                .setGivenName(givenName).setFamilyName(familyName).setEmail(email).setAccountId(accountId)
                .addAllConsultantIds(List.of(consultantIds)).build());
    }

    /** The beneficiary is unknown from now on (erased). */
    public void remove(String beneficiaryId) {
        contacts.remove(beneficiaryId);
    }

    /** The next {@code count} calls fail with {@code UNAVAILABLE}. */
    public void failNext(int count) {
        failuresToGo.set(count);
    }

    /** Every call fails with {@code UNAVAILABLE} until {@link #heal()}. */
    public void goDown() {
        down = true;
    }

    /** No more failures on demand. */
    public void heal() {
        down = false;
        failuresToGo.set(0);
    }

    /** The calls about a beneficiary, in the order they came. */
    public synchronized List<Call> callsFor(String beneficiaryId) {
        return calls.stream().filter(call -> call.beneficiaryId().equals(beneficiaryId)).toList();
    }
}
