package org.ehiaccess.decision.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The Denial Reason Matrix shipped with the product ({@code denial-reasons/default-matrix.yaml}). */
public record DefaultMatrix(String version, List<DenialReason> rows) {

    static final String RESOURCE = "denial-reasons/default-matrix.yaml";

    public DefaultMatrix {
        rows = List.copyOf(rows);
    }

    public static DefaultMatrix load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The default Denial Reason Matrix " + RESOURCE + " is missing");
            }
            return yaml.readValue(in, DefaultMatrix.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
