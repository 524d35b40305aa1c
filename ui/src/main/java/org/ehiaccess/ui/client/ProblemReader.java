package org.ehiaccess.ui.client;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a service's problem details (RFC 9457) from a 4xx answer without trusting the body to be one. */
public final class ProblemReader {
    private static final Logger LOG = Logger.getLogger(ProblemReader.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ProblemReader() {
    }

    public static ProblemDetails read(Response response) {
        int status = response.getStatus();
        try {
            if (response.hasEntity()) {
                String body = response.readEntity(String.class);
                if (body != null && body.trim().startsWith("{")) {
                    ProblemDetails problem = JSON.readValue(body, ProblemDetails.class);
                    return problem.status() == status ? problem
                            : new ProblemDetails(problem.type(), problem.title(), status, problem.detail(), problem.errors());
                }
            }
        } catch (Exception e) {
            // never log the body: it may echo what was typed
            LOG.debugf("A service answered %d without readable problem details (%s)", status, e.getClass().getSimpleName());
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return ProblemDetails.ofStatus(status, known != null ? known.getReasonPhrase() : "Error");
    }
}
