package org.ehiaccess.ui.request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.ws.rs.QueryParam;

import org.ehiaccess.ui.client.intake.Channel;
import org.ehiaccess.ui.client.intake.LogQuery;
import org.ehiaccess.ui.client.ProblemDetails;
import org.ehiaccess.ui.client.intake.RequestStatus;
import org.ehiaccess.ui.client.intake.RequesterType;
import org.ehiaccess.ui.web.FieldMessages;

/**
 * The request log's filters as the address carries them ({@code /requests?status=triaged&due=overdue}),
 * so a filtered log can be bookmarked, shared, reloaded and gone back to, with or without JavaScript.
 * The names and values are the intake API's.
 */
public class LogFilter {

    static final Map<String, String> LABELS = labels();
    /** The page sizes offered. */
    public static final List<Integer> SIZES = List.of(10, 25, 50, 100);

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
    /** Rows per page: one of {@link #SIZES}; empty for the deployment's default. */
    @QueryParam("size")
    public String size;
    /** The keyset cursor of the page being shown (the API's opaque {@code after}). */
    @QueryParam("after")
    public String after;

    private final Map<String, String> errors = new LinkedHashMap<>();

    LogFilter normalized() {
        status = status == null ? new ArrayList<>()
                : new ArrayList<>(status.stream().flatMap(s -> Arrays.stream(s.split(","))).map(String::strip)
                        .filter(s -> !s.isEmpty()).distinct().toList());
        due = strip(due);
        requesterType = strip(requesterType);
        channel = strip(channel);
        assignee = strip(assignee);
        receivedFrom = strip(receivedFrom);
        receivedTo = strip(receivedTo);
        q = strip(q);
        sort = strip(sort);
        size = strip(size);
        if (!size.isEmpty() && SIZES.stream().noneMatch(n -> String.valueOf(n).equals(size))) {
            size = "";
        }
        after = strip(after);
        return this;
    }

    /** The API's query, or null when a date cannot even be read (its message is set). */
    LogQuery toQuery() {
        checkDate("receivedFrom", receivedFrom);
        checkDate("receivedTo", receivedTo);
        if (!errors.isEmpty()) {
            return null;
        }
        return new LogQuery(status, blankToNull(due), blankToNull(requesterType), blankToNull(channel),
                blankToNull(assignee), blankToNull(receivedFrom), blankToNull(receivedTo), blankToNull(q),
                blankToNull(sort));
    }

    void reject(ProblemDetails problem) {
        for (ProblemDetails.FieldProblem error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            errors.putIfAbsent(LABELS.containsKey(field) ? field : "filter",
                    FieldMessages.sentence(field, error.message(), LABELS, null));
        }
        if (errors.isEmpty()) {
            errors.put("filter", problem.detail() != null ? problem.detail() : problem.title());
        }
    }

    // --- read by the template -----------------------------------------------------------------

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<String> messages() {
        return List.copyOf(errors.values());
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    public boolean hasStatus(String value) {
        return status.contains(value);
    }

    /** Any filter set (the sort and the page do not count). */
    public boolean active() {
        return !status.isEmpty() || !due.isEmpty() || !requesterType.isEmpty() || !channel.isEmpty()
                || !assignee.isEmpty() || !receivedFrom.isEmpty() || !receivedTo.isEmpty() || !q.isEmpty();
    }

    /** A later page (reached by "Next page"). */
    public boolean laterPage() {
        return !after.isEmpty();
    }

    /** This filter's query string, without the page ({@code status=triaged&sort=due}); may be empty. */
    public String query() {
        StringJoiner query = new StringJoiner("&");
        status.forEach(s -> query.add("status=" + encode(s)));
        add(query, "due", due);
        add(query, "requesterType", requesterType);
        add(query, "channel", channel);
        add(query, "assignee", assignee);
        add(query, "receivedFrom", receivedFrom);
        add(query, "receivedTo", receivedTo);
        add(query, "q", q);
        add(query, "sort", sort);
        add(query, "size", size);
        return query.toString();
    }

    /** The log's first page with this filter. */
    public String href() {
        String query = query();
        return query.isEmpty() ? "/requests" : "/requests?" + query;
    }

    /** The page being shown (with its cursor). */
    public String pageHref() {
        return after.isEmpty() ? href() : href() + (query().isEmpty() ? "?" : "&") + "after=" + encode(after);
    }

    /** The next page after {@code cursor}. */
    public String nextHref(String cursor) {
        return href() + (query().isEmpty() ? "?" : "&") + "after=" + encode(cursor);
    }

    /** Rows per page: the chosen size, else {@code defaultSize}. */
    int pageSize(int defaultSize) {
        return size.isEmpty() ? defaultSize : Integer.parseInt(size);
    }

    public List<Integer> sizes() {
        return SIZES;
    }

    /** The filtered log as CSV (every page; the page size does not matter). */
    public String csvHref() {
        String query = query().replaceAll("(^|&)size=\\d+", "").replaceFirst("^&", "");
        return query.isEmpty() ? "/requests/export.csv" : "/requests/export.csv?" + query;
    }

    public List<RequestStatus> statuses() {
        return Arrays.asList(RequestStatus.values());
    }

    public List<RequesterType> requesterTypes() {
        return Arrays.asList(RequesterType.values());
    }

    public List<Channel> channels() {
        return Arrays.asList(Channel.values());
    }

    // --- helpers ------------------------------------------------------------------------------

    private void checkDate(String field, String value) {
        if (!value.isEmpty()) {
            try {
                LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                errors.put(field, LABELS.get(field) + ": enter a date as year-month-day, for example 2026-03-02");
            }
        }
    }

    private static void add(StringJoiner query, String name, String value) {
        if (!value.isEmpty()) {
            query.add(name + "=" + encode(value));
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("status", "Status");
        labels.put("due", "Deadline");
        labels.put("requesterType", "Who is asking");
        labels.put("channel", "How it arrived");
        labels.put("assignee", "Assigned to");
        labels.put("receivedFrom", "Received from");
        labels.put("receivedTo", "Received to");
        labels.put("q", "Search");
        labels.put("sort", "Sort");
        labels.put("after", "Page");
        return java.util.Collections.unmodifiableMap(labels);
    }
}
