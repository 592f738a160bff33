package fr.bilan.gateway.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void bindsASingleSegmentVariable() {
        PathTemplate template = PathTemplate.parse("/api/v1/beneficiaries/{id}");

        assertThat(template.match("/api/v1/beneficiaries/b-42")).contains(Map.of("id", "b-42"));
        assertThat(template.fieldPaths()).containsExactly("id");
    }

    @Test
    void refusesEmptyMissingOrExtraSegments() {
        PathTemplate template = PathTemplate.parse("/api/v1/beneficiaries/{id}");

        assertThat(template.match("/api/v1/beneficiaries/")).isEmpty();
        assertThat(template.match("/api/v1/beneficiaries")).isEmpty();
        assertThat(template.match("/api/v1/beneficiaries/a/b")).isEmpty();
        assertThat(template.match("/api/v1/centres/a")).isEmpty();
        assertThat(template.match("api/v1/beneficiaries/a")).isEmpty();
    }

    @Test
    void bindsANestedResourceNameWithItsSlashes() {
        PathTemplate template = PathTemplate.parse("/api/v1/{name=centres/*/things/*}");

        assertThat(template.match("/api/v1/centres/c1/things/t9")).contains(Map.of("name", "centres/c1/things/t9"));
        assertThat(template.match("/api/v1/centres/c1/other/t9")).isEmpty();
        assertThat(template.match("/api/v1/centres/c1/things")).isEmpty();
    }

    @Test
    void bindsAVariableFollowedByLiterals() {
        PathTemplate template = PathTemplate.parse("/api/v1/{parent=centres/*}/things");

        assertThat(template.match("/api/v1/centres/c1/things")).contains(Map.of("parent", "centres/c1"));
    }

    @Test
    void bindsADottedFieldPath() {
        PathTemplate template = PathTemplate.parse("/api/v1/{thing.name=centres/*/things/*}");

        assertThat(template.match("/api/v1/centres/a/things/b")).contains(Map.of("thing.name", "centres/a/things/b"));
    }

    @Test
    void matchesACustomVerbOnlyWhenPresent() {
        PathTemplate template = PathTemplate.parse("/api/v1/{name=centres/*/things/*}:cancel");

        assertThat(template.match("/api/v1/centres/a/things/b:cancel")).contains(Map.of("name", "centres/a/things/b"));
        assertThat(template.match("/api/v1/centres/a/things/b")).isEmpty();
        assertThat(template.match("/api/v1/centres/a/things/b:close")).isEmpty();
    }

    @Test
    void letsDoubleWildcardTakeTheRestOfThePath() {
        PathTemplate template = PathTemplate.parse("/api/v1/files/{path=**}");

        assertThat(template.match("/api/v1/files/a/b/c.pdf")).contains(Map.of("path", "a/b/c.pdf"));
        assertThat(template.match("/api/v1/files/a")).contains(Map.of("path", "a"));
    }

    @Test
    void decodesPercentEncodingAfterSplittingSegments() {
        PathTemplate template = PathTemplate.parse("/api/v1/beneficiaries/{id}");

        assertThat(template.match("/api/v1/beneficiaries/a%20b")).contains(Map.of("id", "a b"));
        assertThat(template.match("/api/v1/beneficiaries/a%2Fb")).contains(Map.of("id", "a/b"));
        assertThat(template.match("/api/v1/beneficiaries/a+b")).contains(Map.of("id", "a+b"));
        assertThat(template.match("/api/v1/beneficiar%69es/x")).contains(Map.of("id", "x"));
    }

    @Test
    void countsLiteralsSoSpecificRoutesWin() {
        assertThat(PathTemplate.parse("/api/v1/things").literalCount())
                .isGreaterThan(PathTemplate.parse("/api/v1/{name}").literalCount());
        assertThat(PathTemplate.parse("/api/v1/{name}:cancel").literalCount())
                .isGreaterThan(PathTemplate.parse("/api/v1/{name}").literalCount());
    }

    @Test
    void givesAnExamplePathItMatches() {
        for (String template : new String[] {"/api/v1/{name=centres/*/things/*}:cancel", "/api/v1/files/{path=**}",
                "/api/v1/beneficiaries/{id}", "/api/v1/things"}) {
            PathTemplate parsed = PathTemplate.parse(template);
            assertThat(parsed.match(parsed.example())).as(template).isPresent();
        }
        assertThat(PathTemplate.parse("/api/v1/{name=centres/*}:cancel").example()).isEqualTo("/api/v1/centres/example:cancel");
    }

    @Test
    void refusesMalformedTemplates() {
        assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse("api/v1"));
        assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse("/api/{id"));
        assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse("/api//x"));
        assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse("/api/{1id}"));
        assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse("/api/**/x/**"));
        assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse("/api/x:"));
    }
}
