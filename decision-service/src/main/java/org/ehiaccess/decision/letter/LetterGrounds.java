package org.ehiaccess.decision.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ehiaccess.decision.assessment.DecisionRecord;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The basis of a signed decision in plain words, from {@code letters/grounds.yaml} (law as data): what a denial must
 * state (164.524(d)(2)(i)) and what an infeasibility notice must explain (171.204(b)).
 */
public final class LetterGrounds {

    static final String RESOURCE = "letters/grounds.yaml";

    /** One reason, with the CFR paragraphs it rests on. */
    public record Basis(String text, String citation, boolean reviewable) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Entry(String basis, String citation, boolean reviewable) {
        Basis basis(String placeholder, String value) {
            String text = placeholder == null ? basis : basis.replace("{" + placeholder + "}", value);
            return new Basis(text, citation, reviewable);
        }
    }

    record Data(String version, Map<String, Entry> hipaaGrounds, Map<String, String> hipaaA2Grounds,
            Entry preventingHarmErroneousData, Map<String, Object> preventingHarm, Map<String, String> privacyPreconditions, Map<String, Entry> exceptions,
            Map<String, Entry> infeasibility, Entry requiredByLaw, Entry fallback) {
    }

    private final Data data;
    private final ObjectMapper yaml;

    private LetterGrounds(Data data, ObjectMapper yaml) {
        this.data = data;
        this.yaml = yaml;
    }

    public static LetterGrounds load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new LetterGrounds(yaml.readValue(in, Data.class), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    public String version() {
        return data.version();
    }

    /**
     * Why the information is withheld (denial, partial fulfillment): required by law, not EHI, the HIPAA ground, or
     * the Part 171 exception and branch that covers the practice.
     */
    public List<Basis> denialBasis(DecisionRecord decision) {
        List<Basis> reasons = new ArrayList<>();
        if ("required_by_law".equals(decision.verdict())) {
            String law = decision.text("law.citation");
            reasons.add(data.requiredByLaw().basis("law", law == null ? "the law named in our records" : law));
            return reasons;
        }
        String ground = decision.hipaaDenialGround();
        if ("out_of_scope".equals(decision.verdict())) {
            Set<String> grounds = new LinkedHashSet<>();
            if (ground != null && ground.startsWith("a1_")) {
                grounds.add(ground);
            }
            if (decision.ehiClasses().contains("psychotherapy_note")) {
                grounds.add("a1_psychotherapy_notes");
            }
            if (decision.ehiClasses().contains("litigation_material")) {
                grounds.add("a1_litigation_material");
            }
            grounds.forEach(g -> reasons.add(hipaa(g)));
            return reasons.isEmpty() ? List.of(data.fallback().basis(null, null)) : reasons;
        }
        if (ground != null && data.hipaaGrounds().containsKey(ground)) {
            reasons.add(hipaa(ground));
            return reasons;
        }
        for (String exception : decision.exceptionIds()) {
            Basis basis = exceptionBasis(exception, decision);
            if (basis != null && !reasons.contains(basis)) {
                reasons.add(basis);
            }
        }
        if (reasons.isEmpty()) {
            Basis claimed = claimedBasis(decision);
            reasons.add(claimed != null ? claimed : data.fallback().basis(null, null));
        }
        return reasons;
    }

    /** Why the request cannot be fulfilled (171.204(a)), for the written notice of 171.204(b). */
    public Basis infeasibilityBasis(DecisionRecord decision) {
        String condition = decision.text("infeasibility.condition");
        Entry entry = condition == null ? null : data.infeasibility().get(condition);
        return (entry != null ? entry : data.infeasibility().get("unknown")).basis(null, null);
    }

    /** True when one of the reasons is a HIPAA (a)(3) ground or the decision says so (164.524(a)(4); 171.201(e)). */
    public boolean reviewable(DecisionRecord decision, List<Basis> reasons) {
        return decision.reviewable() || reasons.stream().anyMatch(Basis::reviewable);
    }

    private Basis exceptionBasis(String exception, DecisionRecord decision) {
        switch (exception) {
            case DecisionRecord.PREVENTING_HARM: {
                if ("data_misidentified_or_erroneous".equals(decision.text("harm.risk_type"))) {
                    return data.preventingHarmErroneousData().basis(null, null);
                }
                String context = decision.text("harm.access_context");
                if (context == null) {
                    context = derivedAccessContext(decision.text("request.requester_type"));
                }
                Object target = data.preventingHarm().get(context);
                if (target instanceof String ground) {
                    return hipaa(ground);
                }
                return target == null ? null : yaml.convertValue(target, Entry.class).basis(null, null);
            }
            case "171.202": {
                String sub = decision.text("privacy.subexception");
                if ("individual_request_not_to_share".equals(sub)) {
                    return data.exceptions().get("privacy_individual_request").basis(null, null);
                }
                if ("hipaa_unreviewable_denial".equals(sub)) {
                    String a2 = data.hipaaA2Grounds().get(decision.text("privacy.hipaa_a2_ground"));
                    return a2 == null ? null : hipaa(a2);
                }
                String missing = data.privacyPreconditions().getOrDefault(
                        String.valueOf(decision.text("privacy.precondition_type")), data.privacyPreconditions().get("other"));
                return data.exceptions().get("privacy_precondition").basis("missing", missing);
            }
            case DecisionRecord.INFEASIBILITY:
                return infeasibilityBasis(decision);
            default: {
                Entry entry = data.exceptions().get(exception);
                return entry == null ? null : entry.basis(null, null);
            }
        }
    }

    /** When no exception covers it (e.g. only the written notice is pending), the basis that was claimed. */
    private Basis claimedBasis(DecisionRecord decision) {
        return switch (decision.claimedBasis()) {
            case "preventing_harm" -> exceptionBasis(DecisionRecord.PREVENTING_HARM, decision);
            case "privacy_precondition", "privacy_hipaa_unreviewable", "privacy_individual_request" ->
                exceptionBasis("171.202", decision);
            case "infeasibility" -> infeasibilityBasis(decision);
            case "security" -> exceptionBasis("171.203", decision);
            case "protecting_care_access" -> exceptionBasis("171.206", decision);
            default -> null;
        };
    }

    private Basis hipaa(String ground) {
        return data.hipaaGrounds().get(ground).basis(null, null);
    }

    /** The access context from the requester when the worksheet did not give it. */
    private static String derivedAccessContext(String requesterType) {
        if (requesterType == null) {
            return "other_permissible_use";
        }
        return switch (requesterType) {
            case "patient", "third_party_app_patient_directed" -> "patient_own_access";
            case "personal_representative", "parent_or_guardian_of_minor" -> "legal_representative_access";
            default -> "other_permissible_use";
        };
    }
}
