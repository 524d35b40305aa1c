package org.ehiaccess.platform.input;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks every request before its parameters are read: a NUL character in a query, path or header
 * parameter is refused naming the parameter (PostgreSQL cannot store or compare it), and a body without
 * a Content-Type is refused with 415 rather than guessed at.
 */
public class RequestInputFilter {

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        String bad = firstWithNul(request.getUriInfo().getQueryParameters());
        if (bad == null) {
            bad = firstWithNul(request.getUriInfo().getPathParameters());
        }
        if (bad == null) {
            bad = firstWithNul(request.getHeaders());
        }
        if (bad != null) {
            return respond(Problem.invalid(List.of(new Problem.FieldError(bad, StrictJson.NUL_MESSAGE))));
        }
        if (request.getMediaType() == null && hasBody(request)) {
            return respond(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, 415, "Unsupported Media Type",
                    "The request has a body but no Content-Type; send it as application/json"));
        }
        return null;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    private static String firstWithNul(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0) {
                return parameter.getKey().replace('\u0000', '?');
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
