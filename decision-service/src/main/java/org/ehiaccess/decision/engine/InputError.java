package org.ehiaccess.decision.engine;

/** One bad answer: the field as the client sent it (e.g. {@code facts.harm.harm_type}) and what is wrong. */
public record InputError(String field, String message) {
}
