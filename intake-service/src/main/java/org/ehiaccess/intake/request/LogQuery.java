package org.ehiaccess.intake.request;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.ehiaccess.platform.problem.Problem.FieldError;
import org.ehiaccess.platform.problem.ProblemException;

/**
 * The log's query string. Parsed here rather than by JAX-RS converters so that a bad value answers
 * 400 naming the parameter (a failed converter would answer 404).
 */
public class LogQuery {

    public static final int MAX_LIMIT = 500;
    /** {@code status=open}: received, triaged, in review, waiting on the requester or extended. */
    static final String OPEN = "open";

    @QueryParam("status")
    public List<String> status;
    @QueryParam("due")
    public String due;
    @QueryParam("requesterType")
    public String requesterType;
    @QueryParam("channel")
    public String channel;
    @QueryParam("assignee")
    public String assignee;
    @QueryParam("receivedFrom")
    public String receivedFrom;
    @QueryParam("receivedTo")
    public String receivedTo;
    @QueryParam("q")
    public String q;
    @QueryParam("sort")
    public String sort;
    @QueryParam("after")
    public String after;
    @QueryParam("limit")
    public String limit;

    private final List<FieldError> errors = new ArrayList<>();

    public RequestFilter filter() {
        Set<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        if (status != null) {
            status.stream().flatMap(s -> Arrays.stream(s.split(","))).map(String::strip).filter(s -> !s.isBlank())
                    .forEach(s -> {
                        if (OPEN.equals(s)) {
                            // shorthand for every status of a request still being worked
                            Arrays.stream(RequestStatus.values()).filter(RequestStatus::isOpen).forEach(statuses::add);
                        } else {
                            RequestStatus one = value(RequestStatus.class, "status", s);
                            if (one != null) {
                                statuses.add(one);
                            }
                        }
                    });
        }
        RequestFilter filter = new RequestFilter(statuses, value(RequestFilter.Due.class, "due", due),
                value(RequesterType.class, "requesterType", requesterType), value(Channel.class, "channel", channel),
                blankToNull(assignee), date("receivedFrom", receivedFrom), date("receivedTo", receivedTo),
                blankToNull(q), sort == null || sort.isBlank() ? RequestFilter.Sort.received
                        : value(RequestFilter.Sort.class, "sort", sort));
        if (q != null && q.length() > 200) {
            errors.add(new FieldError("q", "must be at most 200 characters"));
        }
        if (filter.receivedFrom() != null && filter.receivedTo() != null
                && filter.receivedFrom().isAfter(filter.receivedTo())) {
            errors.add(new FieldError("receivedTo", "must be on or after receivedFrom"));
        }
        failIfInvalid();
        return filter;
    }

    public Cursor cursor() {
        return after == null || after.isBlank() ? null : Cursor.decode(after);
    }

    public int limit(int defaultLimit) {
        if (limit == null || limit.isBlank()) {
            return defaultLimit;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private <E extends Enum<E>> E value(Class<E> type, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date like 2026-03-02"));
            return null;
        }
    }

    private void failIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(errors));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
