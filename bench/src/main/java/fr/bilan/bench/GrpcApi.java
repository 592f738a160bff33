package fr.bilan.bench;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.ListBeneficiariesRequest;
import fr.bilan.proto.beneficiary.v1.ListBeneficiariesResponse;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;

/** Straight to beneficiary-service over gRPC, one channel (HTTP/2 connection) as the gateway uses. */
final class GrpcApi implements BeneficiaryApi {

    private final ManagedChannel channel;
    private final BeneficiaryServiceGrpc.BeneficiaryServiceBlockingStub stub;

    GrpcApi(String target, String token) {
        channel = NettyChannelBuilder.forTarget(target).usePlaintext().build();
        stub = BeneficiaryServiceGrpc.newBlockingStub(channel).withCallCredentials(new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(headers);
            }
        });
    }

    @Override
    public String create(Beneficiary beneficiary) {
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                .createBeneficiary(CreateBeneficiaryRequest.newBuilder().setBeneficiary(beneficiary).build())
                .getBeneficiary().getId();
    }

    @Override
    public ListBeneficiariesResponse list(ListBeneficiariesRequest request) {
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS).listBeneficiaries(request);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
