package fr.bilan.support.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

import com.google.rpc.BadRequest;

import fr.bilan.support.refusal.AlreadyExists;
import fr.bilan.support.refusal.Conflict;
import fr.bilan.support.refusal.DomainRefusal;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.NotFound;
import fr.bilan.support.refusal.RuleRefusal;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;

class DomainRefusalsTest {

    private final GrpcExceptionHandler handler = new UnexpectedErrors().unexpectedErrorHandler();

    /** The contract's status for each kind of refusal: the one table, every kind of the family in it. */
    private static final Map<Class<? extends DomainRefusal>, Status.Code> STATUS = Map.of(
            RuleRefusal.class, Status.Code.FAILED_PRECONDITION,
            Conflict.class, Status.Code.ABORTED,
            AlreadyExists.class, Status.Code.ALREADY_EXISTS,
            NotFound.class, Status.Code.NOT_FOUND,
            Forbidden.class, Status.Code.PERMISSION_DENIED,
            InvalidFields.class, Status.Code.INVALID_ARGUMENT);

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(new RuleRefusal("Ce bilan est clos."), "Ce bilan est clos."),
                Arguments.of(new Conflict("Modifié entre-temps."), "Modifié entre-temps."),
                Arguments.of(new AlreadyExists("Existe déjà."), "Existe déjà."),
                Arguments.of(new NotFound("Séance introuvable."), "Séance introuvable."),
                Arguments.of(new Forbidden("Pas l'un des vôtres."), "Pas l'un des vôtres."),
                Arguments.of(InvalidFields.of("amountCents", "Ce champ est obligatoire."),
                        "La requête contient 1 champ(s) invalide(s)."));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void eachRefusalIsAnsweredWithItsStatusAndFrenchReason(DomainRefusal refusal, String description) {
        StatusException answer = handler.handleException(refusal);

        assertThat(answer.getStatus().getCode()).isEqualTo(STATUS.get(refusal.getClass()));
        assertThat(answer.getStatus().getDescription()).isEqualTo(description);
    }

    @Test
    void everyKindOfTheFamilyHasItsStatusAndIsTested() {
        List<Class<?>> kinds = Arrays.asList(DomainRefusal.class.getPermittedSubclasses());

        assertThat(kinds).containsExactlyInAnyOrderElementsOf(STATUS.keySet());
        assertThat(refusals().<Class<?>>map(arguments -> arguments.get()[0].getClass()).toList())
                .containsExactlyInAnyOrderElementsOf(kinds);
    }

    @Test
    void aSubclassKeepsTheStatusOfItsKind() {
        class EvidenceGone extends RuleRefusal {
            EvidenceGone() {
                super("Détruit.");
            }
        }

        assertThat(handler.handleException(new EvidenceGone()).getStatus().getCode())
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
    }

    @Test
    void invalidFieldsNameEachFieldAsTheJsonSpellsIt() throws Exception {
        StatusException answer = handler.handleException(new InvalidFields(List.of(
                new InvalidFields.Violation("startTime", "Ce champ est obligatoire."),
                new InvalidFields.Violation("funding.amountCents", "Le montant doit être positif."))));

        BadRequest details = StatusProto.fromThrowable(answer).getDetails(0).unpack(BadRequest.class);
        assertThat(details.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
                .containsExactly("startTime", "funding.amountCents");
    }
}
