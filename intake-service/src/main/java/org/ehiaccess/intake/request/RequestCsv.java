package org.ehiaccess.intake.request;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;


import io.quarkus.narayana.jta.QuarkusTransaction;

/** Writes the filtered log as CSV, page by page, so a large export never sits in memory. */
@ApplicationScoped
public class RequestCsv {

    static final int PAGE = 500;
    static final List<String> COLUMNS = List.of("id", "received_at", "channel", "requester_type", "requester_name",
            "requester_organization", "patient_name", "patient_birth_date", "patient_mrn", "purpose", "ehi_classes",
            "all_ehi", "manner_requested", "status", "assignee", "next_due_at", "manner_used", "fulfilled_at");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    RequestSearch search;

    public StreamingOutput write(RequestFilter filter, ZoneId zone) {
        // the filter and zone are read now; rows are fetched while the response is written
        return output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            out.write(String.join(",", COLUMNS));
            out.write("\r\n");
            Cursor after = null;
            do {
                Cursor from = after;
                RequestSearch.Page page = QuarkusTransaction.requiringNew()
                        .call(() -> search.find(filter, from, PAGE, zone));
                for (EhiRequest r : page.requests()) {
                    out.write(row(r, zone));
                }
                after = page.next();
            } while (after != null);
            out.flush();
        };
    }

    static String row(EhiRequest r, ZoneId zone) {
        return List.of(String.valueOf(r.id), local(r.receivedAt, zone), r.channel.name(), r.requesterType.name(),
                text(r.requesterName), text(r.requesterOrganization), text(r.patientName),
                String.valueOf(r.patientBirthDate), text(r.patientMrn), r.purpose == null ? "" : r.purpose.name(),
                r.ehiClasses().stream().map(Enum::name).collect(Collectors.joining(" ")), String.valueOf(r.allEhi),
                r.mannerRequested == null ? "" : r.mannerRequested.name(), r.status.name(), text(r.assignee),
                local(r.nextDueAt, zone), r.mannerUsed == null ? "" : r.mannerUsed.name(), local(r.fulfilledAt, zone))
                .stream().map(RequestCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String local(Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL.format(instant.atZone(zone));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet does not run it. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
