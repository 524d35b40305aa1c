package org.ehiaccess.decision.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The letter templates shipped with the product ({@code letters/default-templates.yaml}), one per kind. */
public record DefaultTemplates(String version, Map<LetterKind, Wording> templates) {

    static final String RESOURCE = "letters/default-templates.yaml";

    /** A subject line and a body, both Qute text. */
    public record Wording(String subject, String body) {
    }

    public DefaultTemplates {
        templates = new EnumMap<>(templates);
        for (LetterKind kind : LetterKind.values()) {
            if (!templates.containsKey(kind)) {
                throw new IllegalStateException(RESOURCE + " has no template for " + kind);
            }
        }
    }

    public Wording of(LetterKind kind) {
        return templates.get(kind);
    }

    public static DefaultTemplates load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return yaml.readValue(in, DefaultTemplates.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
