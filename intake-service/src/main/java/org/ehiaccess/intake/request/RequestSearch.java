package org.ehiaccess.intake.request;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;


import io.quarkus.panache.common.Parameters;

/**
 * Finds requests of the signed-in clinic by filter, one page at a time, sorted by deadline or by
 * receipt, with keyset pagination so that page 1,000 costs what page 1 costs.
 */
@ApplicationScoped
public class RequestSearch {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    /** A page of results and the cursor of the next page (null on the last page). */
    public record Page(List<EhiRequest> requests, Cursor next) {
    }

    @Transactional
    public Page find(RequestFilter filter, Cursor after, int limit, ZoneId zone) {
        // Clinics differ in size by orders of magnitude: a cached generic plan suits a typical clinic
        // and not one with a million requests (it read the whole clinic, then the word index: 115 ms).
        // So searches are planned for their actual values; only searches, as replanning every statement
        // of the create path cost PostgreSQL a fifth of its time.
        em.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        Instant now = clock.instant();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" and status in :statuses");
            params.and("statuses", filter.statuses());
        }
        if (filter.due() == RequestFilter.Due.overdue) {
            where.append(" and nextDueAt < :now");
            params.and("now", now);
        } else if (filter.due() == RequestFilter.Due.due_soon) {
            where.append(" and nextWarnAt <= :now and nextDueAt >= :now");
            params.and("now", now);
        }
        if (filter.requesterType() != null) {
            where.append(" and requesterType = :requesterType");
            params.and("requesterType", filter.requesterType());
        }
        if (filter.channel() != null) {
            where.append(" and channel = :channel");
            params.and("channel", filter.channel());
        }
        if (filter.assignee() != null && !filter.assignee().isBlank()) {
            where.append(" and assignee = :assignee");
            params.and("assignee", filter.assignee().strip());
        }
        if (filter.receivedFrom() != null) {
            where.append(" and receivedAt >= :receivedFrom");
            params.and("receivedFrom", filter.receivedFrom().atStartOfDay(zone).toInstant());
        }
        if (filter.receivedTo() != null) {
            where.append(" and receivedAt < :receivedTo");
            params.and("receivedTo", filter.receivedTo().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            // every word typed starts a word of the names, organization or MRN (the full-text index of
            // migration V5); a pasted request id finds that request
            String text = filter.text().strip();
            Optional<UUID> id = uuid(text);
            String words = prefixQuery(text);
            // text without letters or digits matches no words
            String matches = words.isEmpty() ? "1 = 0" : "cast(request_text_matches(searchText, :words) as Boolean)";
            where.append(id.isPresent() ? " and (" + matches + " or id = :id)" : " and " + matches);
            if (!words.isEmpty()) {
                params.and("words", words);
            }
            id.ifPresent(value -> params.and("id", value));
        }
        boolean byDue = filter.sort() == RequestFilter.Sort.due;
        if (after != null) {
            params.and("afterId", after.id());
            if (byDue && after.sortValue() == null) {
                where.append(" and nextDueAt is null and id > :afterId");
            } else if (byDue) {
                where.append(" and (nextDueAt > :afterValue or (nextDueAt = :afterValue and id > :afterId)"
                        + " or nextDueAt is null)");
                params.and("afterValue", after.sortValue());
            } else {
                where.append(" and (receivedAt < :afterValue or (receivedAt = :afterValue and id < :afterId))");
                params.and("afterValue", after.sortValue());
            }
        }
        String order = byDue ? " order by nextDueAt asc nulls last, id asc" : " order by receivedAt desc, id desc";
        List<EhiRequest> rows = new ArrayList<>(EhiRequest.<EhiRequest>find(where + order, params)
                .range(0, limit).list());
        // range() is inclusive: one row more than the page tells whether another page follows
        boolean more = rows.size() > limit;
        if (!more) {
            return new Page(rows, null);
        }
        rows.remove(limit);
        EhiRequest last = rows.get(limit - 1);
        return new Page(rows, new Cursor(byDue ? last.nextDueAt : last.receivedAt, last.id));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The text-search query "every word is the start of a word": {@code O'Bri 0042} becomes
     * {@code o:* & bri:* & 0042:*}. Words are letters and digits only, so nothing the user types is
     * read as query syntax. Empty when the text has no letters or digits.
     */
    static String prefixQuery(String text) {
        String words = EhiRequest.normalized(text);
        if (words.isEmpty()) {
            return "";
        }
        return Arrays.stream(words.split(" ")).map(word -> word + ":*").collect(Collectors.joining(" & "));
    }
}
