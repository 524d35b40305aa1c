package org.ehiaccess.platform.input;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Strict JSON for every service, in one place: a value of the wrong type is refused rather than
 * converted (no numbers for enums or text, no text for numbers), trailing input after the body is refused,
 * nesting is bounded, a list may not hold null, text may not hold a NUL character (PostgreSQL cannot store
 * it), and every date is bounded to {@link #EARLIEST_DATE} .. ten years ahead. Each refusal names its field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Deeper than any body the services take; a deeper one is an attack, not a request. */
    public static final int MAX_NESTING_DEPTH = 64;
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final int YEARS_AHEAD = 10;

    @Override
    public int priority() {
        // after Quarkus' own customizers, so that these deserializers win over the default java.time ones
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).build());
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // [null] in a list or set field is refused with the element's path (its index)
        JsonSetter.Value noNullElements = JsonSetter.Value.forContentNulls(Nulls.FAIL);
        for (Class<?> type : List.of(List.class, Set.class, SortedSet.class, Collection.class)) {
            mapper.configOverride(type).setSetterInfo(noNullElements);
        }

        SimpleModule module = new SimpleModule("ehiaccess-strict-json");
        module.addDeserializer(String.class, new Text());
        module.addKeyDeserializer(String.class, new TextKey());
        module.addDeserializer(JsonNode.class, new Tree<>(JsonNode.class));
        module.addDeserializer(ObjectNode.class, new Tree<>(ObjectNode.class));
        module.addDeserializer(ArrayNode.class, new Tree<>(ArrayNode.class));
        module.addDeserializer(LocalDate.class, new BoundedDate<>(LocalDate.class, LocalDateDeserializer.INSTANCE));
        module.addDeserializer(Instant.class, new BoundedDate<>(Instant.class, InstantDeserializer.INSTANT));
        module.addDeserializer(OffsetDateTime.class,
                new BoundedDate<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));
        mapper.registerModule(module);
    }

    static final String NUL_MESSAGE = "must not contain a NUL character";

    static String checked(JsonParser p, String text) throws RefusedValueException {
        if (text.indexOf('\u0000') >= 0) {
            throw new RefusedValueException(p, String.class, NUL_MESSAGE);
        }
        return text;
    }

    /** Text only from a JSON string: a number or boolean for a text field is refused, as is a NUL. */
    static final class Text extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                return checked(p, p.getText());
            }
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    static final class TextKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return checked(ctxt.getParser(), key);
        }
    }

    /** Free-form JSON (facts, answers) is read as usual, then searched for NUL in its keys and text. */
    static final class Tree<T extends JsonNode> extends JsonDeserializer<T> {
        private final Class<T> type;

        Tree(Class<T> type) {
            this.type = type;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T node;
            try {
                node = (T) JsonNodeDeserializer.getDeserializer(type).deserialize(p, ctxt);
            } catch (StreamConstraintsException tooDeep) {
                // raised without a location; the parser still knows where it stopped
                throw new RefusedValueException(p, type, "is nested too deeply", outermostField(p.getParsingContext()));
            }
            Deque<Object> path = new ArrayDeque<>();
            if (containsNul(node, path)) {
                RefusedValueException e = new RefusedValueException(p, String.class, NUL_MESSAGE);
                Iterator<Object> inner = path.descendingIterator();
                while (inner.hasNext()) {
                    Object step = inner.next();
                    e.prependPath(step instanceof Integer index
                            ? new JsonMappingException.Reference(null, index)
                            : new JsonMappingException.Reference(null, (String) step));
                }
                throw e;
            }
            return node;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return (T) JsonNodeDeserializer.getDeserializer(type).getNullValue(ctxt);
        }

        /**
         * The field a too-deep value starts in: the first steps from the root, ending at a name
         * ({@code practice}, not {@code practice[0][0]...} ten thousand steps long).
         */
        static String outermostField(JsonStreamContext context) {
            List<Object> steps = new java.util.ArrayList<>();
            for (JsonStreamContext c = context; c != null; c = c.getParent()) {
                if (c.inObject() && c.getCurrentName() != null) {
                    steps.add(0, c.getCurrentName());
                } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                    steps.add(0, c.getCurrentIndex());
                }
            }
            steps = new java.util.ArrayList<>(steps.subList(0, Math.min(3, steps.size())));
            while (steps.size() > 1 && steps.get(steps.size() - 1) instanceof Integer) {
                steps.remove(steps.size() - 1);
            }
            StringBuilder field = new StringBuilder();
            for (Object step : steps) {
                if (step instanceof Integer index) {
                    field.append('[').append(index).append(']');
                } else {
                    field.append(field.isEmpty() ? "" : ".").append(step);
                }
            }
            return field.isEmpty() ? "body" : field.toString();
        }

        /** True when a NUL is found; {@code path} then leads to it, outermost first. */
        private static boolean containsNul(JsonNode node, Deque<Object> path) {
            if (node.isTextual()) {
                return node.textValue().indexOf('\u0000') >= 0;
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    path.addLast(i);
                    if (containsNul(node.get(i), path)) {
                        return true;
                    }
                    path.removeLast();
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    path.addLast(field.getKey().replace('\u0000', '?'));
                    if (field.getKey().indexOf('\u0000') >= 0 || containsNul(field.getValue(), path)) {
                        return true;
                    }
                    path.removeLast();
                }
            }
            return false;
        }
    }

    /**
     * A date or instant only as ISO text, and only from 1900-01-01 to ten years ahead: a bare number, a
     * year before 1900 or far ahead (which PostgreSQL may not hold) is refused naming the field.
     */
    static final class BoundedDate<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final JsonDeserializer<?> iso;

        BoundedDate(Class<T> type, JsonDeserializer<?> iso) {
            this.type = type;
            this.iso = iso;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValueException(p, type, "must be a date as ISO 8601 text");
            }
            T value = type.cast(iso.deserialize(p, ctxt));
            if (value == null) {
                return null;
            }
            LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusYears(YEARS_AHEAD);
            boolean inRange;
            if (value instanceof LocalDate date) {
                inRange = !date.isBefore(EARLIEST_DATE) && !date.isAfter(latest);
            } else {
                Instant instant = value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
                inRange = !instant.isBefore(EARLIEST_DATE.atStartOfDay().toInstant(ZoneOffset.UTC))
                        && instant.isBefore(latest.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            if (!inRange) {
                throw new RefusedValueException(p, type, "must be between " + EARLIEST_DATE + " and " + latest);
            }
            return value;
        }
    }
}
