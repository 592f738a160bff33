package fr.bilan.support.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.rpc.BadRequest;

import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

class PageTokensTest {

    @Test
    void aTokenGivesBackThePositionForTheSameFilters() {
        String token = PageTokens.boundTo("centre-lyon", "", 42).after("durand", "élodie", "id-9");

        assertThat(PageTokens.boundTo("centre-lyon", "", 42).positionOf(token, 3))
                .contains(List.of("durand", "élodie", "id-9"));
        assertThat(PageTokens.boundTo("centre-lyon", "", 42).positionOf("", 3)).isEmpty();
        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void refusesATokenOfOtherFiltersNamingTheField() {
        String token = PageTokens.boundTo("centre-lyon", "").after("a", "b");

        assertThatThrownBy(() -> PageTokens.boundTo("centre-paris", "").positionOf(token, 2))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(FieldErrors.of(e)).singleElement().asString()
                            .startsWith("page_token: ").contains("d'autres filtres");
                });
        // the same values in other fields are other filters
        assertThat(GrpcServiceTestSupport.codeOf(() -> PageTokens.boundTo("", "centre-lyon").positionOf(token, 2)))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void refusesATokenNotMadeHere() {
        PageTokens tokens = PageTokens.boundTo("x");
        String twoKeys = tokens.after("a", "b");

        for (String token : new String[] {"not-a-token!", "AAAAAA", twoKeys}) {
            assertThatThrownBy(() -> tokens.positionOf(token, 3)).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(FieldErrors.of(e)).containsExactly(
                            "page_token: Jeton de page invalide : reprenez la liste depuis le début."));
        }
    }

    /** A list that resumes after a time writes it as epoch milliseconds; only a forged token holds anything else. */
    @Test
    void aTimeInATokenIsReadBackAndAnythingElseIsAnInvalidToken() {
        Instant at = Instant.parse("2026-12-05T10:15:30.123Z");
        PageTokens tokens = PageTokens.boundTo("centre-lyon");
        String token = tokens.after(String.valueOf(at.toEpochMilli()), "id-9");

        assertThat(PageTokens.instantOf(tokens.positionOf(token, 2).orElseThrow().get(0))).isEqualTo(at);
        assertThatThrownBy(() -> PageTokens.instantOf("2026-12-05")).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(FieldErrors.of(e)).containsExactly(
                        "page_token: Jeton de page invalide : reprenez la liste depuis le début."));
    }

    @Test
    void aTokenRevealsNothingOfThePositionNorOfTheFilters() {
        String token = PageTokens.boundTo("centre-lyon", "dur").after("durand", "élodie", "id-9");

        byte[] decoded = java.util.Base64.getUrlDecoder().decode(token);
        for (String read : List.of(new String(decoded, java.nio.charset.StandardCharsets.UTF_8),
                new String(decoded, java.nio.charset.StandardCharsets.ISO_8859_1))) {
            assertThat(read).doesNotContain("durand").doesNotContain("lodie").doesNotContain("id-9")
                    .doesNotContain("centre-lyon");
        }
    }

    @Test
    void refusesATokenAlteredInAnyCharacter() {
        PageTokens tokens = PageTokens.boundTo("centre-lyon");
        String token = tokens.after("durand", "elodie", "id-9");

        for (int i = 0; i < token.length(); i++) {
            char changed = token.charAt(i) == 'A' ? 'B' : 'A';
            String altered = token.substring(0, i) + changed + token.substring(i + 1);
            assertThatThrownBy(() -> tokens.positionOf(altered, 3)).as("altered at %d", i)
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(FieldErrors.of(e))
                            .containsExactly("page_token: Jeton de page invalide : reprenez la liste depuis le début."));
        }
    }

    @Test
    void pageSizeDefaultsIsCappedAndIsNeverNegative() {
        FieldViolations violations = new FieldViolations();

        assertThat(PageTokens.pageSize(0, 500, violations)).isEqualTo(50);
        assertThat(PageTokens.pageSize(0, 20, violations)).isEqualTo(20);
        assertThat(PageTokens.pageSize(501, 500, violations)).isEqualTo(500);
        assertThat(PageTokens.pageSize(7, 500, violations)).isEqualTo(7);
        assertThat(violations.isEmpty()).isTrue();
        PageTokens.pageSize(-1, 500, violations);
        assertThat(violations.asList()).extracting(BadRequest.FieldViolation::getField).containsExactly("page_size");
    }
}
