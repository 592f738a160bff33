package fr.bilan.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.validation.Invalid;
import org.openapitools.codegen.validation.ValidationResult;
import org.openapitools.codegen.validations.oas.OpenApiEvaluator;
import org.openapitools.codegen.validations.oas.RuleConfiguration;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.bilan.gateway.transcoding.ApiDescriptors;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a front-end team does with the document: generate a TypeScript client with OpenAPI
 * Generator ({@code typescript-fetch}) and compile it with {@code tsc}, strictly. tsc comes from
 * {@code gateway/tools} ({@code npm ci --prefix gateway/tools}, which {@code .ci/run} does).
 */
class GeneratedTypeScriptClientTest {

    private static final Path TOOLS = Path.of(System.getProperty("basedir", ".")).resolve("tools");
    private static final Path TSC = TOOLS.resolve("node_modules/.bin/tsc");
    /** The generator's notice on every 3.1 document, about its own support: nothing in ours. */
    private static final String BETA_NOTICE = "OpenAPI 3.1 support is still in beta.";
    private static final Pattern URL_PATH = Pattern.compile("let urlPath = `([^`]*)`;");

    @TempDir
    static Path work;

    private static Path client;
    private static ValidationResult evaluation;
    private static List<ILoggingEvent> generatorWarnings;

    @BeforeAll
    static void generateTheClient() throws IOException {
        Path document = work.resolve("openapi.json");
        Files.write(document, JsonMapper.builder().build()
                .writeValueAsBytes(OpenApiDocumentTest.document(ApiDescriptors.DEFAULT_LOCATION)));
        client = work.resolve("client");

        // the generator reports what it had to work around (duplicates, renamings…) as warnings in its log
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try {
            ClientOptInput input = new CodegenConfigurator()
                    .setGeneratorName("typescript-fetch")
                    .setInputSpec(document.toString())
                    .setOutputDir(client.toString())
                    .addGlobalProperty("apiDocs", "false")
                    .addGlobalProperty("modelDocs", "false")
                    .addGlobalProperty("apiTests", "false")
                    .addGlobalProperty("modelTests", "false")
                    .toClientOptInput();
            // what openapi-generator validate --recommend says of the document
            RuleConfiguration rules = new RuleConfiguration();
            rules.setEnableRecommendations(true);
            evaluation = new OpenApiEvaluator(rules).validate(input.getOpenAPI());
            new DefaultGenerator().opts(input).generate();
        } finally {
            root.detachAppender(log);
        }
        generatorWarnings = log.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(event -> event.getLoggerName().startsWith("org.openapitools")
                        || event.getLoggerName().startsWith("io.swagger"))
                .filter(event -> !event.getFormattedMessage().startsWith(BETA_NOTICE))
                .toList();
    }

    @Test
    void generatesOneClientPerServiceWithoutAnyWarning() throws IOException {
        assertThat(evaluation.getErrors()).extracting(Invalid::getMessage).isEmpty();
        assertThat(evaluation.getWarnings()).extracting(Invalid::getMessage).isEmpty();
        assertThat(generatorWarnings).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        try (Stream<Path> apis = Files.list(client.resolve("apis"))) {
            assertThat(apis.map(api -> api.getFileName().toString()))
                    .contains("BeneficiaryServiceApi.ts", "SynthesisServiceApi.ts", "index.ts");
        }
        String beneficiaries = Files.readString(client.resolve("apis/BeneficiaryServiceApi.ts"));
        assertThat(beneficiaries).contains("beneficiaryServiceGetBeneficiary(", "beneficiaryServiceUpdateBeneficiary(");
    }

    /** A resource is reached by one path, built from the same parameter, whichever operation is called. */
    @Test
    void buildsEachUrlOfTheClientFromOneTemplate() throws IOException {
        Map<String, Set<String>> templatesByUrl = new HashMap<>();
        try (Stream<Path> apis = Files.list(client.resolve("apis"))) {
            for (Path api : apis.toList()) {
                Matcher urlPath = URL_PATH.matcher(Files.readString(api));
                while (urlPath.find()) {
                    templatesByUrl.computeIfAbsent(urlPath.group(1).replaceAll("\\{[^}]*}", "{}"), url -> new HashSet<>())
                            .add(urlPath.group(1));
                }
            }
        }

        assertThat(templatesByUrl).isNotEmpty().allSatisfy((url, templates) -> assertThat(templates).as(url).hasSize(1));
        assertThat(templatesByUrl.get("/api/v1/beneficiaries/{}")).containsExactly("/api/v1/beneficiaries/{id}");
    }

    @Test
    void compilesWithTscInStrictMode() throws Exception {
        assumeTrue(Files.isExecutable(TSC), "tsc is not installed in " + TOOLS + ": run npm ci --prefix gateway/tools "
                + "(bash .ci/run does it) to compile the generated TypeScript client");
        assumeTrue(runs("node", "--version"), "node is not on the PATH: the generated TypeScript client is not compiled");
        // what a front-end project built with a bundler would compile it with
        Files.writeString(client.resolve("tsconfig.json"), """
                {
                  "compilerOptions": {
                    "target": "es2022",
                    "module": "esnext",
                    "moduleResolution": "bundler",
                    "lib": ["es2022", "dom"],
                    "strict": true,
                    "isolatedModules": true,
                    "verbatimModuleSyntax": true,
                    "noEmit": true
                  },
                  "include": ["**/*.ts"]
                }
                """);
        Path output = work.resolve("tsc.log");
        Process tsc = new ProcessBuilder(TSC.toAbsolutePath().toString(), "--noEmit", "-p", client.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = tsc.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            tsc.destroyForcibly();
        }

        assertThat(finished).as("tsc finished within 5 minutes").isTrue();
        assertThat(tsc.exitValue()).as(Files.readString(output, StandardCharsets.UTF_8)).isZero();
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
