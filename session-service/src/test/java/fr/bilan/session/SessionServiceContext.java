package fr.bilan.session;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.support.testing.TestAccessRegister;
import fr.bilan.support.testing.TestClock;

/**
 * The one application context every gRPC test of the service shares (they share one gRPC port): the
 * service with {@link TestClock}, and beneficiary-service stood in for by
 * {@link FakeBeneficiaryService} on the same port, so that the caller's token really travels and is
 * really checked there, with the access register ({@link TestAccessRegister}) the records go to; centre Lyon's provider is {@link #PROVIDER_SIRET}, and it has
 * a printed identity (none by default); centre Réunion keeps the default rules in its own zone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = { SessionApplication.class, TestClock.class, FakeBeneficiaryService.class,
        FakeBeneficiaryService.Fundings.class, FakeBeneficiaryService.Agreements.class, TestAccessRegister.class },
        properties = { "spring.grpc.client.channel.beneficiary.target=127.0.0.1:${spring.grpc.server.port}",
            "bilan.centres.overrides.centre-lyon.provider-siret=" + SessionServiceContext.PROVIDER_SIRET,
            "bilan.centres.overrides.centre-lyon.name=Bilans & Parcours Lyon",
            "bilan.centres.overrides.centre-lyon.address=12, rue de la République\\r\\n  69002 Lyon ",
            "bilan.centres.overrides.centre-lyon.declaration-number=846 912 345 69",
            // session-service only says a logo is set: synthesis-service reads it, on its own file system
            "bilan.centres.overrides.centre-lyon.logo=file:/etc/bilan/logo-lyon.png",
            "bilan.centres.overrides.centre-reunion.zone=REUNION" })
public @interface SessionServiceContext {

    /** The organisation whose consultants run centre Lyon's bilans. */
    String PROVIDER_SIRET = "99999999900019";
}
