package org.ehiaccess.ui.client.intake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The request log as the pages use it. Reads are retried; so is logging a request, because it always
 * carries an {@code Idempotency-Key}: a retried POST gets the first result and never makes a
 * duplicate. A refusal (4xx) is an answer and is never retried, nor counted against the service.
 */
@ApplicationScoped
// once for every call: retried unless the method says otherwise (a change carrying a version is not), and each
// method has its own circuit breaker
@Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { IntakeRefusedException.class, CircuitBreakerOpenException.class })
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = IntakeRefusedException.class)
public class IntakeClient {

    @Inject
    @RestClient
    IntakeApi api;

    public List<RequestRecord> latestRequests(int limit) {
        try {
            return api.latest(limit);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** One request of the signed-in clinic; empty when it does not exist for this clinic. */
    public Optional<RequestRecord> request(UUID id) {
        try {
            return Optional.of(api.get(id));
        } catch (IntakeRefusedException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /**
     * Logs a request once per {@code idempotencyKey}; safe to retry, and safe for the person to send
     * again after a failure.
     */
    public RequestRecord logRequest(String idempotencyKey, NewRequestBody request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            // without a key a retry could log the request twice
            throw new IllegalArgumentException("logging a request needs an Idempotency-Key");
        }
        try {
            return api.create(idempotencyKey, request);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** One page of the log filtered by {@code filter}, after {@code cursor} (null: the first page). */
    public LogPage search(LogQuery filter, String cursor, int limit) {
        try {
            RestResponse<List<RequestRecord>> response = api.search(filter.statuses(), filter.due(),
                    filter.requesterType(), filter.channel(), filter.assignee(), filter.receivedFrom(),
                    filter.receivedTo(), filter.q(), filter.sort(), blankToNull(cursor), limit);
            if (response.getStatus() >= 400) {
                throw IntakeApi.toException(response.toResponse());
            }
            return new LogPage(response.getEntity() == null ? List.of() : response.getEntity(),
                    nextCursor(response.getHeaderString(HttpHeaders.LINK)));
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** The filtered log, every page, as the API's CSV. */
    public String exportCsv(LogQuery filter) {
        try {
            return api.export(filter.statuses(), filter.due(), filter.requesterType(), filter.channel(),
                    filter.assignee(), filter.receivedFrom(), filter.receivedTo(), filter.q(), filter.sort());
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    public List<TimelineEntry> timeline(UUID id) {
        try {
            return api.timeline(id);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    // Changes carry the version they were made on (If-Match) and are not retried: had the first try
    // landed, a retry would be refused as stale and the person told someone else changed the request.

    @Retry(maxRetries = 0)
    public RequestRecord edit(UUID id, int version, NewRequestBody details) {
        try {
            return api.edit(id, etag(version), details);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public RequestRecord changeStatus(UUID id, int version, RequestChangeBodies.StatusChange change) {
        try {
            return api.changeStatus(id, etag(version), change);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public RequestRecord verify(UUID id, int version, RequestChangeBodies.Verification verification) {
        try {
            return api.verify(id, etag(version), verification);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public RequestRecord extend(UUID id, int version, RequestChangeBodies.Extension extension) {
        try {
            return api.extend(id, etag(version), extension);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public RequestRecord assign(UUID id, int version, RequestChangeBodies.Assignment assignment) {
        try {
            return api.assign(id, etag(version), assignment);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public TimelineEntry addNote(UUID id, RequestChangeBodies.Note note) {
        try {
            return api.addNote(id, note);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    @Retry(maxRetries = 0)
    public DuplicateFlag decideDuplicate(UUID id, UUID flagId, String decision) {
        try {
            return api.decideDuplicate(id, flagId, new RequestChangeBodies.DuplicateDecision(decision));
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** {@code "3"}: the version as the API's ETag. */
    static String etag(int version) {
        return "\"" + version + "\"";
    }

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

    /** The {@code after} cursor of a {@code Link: <...?after=X>; rel="next"} header, else null. */
    static String nextCursor(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        Matcher m = NEXT_LINK.matcher(link);
        if (!m.find()) {
            return null;
        }
        String query = java.net.URI.create(m.group(1)).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("after=")) {
                return URLDecoder.decode(pair.substring("after=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static IntakeUnavailableException unreachable(ProcessingException e) {
        return new IntakeUnavailableException("intake-service could not be reached", e);
    }
}
