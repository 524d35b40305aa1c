package org.ehiaccess.decision.guidance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The catalog's values in a clinic's words ({@code rules/labels.yaml}), served with the catalog so that every page
 * says the same thing: by value, by fact where a word means something else for one fact ({@code fact=value}), and the
 * words for verdicts, obligations and HIPAA statuses.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CatalogLabels(Map<String, String> values, Map<String, String> byFact, Map<String, String> verdicts,
        Map<String, String> obligations, Map<String, String> obligationStatus, Map<String, String> hipaaStatus) {

    static final String RESOURCE = "rules/labels.yaml";

    private static final CatalogLabels LOADED = load();

    public static CatalogLabels get() {
        return LOADED;
    }

    static CatalogLabels load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return yaml.readValue(in, CatalogLabels.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
