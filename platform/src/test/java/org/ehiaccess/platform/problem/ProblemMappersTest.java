package org.ehiaccess.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLTransientConnectionException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** Failures nobody mapped still answer as problem details, never as a bare body. */
class ProblemMappersTest {

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
}
