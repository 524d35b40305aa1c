package org.ehiaccess.decision.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The value types of the fact vocabulary (a fact's {@code type}), and how an answer of each type is read. */
public enum FactType {
    BOOL("bool"), ENUM("enum"), ENUM_SET("enum[]"), INT("int"), DATE("date"), STRING("string");

    public final String catalogName;

    FactType(String catalogName) {
        this.catalogName = catalogName;
    }

    public static FactType fromCatalog(String name) {
        for (FactType type : values()) {
            if (type.catalogName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown fact type '" + name + "'");
    }

    /** A typed value, or the reason the answer does not fit. */
    public record Reading(Object value, String problem) {
        static Reading ok(Object value) {
            return new Reading(value, null);
        }

        static Reading bad(String problem) {
            return new Reading(null, problem);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Reads a JSON or YAML answer: booleans as booleans, enums as one of {@code allowed}, sets as lists of them,
     * whole numbers of 0 or more (every int in the vocabulary is a count), ISO dates, and text. Never guesses.
     */
    public Reading read(Object raw, List<String> allowed) {
        switch (this) {
            case BOOL:
                return raw instanceof Boolean ? Reading.ok(raw) : Reading.bad("must be true or false");
            case ENUM:
                return raw instanceof String text && allowed.contains(text)
                        ? Reading.ok(text)
                        : Reading.bad("must be one of " + allowed);
            case ENUM_SET:
                return readSet(raw, allowed);
            case INT:
                return readCount(raw);
            case DATE:
                return readDate(raw);
            case STRING:
                return raw instanceof String ? Reading.ok(raw) : Reading.bad("must be text");
            default:
                throw new IllegalStateException("Unhandled type " + this);
        }
    }

    private static Reading readSet(Object raw, List<String> allowed) {
        if (!(raw instanceof List<?> items)) {
            return Reading.bad("must be a list of values from " + allowed);
        }
        Set<String> values = new LinkedHashSet<>();
        for (Object item : items) {
            if (!(item instanceof String text) || !allowed.contains(text)) {
                return Reading.bad("contains '" + item + "'; every value must be one of " + allowed);
            }
            values.add(text);
        }
        return Reading.ok(Collections.unmodifiableSet(values));
    }

    private static Reading readCount(Object raw) {
        long value;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            value = ((Number) raw).longValue();
        } else if (raw instanceof BigInteger big && big.bitLength() < 32) {
            value = big.longValue();
        } else if (raw instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
            value = decimal.longValue();
        } else {
            return Reading.bad("must be a whole number of 0 or more");
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            return Reading.bad("must be a whole number of 0 or more");
        }
        return Reading.ok((int) value);
    }

    private static Reading readDate(Object raw) {
        if (raw instanceof LocalDate) {
            return Reading.ok(raw);
        }
        if (raw instanceof String text) {
            try {
                return Reading.ok(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                // fall through to the message
            }
        }
        return Reading.bad("must be a date like 2026-03-02");
    }
}
