package org.ehiaccess.platform.problem;

import java.util.List;

/** Thrown by domain code to answer with problem details; nothing is saved when it escapes a transaction. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.invalid(errors));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "Not found", what + " was not found"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    /** The record's state does not allow this change. */
    public static ProblemException conflict(ProblemType type, String detail) {
        return new ProblemException(Problem.of(type, 409, "Conflict", detail));
    }

    public Problem problem() {
        return problem;
    }
}
