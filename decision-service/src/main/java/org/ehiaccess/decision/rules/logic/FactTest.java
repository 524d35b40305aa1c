package org.ehiaccess.decision.rules.logic;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A test of one fact, the leaves of every rule: {@code T(x)}, {@code x == v}, {@code x in S}, {@code x <= n}...
 * A missing fact makes the test unknown, except {@link Op#NOT_FALSE}, written for optional facts that fail a
 * condition only when explicitly false ({@code not_false} in the rule files).
 */
public final class FactTest implements Expr {

    /** The tests the catalog's rules use, named as in its YAML. */
    public enum Op {
        TRUE("true"), FALSE("false"), NOT_FALSE("not_false"), PRESENT("present"),
        IS("is"), IS_NOT("is_not"), IN("in"), AT_MOST("at_most"), AT_LEAST("at_least"),
        EMPTY("empty"), NONE_OF("none_of"), EXCLUDES("excludes"), STARTS_WITH("starts_with");

        public final String yamlKey;

        Op(String yamlKey) {
            this.yamlKey = yamlKey;
        }
    }

    private final String fact;
    private final Op op;
    private final Object operand;
    private final boolean selector;

    /**
     * @param operand  the value, list of values or number compared with; null for the unary tests
     * @param selector true when the fact chooses a branch, so that a mismatch means "another branch was chosen"
     */
    public FactTest(String fact, Op op, Object operand, boolean selector) {
        this.fact = Objects.requireNonNull(fact);
        this.op = Objects.requireNonNull(op);
        this.operand = operand;
        this.selector = selector;
    }

    /** The fact tested. */
    public String fact() {
        return fact;
    }

    @Override
    public Outcome evaluate(EvaluationContext context) {
        Object value = context.value(fact);
        if (value == null) {
            return op == Op.NOT_FALSE ? Outcome.TRUE : Outcome.unknown(context.toAsk(fact));
        }
        if (holds(value)) {
            return Outcome.TRUE;
        }
        boolean mismatch = selector && (op == Op.IS || op == Op.IN) && !"none".equals(value);
        return Outcome.failed(Failure.of(fact, value, mismatch));
    }

    private boolean holds(Object value) {
        switch (op) {
            case TRUE:
                return Boolean.TRUE.equals(value);
            case FALSE:
            case NOT_FALSE:
                return op == Op.FALSE ? Boolean.FALSE.equals(value) : !Boolean.FALSE.equals(value);
            case PRESENT:
                return !(value instanceof String text) || !text.isBlank();
            case IS:
                return operand.equals(value);
            case IS_NOT:
                return !operand.equals(value);
            case IN:
                return ((List<?>) operand).contains(value);
            case AT_MOST:
                return ((Number) value).longValue() <= ((Number) operand).longValue();
            case AT_LEAST:
                return ((Number) value).longValue() >= ((Number) operand).longValue();
            case EMPTY:
                return ((Set<?>) value).isEmpty();
            case NONE_OF:
                return ((List<?>) operand).stream().noneMatch(((Set<?>) value)::contains);
            case EXCLUDES:
                return !((Set<?>) value).contains(operand);
            case STARTS_WITH:
                return value.toString().startsWith(operand.toString());
            default:
                throw new IllegalStateException("Unhandled test " + op);
        }
    }

    @Override
    public String describe() {
        switch (op) {
            case TRUE:
                return "T(" + fact + ")";
            case FALSE:
                return "NOT " + fact;
            case NOT_FALSE:
                return fact + " != false";
            case PRESENT:
                return fact + " present";
            case IS:
                return fact + " == " + operand;
            case IS_NOT:
                return fact + " != " + operand;
            case IN:
                return fact + " in " + operand;
            case AT_MOST:
                return fact + " <= " + operand;
            case AT_LEAST:
                return fact + " >= " + operand;
            case EMPTY:
                return fact + " is empty";
            case NONE_OF:
                return fact + " has none of " + operand;
            case EXCLUDES:
                return operand + " not in " + fact;
            case STARTS_WITH:
                return fact + " starts_with " + operand;
            default:
                throw new IllegalStateException("Unhandled test " + op);
        }
    }

    @Override
    public void collectFacts(Collection<String> into) {
        into.add(fact);
    }
}
