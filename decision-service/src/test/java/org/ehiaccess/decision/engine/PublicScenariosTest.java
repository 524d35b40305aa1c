package org.ehiaccess.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Every worked example of scenarios-public.yaml (a copy of the shared contract's examples). */
class PublicScenariosTest {

    private static final Pattern CITATION = Pattern.compile("\\d{3}\\.\\d{3}(\\([a-z0-9]+\\))*");

    @SuppressWarnings("unchecked")
    static Stream<Arguments> scenarios() throws IOException {
        try (InputStream in = PublicScenariosTest.class.getResourceAsStream("/scenarios-public.yaml")) {
            Map<String, Object> file = new YAMLMapper().readValue(in, Map.class);
            return ((List<Map<String, Object>>) file.get("scenarios")).stream()
                    .map(s -> Arguments.of(s.get("id"), s));
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(String id, Map<String, Object> scenario) {
        Map<String, Object> expected = (Map<String, Object>) scenario.get("expected");
        Evaluation result = TestEngine.evaluate((Map<String, Object>) scenario.get("practice"),
                (Map<String, Object>) scenario.get("facts"));
        String context = id + " -> " + TestEngine.json(result);

        assertEquals(expected.get("verdict"), result.verdict().json(), context);
        if (expected.containsKey("exception_ids")) {
            assertEquals(new HashSet<>((List<String>) expected.get("exception_ids")),
                    new HashSet<>(result.exceptionIds()), context);
        }
        for (Map<String, Object> unmet : (List<Map<String, Object>>) expected.getOrDefault("unmet", List.of())) {
            assertTrue(result.unmetConditions().stream().anyMatch(u -> u.condition().equals(unmet.get("condition"))
                    && sameParagraph(unmet.get("cfr").toString(), u.cfr())),
                    "expected unmet " + unmet + " in " + context);
        }
        List<String> missing = (List<String>) expected.getOrDefault("missing_facts", List.of());
        assertTrue(result.missingFacts().containsAll(missing), "missing facts " + missing + " in " + context);
        for (Map<String, Object> obligation : (List<Map<String, Object>>) expected.getOrDefault("obligations", List.of())) {
            assertTrue(result.obligations().stream().anyMatch(o -> o.id().equals(obligation.get("id"))
                    && o.cfr().equals(obligation.get("cfr"))
                    && String.valueOf(obligation.get("due_date")).equals(o.dueDate())
                    && o.status().json().equals(obligation.get("status"))),
                    "expected obligation " + obligation + " in " + context);
        }
        if (expected.containsKey("hipaa")) {
            assertEquals(expected.get("hipaa"), result.hipaa().status().json(), context);
        }
        if (expected.containsKey("hipaa_status")) {
            assertEquals(expected.get("hipaa_status"), result.hipaa().status().json(), context);
        }
        for (Object word : (List<Object>) expected.getOrDefault("warnings_mention", List.of())) {
            String needle = word.toString().toLowerCase(java.util.Locale.ROOT);
            assertTrue(result.warnings().stream().anyMatch(w -> w.toLowerCase(java.util.Locale.ROOT).contains(needle)),
                    "expected a warning mentioning " + word + " in " + context);
        }
    }

    /**
     * The scenarios cite at varying depth ("171.201(d)" for the catalog's "171.201(d)(1)-(4)"): every citation the
     * scenario gives must start one the engine reports.
     */
    static boolean sameParagraph(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        List<String> reported = citations(actual);
        return citations(expected).stream().allMatch(e -> reported.stream().anyMatch(a -> a.startsWith(e)));
    }

    private static List<String> citations(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = CITATION.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
