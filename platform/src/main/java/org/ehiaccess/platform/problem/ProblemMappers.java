package org.ehiaccess.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ehiaccess.platform.input.ParameterFailures;
import org.ehiaccess.platform.input.RefusedValueException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error leaves the services as RFC 9457 problem details naming the offending field.
 * No stack traces and no input values in the body or the log: input may be PHI.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(Problem.invalid(errors));
    }

    /** Resource-method validation; more specific than the built-in mapper it replaces. */
    @ServerExceptionMapper
    public Response resourceViolation(io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException e) {
        return constraintViolation(e);
    }

    /** Wrong type, unknown enum value or unknown field; more specific than the built-in mapper it replaces. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof RefusedValueException refused && refused.absoluteField() != null) {
            return respond(Problem.invalid(List.of(new Problem.FieldError(refused.absoluteField(), refused.fieldMessage()))));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            String message;
            if (e instanceof RefusedValueException refused) {
                field = refused.absoluteField() != null ? refused.absoluteField() : field;
                message = refused.fieldMessage();
            } else if (e instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (e instanceof InvalidNullException) {
                message = "must not be null";
            } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                message = "must be one of " + java.util.Arrays.toString(format.getTargetType().getEnumConstants());
            } else if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
                message = "is not a valid " + format.getTargetType().getSimpleName();
            } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() == String.class) {
                message = "must be text";
            } else if (e.getCause() instanceof InputCoercionException) {
                message = "is out of range";
            } else if (e.getCause() instanceof StreamConstraintsException) {
                field = pathText(outermost(pathSteps(mapping)));
                message = "is nested too deeply";
            } else {
                message = "has the wrong type or format";
            }
            return respond(Problem.invalid(List.of(new Problem.FieldError(field, message))));
        }
        // a fault found by the parser (too deep, a number too large, broken syntax): name where it was
        List<Object> at = parserPath(e);
        if (!at.isEmpty()) {
            String message;
            if (e instanceof StreamConstraintsException) {
                // the full path of a 10,000-deep body is itself huge: name the field it starts in
                at = outermost(at);
                message = "is nested too deeply";
            } else if (e instanceof InputCoercionException) {
                message = "is out of range";
            } else {
                message = "is not valid JSON";
            }
            return respond(Problem.invalid(List.of(new Problem.FieldError(pathText(at), message))));
        }
        return respond(Problem.of(400, "Invalid input", "The request body is not valid JSON"));
    }

    @ServerExceptionMapper
    public Response staleEdit(OptimisticLockException e) {
        return respond(Problem.of(ProblemType.STALE_VERSION, 409, "Changed by someone else",
                "This record was changed by someone else since you opened it. Reload it and make your change again."));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers, ResourceInfo resource) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // Quarkus REST wraps what the parser refuses (too deep, a number out of range, broken syntax)
            return unreadableJson(json);
        }
        if ((status == 404 || status == 400) && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException)) {
            // Quarkus REST answers 404 (query, path) or 400 (header) without naming a parameter it could not
            // convert; a query or header parameter is bad input, a path that does not convert names nothing
            var failure = parameterFailure(uri, headers, resource);
            if (failure.isPresent() && failure.get().source() != ParameterFailures.Source.PATH) {
                return respond(Problem.invalid(List.of(new Problem.FieldError(failure.get().name(),
                        failure.get().message()))));
            }
        }
        if (status >= 500) {
            LOG.errorf("Request failed with status %d: %s", status, e.getClass().getName());
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Error";
        String detail = status == 404 ? "Not found" : e.getMessage();
        return respond(Problem.of(status, title, detail));
    }

    /**
     * Anything not mapped more specifically: a fault of ours (500) or a database that cannot be reached
     * (503, try again). Logged by class and stack frames only: exception messages may quote input.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (databaseUnreachable(e)) {
            LOG.errorf("Database unreachable: %s", causeChain(e));
            return Response.fromResponse(respond(Problem.of(ProblemType.SERVICE_UNAVAILABLE, 503,
                    "Service Unavailable", "The database cannot be reached just now. Try again shortly.")))
                    .header("Retry-After", "5").build();
        }
        LOG.errorf("Unexpected failure: %s at %s", causeChain(e), topFrames(e));
        return respond(Problem.of(ProblemType.INTERNAL_ERROR, 500, "Internal Server Error",
                "The request failed on our side. Nothing was saved; try again or report it if it persists."));
    }

    /**
     * PostgreSQL stopping or starting: a statement running when it shuts down gets 57P01 (admin_shutdown)
     * or 57P02 (crash_shutdown), a connection made while it starts up 57P03 (cannot_connect_now). Like a
     * refused connection, each passes once the database is back.
     */
    static final java.util.Set<String> DATABASE_GOING_AWAY = java.util.Set.of("57P01", "57P02", "57P03");

    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || (t instanceof SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08") || DATABASE_GOING_AWAY.contains(sql.getSQLState())))) {
                return true;
            }
        }
        return false;
    }

    private static String causeChain(Throwable e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null && chain.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            if (!chain.isEmpty()) {
                chain.append(" <- ");
            }
            chain.append(t.getClass().getName());
        }
        return chain.toString();
    }

    private static String topFrames(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(8, frames.length); i++) {
            text.append("\n\t").append(frames[i]);
        }
        return text.toString();
    }

    private static java.util.Optional<ParameterFailures.Failure> parameterFailure(UriInfo uri, HttpHeaders headers,
            ResourceInfo resource) {
        try {
            return ParameterFailures.find(resource == null ? null : resource.getResourceMethod(), uri, headers);
        } catch (RuntimeException notMatched) {
            return java.util.Optional.empty();
        }
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** {@code create.arg0.receivedAt} or {@code create.request.receivedAt} becomes {@code receivedAt}. */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        int index = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            index++;
            // method and parameter nodes come first for resource-method validation
            if (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER
                    || node.getKind() == jakarta.validation.ElementKind.CROSS_PARAMETER
                    || node.getKind() == jakarta.validation.ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(node.getName());
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
        }
        if (name.isEmpty()) {
            // a violation on a parameter itself (a header or query parameter): name the parameter
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                    return node.getName();
                }
            }
            return index == 0 ? "body" : violation.getPropertyPath().toString();
        }
        return name.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        return pathText(pathSteps(e));
    }

    private static List<Object> pathSteps(JsonMappingException e) {
        List<Object> path = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.add(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.add(ref.getIndex());
            }
        }
        return path;
    }

    /** Field names and indexes from the outermost in, where the parser stopped. */
    private static List<Object> parserPath(JsonProcessingException e) {
        List<Object> path = new ArrayList<>();
        if (e.getProcessor() instanceof JsonParser parser) {
            for (JsonStreamContext context = parser.getParsingContext(); context != null; context = context.getParent()) {
                if (context.inObject() && context.getCurrentName() != null) {
                    path.add(0, context.getCurrentName());
                } else if (context.inArray() && context.getCurrentIndex() >= 0) {
                    path.add(0, context.getCurrentIndex());
                }
            }
        }
        return path;
    }

    /** The first few steps of a path, ending at a field name ({@code practice}, not {@code practice[0][0]}). */
    private static List<Object> outermost(List<Object> path) {
        List<Object> head = new ArrayList<>(path.subList(0, Math.min(3, path.size())));
        while (head.size() > 1 && head.get(head.size() - 1) instanceof Integer) {
            head.remove(head.size() - 1);
        }
        return head;
    }

    private static String pathText(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(step);
            }
        }
        return text.toString();
    }
}
