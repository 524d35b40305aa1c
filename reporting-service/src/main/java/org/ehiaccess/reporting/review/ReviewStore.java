package org.ehiaccess.reporting.review;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.problem.ProblemType;
import org.ehiaccess.platform.version.Versions;
import org.ehiaccess.reporting.Jdbc;
import org.ehiaccess.reporting.event.DataKey;
import org.ehiaccess.reporting.metrics.Period;
import org.ehiaccess.reporting.projection.Projector;
import org.ehiaccess.reporting.review.Review.Answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Draws, keeps and locks the quarterly denial reviews of a clinic; every query names the clinic, so another clinic's
 * review is not found.
 */
@ApplicationScoped
public class ReviewStore {

    /** Seeds stay below 2^53 so that a browser's JSON numbers carry them exactly. */
    public static final long MAX_SEED = (1L << 53) - 1;
    static final int MAX_SIZE = 1000;
    static final int MAX_NOTES = 20_000;
    static final int MAX_COMMENT = 4_000;
    static final int MAX_ACTIONS = 100;
    static final int MAX_ACTION_TEXT = 2_000;
    private static final SecureRandom SEEDS = new SecureRandom();

    /** The population: the request facts answered as a denial or a limitation within the quarter, in its zone. */
    static final String POPULATION = "SELECT request_id, status, legal_basis, exception_code, hipaa_ground,"
            + " requester_type, received_at, closed_at FROM request_fact WHERE clinic_id = ?"
            + " AND status IN ('denied', 'partially_fulfilled') AND closed_at >= ? AND closed_at < ?";

    @Inject
    DataSource db;

    @Inject
    ObjectMapper json;

