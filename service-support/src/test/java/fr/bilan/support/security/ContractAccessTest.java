package fr.bilan.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.grpc.server.security.CallContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import fr.bilan.proto.session.v1.AssessmentServiceGrpc;
import fr.bilan.proto.session.v1.CalendarFeedServiceGrpc;
import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/** The contract decides who passes: its roles, or anyone for an RPC whose path secret is the credential. */
class ContractAccessTest {

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("anonymous", "anonymous",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final ContractAccess access = new ContractAccess();

    @Test
    void letsAnyoneCallAnRpcDeclaredPublicWithASecretPath() {
        assertThat(granted(CalendarFeedServiceGrpc.getGetCalendarFeedMethod(), ANONYMOUS)).isTrue();
        assertThat(granted(CalendarFeedServiceGrpc.getGetCalendarFeedMethod(), user("auditor"))).isTrue();
    }

    @Test
    void keepsEveryOtherRpcToTheRolesItNames() {
        assertThat(granted(CalendarFeedServiceGrpc.getCreateCalendarFeedMethod(), ANONYMOUS)).isFalse();
        assertThat(granted(CalendarFeedServiceGrpc.getCreateCalendarFeedMethod(), user("consultant"))).isTrue();
        assertThat(granted(CalendarFeedServiceGrpc.getCreateCalendarFeedMethod(), user("auditor"))).isFalse();
        assertThat(granted(AssessmentServiceGrpc.getListSessionsMethod(), ANONYMOUS)).isFalse();
    }

    private boolean granted(MethodDescriptor<?, ?> method, Authentication caller) {
        return access.authorize(() -> caller, new CallContext(new Metadata(), Attributes.EMPTY, method)).isGranted();
    }

    private static Authentication user(String role) {
        return new TestingAuthenticationToken("someone", null, "ROLE_" + role);
    }
}
