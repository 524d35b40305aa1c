package org.ehiaccess.ui.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One figure of the dashboard, as reporting-service names it: which requests ({@code received}, {@code denied},
 * {@code fulfilled}, {@code documented}, {@code undocumented}, {@code on_time}, {@code late}, {@code open}) of which
 * days, narrowed by channel, requester type, legal basis, exception or clock. Its {@link #href()} is the page
 * listing exactly those requests.
 */
public record FigureQuery(String figure, LocalDate from, LocalDate to, String channel, String requesterType,
        String basis, String exception, String clock) {

    static final Set<String> FIGURES = Set.of("received", "denied", "fulfilled", "documented", "undocumented",
            "on_time", "late", "open");

    static FigureQuery of(String figure, LocalDate from, LocalDate to) {
        return new FigureQuery(figure, from, to, null, null, null, null, null);
    }

    FigureQuery channel(String code) {
        return new FigureQuery(figure, from, to, code, requesterType, basis, exception, clock);
    }

    FigureQuery requesterType(String code) {
        return new FigureQuery(figure, from, to, channel, code, basis, exception, clock);
    }

    FigureQuery basis(String code) {
        return new FigureQuery(figure, from, to, channel, requesterType, code, exception, clock);
    }

    FigureQuery exception(String code) {
        return new FigureQuery(figure, from, to, channel, requesterType, basis, code, clock);
    }

    FigureQuery clock(String code) {
        return new FigureQuery(figure, from, to, channel, requesterType, basis, exception, code);
    }

    /** The page of the requests behind this figure. */
    public String href() {
        StringBuilder out = new StringBuilder("/dashboard/requests?figure=").append(encode(figure))
                .append("&from=").append(from).append("&to=").append(to);
        param(out, "channel", channel);
        param(out, "requesterType", requesterType);
        param(out, "basis", basis);
        param(out, "exception", exception);
        param(out, "clock", clock);
        return out.toString();
    }

    /** "Denials and limitations · Requester: Attorney or court" */
    public String words() {
        List<String> parts = new ArrayList<>();
        parts.add(DashboardLabels.figure(figure));
        if (channel != null) {
            parts.add("Channel: " + DashboardLabels.channel(channel));
        }
        if (requesterType != null) {
            parts.add("Requester: " + DashboardLabels.requesterType(requesterType));
        }
        if (basis != null) {
            parts.add("Legal basis: " + DashboardLabels.basis(basis));
        }
        if (exception != null) {
            parts.add("Exception: " + DashboardLabels.exception(exception));
        }
        if (clock != null) {
            parts.add("Clock: " + DashboardLabels.clock(clock));
        }
        return String.join(" · ", parts);
    }

    private static void param(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
