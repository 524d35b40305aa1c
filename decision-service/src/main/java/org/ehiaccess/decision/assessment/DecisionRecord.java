package org.ehiaccess.decision.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A stored assessment read back: its practice, facts and result, with the questions a letter, a review or the intake
 * effects ask of it. Reads only what was stored; never re-evaluates.
 */
public final class DecisionRecord {

    public static final String PREVENTING_HARM = "171.201";
    public static final String INFEASIBILITY = "171.204";
    /** The practices that withhold something: the only ones a denial can describe. */
    public static final Set<String> DENYING_PRACTICES = Set.of("deny", "limit_scope", "delay",
            "condition_on_form_or_step", "make_unavailable");
    /** The verdicts that can support withholding: an exception covers it, a law requires it, or it is not EHI. */
    public static final Set<String> DECIDED_FOR_DENIAL = Set.of("covered", "required_by_law", "out_of_scope");

    private final Assessment assessment;
    private final JsonNode practice;
    private final JsonNode facts;
    private final JsonNode result;

    private DecisionRecord(Assessment assessment, JsonNode input, JsonNode result) {
        this.assessment = assessment;
        this.practice = input.path("practice");
        this.facts = input.path("facts");
        this.result = result;
    }

    public static DecisionRecord of(Assessment assessment, ObjectMapper json) {
        try {
            return new DecisionRecord(assessment, json.readTree(assessment.input), json.readTree(assessment.result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored assessment JSON is unreadable", e);
        }
    }

    public Assessment assessment() {
        return assessment;
    }

    public JsonNode practice() {
        return practice;
    }

    public JsonNode facts() {
        return facts;
    }

    public JsonNode result() {
        return result;
    }

    public String verdict() {
        return assessment.verdict;
    }

    /** A fact as stored, or {@link MissingNode} when not answered. */
    public JsonNode fact(String id) {
        JsonNode value = facts.path(id);
        return value.isNull() ? MissingNode.getInstance() : value;
    }

    public String text(String factId) {
        JsonNode value = fact(factId);
        return value.isMissingNode() ? null : value.asText();
    }

    public LocalDate date(String factId) {
        String text = text(factId);
        return text == null ? null : LocalDate.parse(text);
    }

    public String practiceType() {
        return practice.path("type").asText(null);
    }

    public String claimedBasis() {
        return practice.path("claimed_basis").asText("none");
    }

    public List<String> exceptionIds() {
        return strings(result.path("exception_ids"));
    }

    public List<String> ehiClasses() {
        return strings(fact("request.ehi_classes"));
    }

    public boolean hasObligation(String id) {
        for (JsonNode obligation : result.path("obligations")) {
            if (id.equals(obligation.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    /** An obligation of the result by id (status, due_date, cfr), or a missing node. */
    public JsonNode obligation(String id) {
        for (JsonNode obligation : result.path("obligations")) {
            if (id.equals(obligation.path("id").asText())) {
                return obligation;
            }
        }
        return MissingNode.getInstance();
    }

    /** The 171.204(b) written notice is owed: infeasibility is claimed, covers the practice, or is in play. */
    public boolean reliesOnInfeasibility() {
        return "infeasibility".equals(claimedBasis()) || exceptionIds().contains(INFEASIBILITY)
                || hasObligation("infeasibility_written_notice");
    }

    /** The HIPAA ground recorded for a denial, or null. */
    public String hipaaDenialGround() {
        String ground = text("hipaa.denial_ground");
        return ground == null || "none".equals(ground) ? null : ground;
    }

    /**
     * The decision withholds something and a verdict supports it. A decision no exception covers, or one that needs
     * more facts, is not a denial: the request is to be fulfilled, or the facts completed.
     */
    public boolean denies() {
        return DECIDED_FOR_DENIAL.contains(verdict()) && DENYING_PRACTICES.contains(practiceType());
    }

    /**
     * A reviewable denial: a denial ({@link #denies()}) on a HIPAA (a)(3) ground (164.524(a)(3), review under (a)(4)),
     * or on Preventing Harm resting on an individualized determination by a licensed health care professional
     * (171.201(c)(1), review rights under 171.201(e)).
     */
    public boolean reviewable() {
        if (!denies()) {
            return false;
        }
        String ground = hipaaDenialGround();
        if (ground != null && ground.startsWith("a3_")) {
            return true;
        }
        boolean preventingHarm = "preventing_harm".equals(claimedBasis()) || exceptionIds().contains(PREVENTING_HARM);
        return preventingHarm && "individualized_determination".equals(text("harm.risk_type"));
    }

    /** Why a review is possible, in CFR terms. */
    public String reviewBasis() {
        String ground = hipaaDenialGround();
        if (ground != null && ground.startsWith("a3_")) {
            return "164.524(a)(3) ground " + ground + "; review under 164.524(a)(4), (d)(4)";
        }
        return "171.201 individualized determination (171.201(c)(1)); review rights under 171.201(e) and 164.524(a)(4)";
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
