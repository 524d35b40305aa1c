package org.ehiaccess.decision.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The public scenarios as request bodies ({@code practice} and {@code facts}), the benchmarks' workload. */
final class BenchCases {

    private BenchCases() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> bodies() {
        try (InputStream in = BenchCases.class.getResourceAsStream("/scenarios-public.yaml")) {
            Map<String, Object> file = new YAMLMapper().readValue(in, Map.class);
            return ((List<Map<String, Object>>) file.get("scenarios")).stream()
                    .map(s -> Map.of("practice", s.get("practice"), "facts", s.get("facts")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
