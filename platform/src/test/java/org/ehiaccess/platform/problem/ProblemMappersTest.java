package org.ehiaccess.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLTransientConnectionException;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.platform.input.StrictJson;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Failures nobody mapped still answer as problem details, never as a bare body. */
class ProblemMappersTest {

    record Body(JsonNode practice, int amount, List<Integer> thresholds) {
    }

    static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    /** What the parser refuses, as Quarkus REST hands it to the mappers: wrapped in a 400. */
    static Problem refusal(String json) {
        Exception parsing = assertThrows(Exception.class, () -> strict().readValue(json, Body.class));
        Response response = new ProblemMappers().webApplication(
                new WebApplicationException(parsing, Response.Status.BAD_REQUEST), null, null, null);
        assertEquals(400, response.getStatus());
        return (Problem) response.getEntity();
    }

    @Test
    void parserRefusalsWrappedByQuarkusNameTheField() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertEquals("practice", refusal("{\"practice\":" + deep + "}").errors().get(0).field());
        assertEquals("amount", refusal("{\"amount\":3000000000}").errors().get(0).field());
        assertEquals("thresholds[1]", refusal("{\"thresholds\":[1,99999999999]}").errors().get(0).field());
        assertEquals("is out of range", refusal("{\"amount\":3000000000}").errors().get(0).message());
    }

    @Test
    void freeFormJsonTooDeepAtTheRootNamesTheField() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        for (String field : List.of("practice", "facts")) {
            Exception parsing = assertThrows(Exception.class,
                    () -> strict().readValue("{\"" + field + "\":" + deep + "}", JsonNode.class));
            Response response = new ProblemMappers().webApplication(
                    new WebApplicationException(parsing, Response.Status.BAD_REQUEST), null, null, null);
            assertEquals(field, ((Problem) response.getEntity()).errors().get(0).field());
            assertEquals("is nested too deeply", ((Problem) response.getEntity()).errors().get(0).message());
        }
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorProblem() {
        Response response = new ProblemMappers().unexpected(new IllegalStateException("patient Jane Doe"));
        assertEquals(500, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals(ProblemType.INTERNAL_ERROR, problem.kind());
        assertEquals(false, problem.detail().contains("Jane"), "the exception's text is not echoed");
    }

    @Test
    void aLostDatabaseConnectionIsServiceUnavailable() {
        Response response = new ProblemMappers().unexpected(new RuntimeException("wrapped",
                new SQLTransientConnectionException("Acquisition timeout while waiting for new connection")));
        assertEquals(503, response.getStatus());
        assertEquals(ProblemType.SERVICE_UNAVAILABLE, ((Problem) response.getEntity()).kind());
        assertEquals("5", response.getHeaderString("Retry-After"));
    }

    /** A statement running while PostgreSQL shuts down, or a connection made while it starts up: try again, not a fault. */
    @Test
    void aDatabaseShuttingDownOrStartingUpIsServiceUnavailable() {
        for (String state : List.of("57P01", "57P02", "57P03")) {
            Response response = new ProblemMappers().unexpected(new RuntimeException("wrapped",
                    new java.sql.SQLException("terminating connection due to administrator command", state)));
            assertEquals(503, response.getStatus(), state);
            assertEquals(ProblemType.SERVICE_UNAVAILABLE, ((Problem) response.getEntity()).kind(), state);
        }
        // a statement cancelled for another reason is not the database going away
        assertEquals(500, new ProblemMappers().unexpected(new RuntimeException("wrapped",
                new java.sql.SQLException("canceling statement due to user request", "57014"))).getStatus());
    }
}
