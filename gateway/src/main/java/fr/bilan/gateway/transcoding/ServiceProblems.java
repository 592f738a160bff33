package fr.bilan.gateway.transcoding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.ServerWebExchange;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;

import fr.bilan.gateway.problem.CorrelationId;
import fr.bilan.gateway.problem.Problem;
import fr.bilan.gateway.problem.ProblemKind;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem a failed RPC is shown as: its status mapped exactly, its description as the detail
 * (server faults excepted), its field violations ({@code google.rpc.BadRequest}) named as the
 * request spells them ({@link RequestFieldNames}), and each other detail the contract defines
 * ({@code bilan.*} messages, such as {@code bilan.session.v1.SlotConflict}) as a member of the
 * problem named after it ({@code slotConflict}), in the proto3 JSON mapping.
 */
public final class ServiceProblems {

    private static final Set<String> PROBLEM_MEMBERS = Set.of("type", "title", "status", "detail", "instance", "code",
            "correlationId", "errors");
    private static final Logger log = LoggerFactory.getLogger(ServiceProblems.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TypeRegistry types;
    private final JsonFormat.Printer printer;

    public ServiceProblems(TypeRegistry types) {
        this.types = types;
        this.printer = JsonFormat.printer().usingTypeRegistry(types).alwaysPrintFieldsWithNoPresence()
                .omittingInsignificantWhitespace();
    }

    /** {@code failure} of an RPC of {@code binding}, as {@code kind} (a 412 for an {@code ABORTED} write under If-Match). */
    public Problem of(ServerWebExchange exchange, HttpBinding binding, ProblemKind kind, StatusRuntimeException failure) {
        String instance = exchange.getRequest().getPath().value();
        if (kind.hidesDetail()) {
            return Problem.of(kind, defaultDetail(kind), instance, CorrelationId.of(exchange));
        }
        String description = failure.getStatus().getDescription();
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        List<Any> details = status == null ? List.of() : status.getDetailsList();
        RequestFieldNames names = new RequestFieldNames(binding);
        List<Problem.FieldError> errors = details.stream()
                .filter(detail -> detail.is(BadRequest.class))
                .flatMap(detail -> unpack(detail).getFieldViolationsList().stream())
                .map(violation -> new Problem.FieldError(names.name(violation.getField()), violation.getDescription()))
                .toList();
        Map<String, Object> members = new LinkedHashMap<>();
        for (Any detail : details) {
            Descriptor type = contractType(detail);
            String member = type == null ? null : lowerCamel(type.getName());
            Object shown = member == null || PROBLEM_MEMBERS.contains(member) ? null : print(type, detail);
            if (shown != null) {
                members.putIfAbsent(member, shown);
            }
        }
        return Problem.of(kind, description == null ? defaultDetail(kind) : description, instance,
                CorrelationId.of(exchange), errors, members);
    }

    private static BadRequest unpack(Any detail) {
        try {
            return detail.unpack(BadRequest.class);
        } catch (InvalidProtocolBufferException e) {
            return BadRequest.getDefaultInstance();
        }
    }

    /** The type of a detail when the contract defines it ({@code bilan.*}); {@code null} otherwise. */
    private Descriptor contractType(Any detail) {
        String url = detail.getTypeUrl();
        Descriptor type = types.find(url.substring(url.lastIndexOf('/') + 1));
        return type != null && type.getFile().getPackage().startsWith("bilan.") ? type : null;
    }

    private Object print(Descriptor type, Any detail) {
        try {
            return JSON.readTree(printer.print(DynamicMessage.parseFrom(type, detail.getValue())));
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            log.warn("A {} detail cannot be shown: {}", type.getFullName(), e.getMessage());
            return null;
        }
    }

    private static String lowerCamel(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String defaultDetail(ProblemKind kind) {
        return switch (kind) {
            case UNAVAILABLE -> "Le service est indisponible pour le moment. Réessayez dans quelques instants.";
            case DEADLINE_EXCEEDED -> "Le service n'a pas répondu à temps. Réessayez dans quelques instants.";
            case UNAUTHENTICATED -> "Jeton d'accès absent, invalide ou expiré.";
            case PERMISSION_DENIED -> "Vous n'avez pas le droit d'effectuer cette opération.";
            default -> "Une erreur inattendue s'est produite. Si elle persiste, communiquez l'identifiant de corrélation au support.";
        };
    }
}
