package fr.bilan.retention;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.proto.retention.v1.RetentionServiceGrpc;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;

/** Base of the intake tests: the service, and stubs calling it as a given caller. */
@SpringBootTest(classes = RetentionApplication.class)
public abstract class RetentionServiceTestSupport extends GrpcServiceTestSupport {

    protected static RetentionServiceGrpc.RetentionServiceBlockingStub as(String token) {
        return RetentionServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** As an outbox relay calls: the services' own identity. */
    protected static RetentionServiceGrpc.RetentionServiceBlockingStub platform() {
        return as(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE));
    }

    /** Without a token. */
    protected static RetentionServiceGrpc.RetentionServiceBlockingStub anonymous() {
        return RetentionServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS);
    }
}