    @Transactional
    public UUID draw(String clinicId, String actor, Review.Draw input) {
        if (input == null) {
            throw ProblemException.invalid("quarter", "is required, e.g. 2026-Q4");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Quarter quarter = null;
        ZoneId zone = null;
        try {
            quarter = Quarter.parse(input.quarter(), "quarter");
        } catch (ProblemException e) {
            errors.addAll(e.problem().errors());
        }
        try {
            zone = Period.zone(input.zone());
        } catch (ProblemException e) {
            errors.addAll(e.problem().errors());
        }
        if (input.size() != null && (input.size() < 1 || input.size() > MAX_SIZE)) {
            errors.add(new Problem.FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (input.seed() != null && (input.seed() < 0 || input.seed() > MAX_SEED)) {
            errors.add(new Problem.FieldError("seed", "must be a whole number from 0 to " + MAX_SEED));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        long seed = input.seed() != null ? input.seed() : SEEDS.nextLong() & MAX_SEED;
        Instant start = quarter.first().atStartOfDay(zone).toInstant();
        Instant end = quarter.last().plusDays(1).atStartOfDay(zone).toInstant();
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            Map<UUID, Fact> facts = new HashMap<>();
            List<Sampler.Candidate> population = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(POPULATION)) {
                s.setString(1, clinicId);
                Projector.setInstant(s, 2, start);
                Projector.setInstant(s, 3, end);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Fact f = new Fact(r.getObject("request_id", UUID.class), r.getString("status"),
                                r.getString("legal_basis"), r.getString("exception_code"), r.getString("hipaa_ground"),
                                r.getString("requester_type"), Projector.instant(r, "received_at"), Projector.instant(r, "closed_at"));
                        facts.put(f.requestId, f);
                        population.add(new Sampler.Candidate(f.requestId, f.stratum()));
                    }
                }
            }
            int size = input.size() != null ? input.size() : Sampler.defaultSize(population.size());
            Sampler.Sample sample = Sampler.draw(population, size, seed);
            String selection = "request_fact of clinic " + clinicId + " with status denied or partially_fulfilled"
                    + " answered (closed_at) from " + start + " (incl.) to " + end + " (excl.): " + quarter + " in "
                    + zone.getId() + "; strata: legal_basis ('unrecorded' when none), at least one per stratum, the"
                    + " rest in proportion (largest remainder); within a stratum, ordered by request_id, a partial"
                    + " Fisher-Yates shuffle with java.util.Random(seed)";
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO denial_review (id, clinic_id, quarter, zone, seed, requested_size, size, population,
                        selection, strata, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, now())""")) {
                s.setObject(1, id);
                s.setString(2, clinicId);
                s.setString(3, quarter.toString());
                s.setString(4, zone.getId());
                s.setLong(5, seed);
                s.setObject(6, input.size(), Types.INTEGER);
                s.setInt(7, sample.drawn().size());
                s.setInt(8, population.size());
                s.setString(9, selection);
                s.setString(10, json.writeValueAsString(sample.strata()));
                s.setString(11, actor);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO denial_review_item (review_id, clinic_id, request_id, position, stratum, status,
                        legal_basis, exception_code, hipaa_ground, requester_type, received_at, closed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int position = 0;
                for (Sampler.Candidate candidate : sample.drawn()) {
                    Fact f = facts.get(candidate.requestId());
                    s.setObject(1, id);
                    s.setString(2, clinicId);
                    s.setObject(3, f.requestId);
                    s.setInt(4, ++position);
                    s.setString(5, candidate.stratum());
                    s.setString(6, f.status);
                    s.setString(7, f.legalBasis);
                    s.setString(8, f.exceptionCode);
                    s.setString(9, f.hipaaGround);
                    s.setString(10, f.requesterType);
                    Projector.setInstant(s, 11, f.receivedAt);
                    Projector.setInstant(s, 12, f.closedAt);
                    s.addBatch();
                }
                s.executeBatch();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not store the review", e);
        }
        return id;
    }

    public List<Review.Summary> list(String clinicId) {
        List<Review.Summary> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT id, quarter, size, population, created_by, created_at, signed_by, signed_at, version
                FROM denial_review WHERE clinic_id = ? ORDER BY quarter DESC, created_at DESC""")) {
            s.setString(1, clinicId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Review.Summary(r.getObject("id", UUID.class), r.getString("quarter"), r.getInt("size"),
                            r.getInt("population"), r.getString("created_by"), Projector.instant(r, "created_at"),
                            r.getString("signed_by"), Projector.instant(r, "signed_at"), r.getLong("version")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the reviews", e);
        }
        return out;
    }

    public Review.View get(String clinicId, UUID id) {
        try (Connection c = db.getConnection()) {
            return read(c, clinicId, id);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the review", e);
        }
    }

    /** Replaces the meeting notes and the follow-up actions of an unsigned review at {@code version}. */
    @Transactional
    public Review.View meeting(String clinicId, UUID id, long version, Review.Meeting input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input == null) {
            throw ProblemException.invalid("meetingNotes", "the body is required");
        }
        text(input.meetingNotes(), "meetingNotes", MAX_NOTES, false, errors);
        List<Review.Action> actions = input.actions() == null ? List.of() : input.actions();
        if (actions.size() > MAX_ACTIONS) {
            errors.add(new Problem.FieldError("actions", "must hold at most " + MAX_ACTIONS + " actions"));
        }
        for (int i = 0; i < actions.size() && i < MAX_ACTIONS; i++) {
            Review.Action a = actions.get(i);
            String at = "actions[" + i + "].";
            if (a.ownerId() == null || !DataKey.assigneeId.accepts(a.ownerId())) {
                errors.add(new Problem.FieldError(at + "ownerId", "must be the owner's account id (letters, digits,"
                        + " . _ : -; at most 100)"));
            }
            if (a.dueOn() == null) {
                errors.add(new Problem.FieldError(at + "dueOn", "is required (YYYY-MM-DD)"));
            }
            text(a.text(), at + "text", MAX_ACTION_TEXT, true, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        try (Connection c = db.getConnection()) {
            lockForChange(c, clinicId, id, version);
            Jdbc.update(c, "UPDATE denial_review SET meeting_notes = ?, version = version + 1 WHERE clinic_id = ?"
                    + " AND id = ?", input.meetingNotes(), clinicId, id);
            Jdbc.update(c, "DELETE FROM denial_review_action WHERE clinic_id = ? AND review_id = ?", clinicId, id);
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO denial_review_action (review_id, clinic_id, position, owner_id, due_on, text)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < actions.size(); i++) {
                    s.setObject(1, id);
                    s.setString(2, clinicId);
                    s.setInt(3, i + 1);
                    s.setString(4, actions.get(i).ownerId());
                    s.setObject(5, actions.get(i).dueOn());
                    s.setString(6, actions.get(i).text());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return read(c, clinicId, id);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save the review", e);
        }
    }

    /** Fills one item's tally sheet at the item's {@code version}; the review must be unsigned. */
    @Transactional
    public Review.Item tally(String clinicId, UUID id, UUID requestId, long version, Review.Tally input) {
        if (input == null) {
            throw ProblemException.invalid("exceptionCited", "the body is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        text(input.comment(), "comment", MAX_COMMENT, false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        try (Connection c = db.getConnection()) {
            // a share lock: tally sheets are filled side by side, but never while the review is being signed
            lockReview(c, clinicId, id, "FOR SHARE");
            long stored;
            try (PreparedStatement s = c.prepareStatement("SELECT version FROM denial_review_item"
                    + " WHERE clinic_id = ? AND review_id = ? AND request_id = ? FOR UPDATE")) {
                s.setString(1, clinicId);
                s.setObject(2, id);
                s.setObject(3, requestId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw ProblemException.notFound("This request in the review");
                    }
                    stored = r.getLong(1);
                }
            }
            Versions.check("tally sheet", version, stored);
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE denial_review_item SET exception_cited = ?, matrix_line = ?, worksheet_complete = ?,
                        signed_before_letter = ?, letter_content = ?, sent_on_time = ?, consistent = ?, comment = ?,
                        version = version + 1
                    WHERE clinic_id = ? AND review_id = ? AND request_id = ?""")) {
                List<Answer> answers = input.answers();
                for (int i = 0; i < answers.size(); i++) {
                    s.setString(i + 1, answers.get(i) == null ? null : answers.get(i).name());
                }
                s.setString(8, input.comment());
                s.setString(9, clinicId);
                s.setObject(10, id);
                s.setObject(11, requestId);
                s.executeUpdate();
            }
            return items(c, clinicId, id).stream().filter(i -> i.requestId().equals(requestId)).findFirst()
                    .orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save the tally sheet", e);
        }
    }

    /** Signs and locks the review at {@code version}: every tally sheet must be complete. */
    @Transactional
    public Review.View sign(String clinicId, UUID id, long version, String actor) {
        try (Connection c = db.getConnection()) {
            lockForChange(c, clinicId, id, version);
            long open = items(c, clinicId, id).stream().filter(i -> !i.complete()).count();
            if (open > 0) {
                throw ProblemException.conflict(ProblemType.CONFLICT, open + " tally sheet(s) still have unanswered"
                        + " questions; answer each with yes, no or na before signing");
            }
            Jdbc.update(c, "UPDATE denial_review SET signed_by = ?, signed_at = now(), version = version + 1"
                    + " WHERE clinic_id = ? AND id = ?", actor, clinicId, id);
            return read(c, clinicId, id);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not sign the review", e);
        }
    }

    /** Locks the review row; 404 if the clinic has no such review, 409 locked if it is signed. Returns its version. */
    private static long lockReview(Connection c, String clinicId, UUID id, String lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT version, signed_at FROM denial_review WHERE clinic_id = ? AND id = ? " + lock)) {
            s.setString(1, clinicId);
            s.setObject(2, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw ProblemException.notFound("The review");
                }
                if (r.getObject("signed_at") != null) {
                    throw ProblemException.conflict(ProblemType.LOCKED,
                            "The review is signed and locked; nothing in it can change");
                }
                return r.getLong("version");
            }
        }
    }

    private static void lockForChange(Connection c, String clinicId, UUID id, long version) throws SQLException {
        Versions.check("review", version, lockReview(c, clinicId, id, "FOR UPDATE"));
    }

    private Review.View read(Connection c, String clinicId, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM denial_review WHERE clinic_id = ? AND id = ?")) {
            s.setString(1, clinicId);
            s.setObject(2, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw ProblemException.notFound("The review");
                }
                List<Review.Item> items = items(c, clinicId, id);
                List<Sampler.Stratum> strata = json.readValue(r.getString("strata"),
                        new TypeReference<List<Sampler.Stratum>>() {
                        });
                Instant signedAt = Projector.instant(r, "signed_at");
                return new Review.View(id, r.getString("quarter"), r.getString("zone"), r.getLong("seed"),
                        (Integer) r.getObject("requested_size"), r.getInt("size"), r.getInt("population"),
                        r.getString("selection"), strata, r.getString("meeting_notes"), actions(c, clinicId, id),
                        items, totals(items), r.getString("created_by"), Projector.instant(r, "created_at"),
                        r.getString("signed_by"), signedAt, signedAt != null, r.getLong("version"));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not read the review's strata", e);
        }
    }

    private static List<Review.Item> items(Connection c, String clinicId, UUID id) throws SQLException {
        List<Review.Item> items = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT * FROM denial_review_item WHERE clinic_id = ? AND review_id = ? ORDER BY position")) {
            s.setString(1, clinicId);
            s.setObject(2, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Review.Tally tally = new Review.Tally(answer(r, "exception_cited"), answer(r, "matrix_line"),
                            answer(r, "worksheet_complete"), answer(r, "signed_before_letter"),
                            answer(r, "letter_content"), answer(r, "sent_on_time"), answer(r, "consistent"),
                            r.getString("comment"));
                    items.add(new Review.Item(r.getObject("request_id", UUID.class), r.getInt("position"),
                            r.getString("stratum"), r.getString("status"), r.getString("legal_basis"),
                            r.getString("exception_code"), r.getString("hipaa_ground"), r.getString("requester_type"),
                            Projector.instant(r, "received_at"), Projector.instant(r, "closed_at"), tally, tally.complete(),
                            r.getLong("version")));
                }
            }
        }
        return items;
    }

    private static List<Review.Action> actions(Connection c, String clinicId, UUID id) throws SQLException {
        List<Review.Action> actions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT owner_id, due_on, text FROM denial_review_action"
                + " WHERE clinic_id = ? AND review_id = ? ORDER BY position")) {
            s.setString(1, clinicId);
            s.setObject(2, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    actions.add(new Review.Action(r.getString(1), r.getObject(2, LocalDate.class), r.getString(3)));
                }
            }
        }
        return actions;
    }

    static Review.Totals totals(List<Review.Item> items) {
        Map<String, Review.Answers> byQuestion = new java.util.LinkedHashMap<>();
        for (int q = 0; q < Review.QUESTIONS.size(); q++) {
            int[] n = new int[4];
            for (Review.Item item : items) {
                Answer a = item.tally().answers().get(q);
                n[a == null ? 3 : a.ordinal()]++;
            }
            byQuestion.put(Review.QUESTIONS.get(q), new Review.Answers(n[0], n[1], n[2], n[3]));
        }
        return new Review.Totals(group(items, Review.Item::stratum), group(items, i -> i.exceptionCode() == null
                ? "none" : i.exceptionCode()), group(items, i -> i.requesterType() == null ? "unknown"
                        : i.requesterType()), byQuestion, (int) items.stream().filter(Review.Item::complete).count());
    }

    private static Map<String, Review.Group> group(List<Review.Item> items, Function<Review.Item, String> key) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Review.Item item : items) {
            int[] n = counts.computeIfAbsent(key.apply(item), k -> new int[2]);
            n[0]++;
            if (item.tally().finding()) {
                n[1]++;
            }
        }
        Map<String, Review.Group> out = new java.util.LinkedHashMap<>();
        counts.forEach((k, n) -> out.put(k, new Review.Group(n[0], n[1])));
        return out;
    }

    private static void text(String value, String field, int max, boolean required, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "is required"));
            }
        } else if (value.length() > max) {
            errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static Answer answer(ResultSet r, String column) throws SQLException {
        String value = r.getString(column);
        return value == null ? null : Answer.valueOf(value);
    }

    /** A request fact as drawn. */
    private record Fact(UUID requestId, String status, String legalBasis, String exceptionCode, String hipaaGround,
            String requesterType, Instant receivedAt, Instant closedAt) {
        String stratum() {
            return legalBasis == null ? org.ehiaccess.reporting.metrics.RequestRow.UNRECORDED : legalBasis;
        }
    }
}
