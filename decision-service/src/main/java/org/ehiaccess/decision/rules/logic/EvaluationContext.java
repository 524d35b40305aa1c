package org.ehiaccess.decision.rules.logic;

import java.time.LocalDate;
import java.util.Set;

import org.ehiaccess.platform.time.BusinessCalendar;

/** What a rule may ask about the case it judges. */
public interface EvaluationContext {

    /** The fact's typed value (answered, derived or defaulted), or null while it is unknown. */
    Object value(String factId);

    /** True when the worksheet answered a fact of this namespace (e.g. {@code fees}). */
    boolean anyAnswered(String namespace);

    /** The facts to ask for so that {@code factId} becomes known: itself, or the missing inputs of a derived fact. */
    Set<String> toAsk(String factId);

    /** True when the fact's {@code asks_when} is definitely false: the worksheet would never ask it. */
    boolean notAsked(String factId);

    /** The result of another exception, for rules that delegate (171.205(c)-(d), 171.301(b)(2)-(3)). */
    Outcome exception(String exceptionId);

    /** The evaluation date ({@code eval.as_of_date}). */
    LocalDate asOf();

    /** The clinic's business-day calendar. */
    BusinessCalendar calendar();
}
