package org.ehiaccess.intake.clock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;

import org.ehiaccess.intake.request.RequesterType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The law's numbers the clocks need, read from decision-service's rule catalog
 * ({@code decision-service/src/main/resources/rules/catalog.yaml}, packaged here as {@code law/catalog.yaml} by the
 * build): its {@code deadlines} and its {@code right_of_access_requesters}. Nothing here re-types a number of days,
 * so the engine, the letters and the clocks count the same periods.
 */
public final class LawCatalog {

    /** The catalog as packaged with this release; a missing or malformed file stops the service at start-up. */
    public static final LawCatalog CURRENT = load("law/catalog.yaml");

    /** 164.524(b)(2): act within {@code days} of receipt; one extension of {@code extensionDays} more. */
    public record HipaaAction(String cfr, int days, int extensionDays) {

        public int extendedDays() {
            return days + extensionDays;
        }
    }

    /** 171.204(b): written reasons within {@code businessDays} of receipt. */
    public record InfeasibilityNotice(String cfr, int businessDays) {
    }

    private final HipaaAction hipaaAction;
    private final InfeasibilityNotice infeasibilityNotice;
    private final Set<RequesterType> rightOfAccess;

    private LawCatalog(HipaaAction hipaaAction, InfeasibilityNotice infeasibilityNotice,
            Set<RequesterType> rightOfAccess) {
        this.hipaaAction = hipaaAction;
        this.infeasibilityNotice = infeasibilityNotice;
        this.rightOfAccess = rightOfAccess;
    }

    static LawCatalog load(String resource) {
        try (InputStream in = LawCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The rule catalog " + resource + " is not on the classpath");
            }
            return of(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("The rule catalog " + resource + " cannot be read", e);
        }
    }

    static LawCatalog of(JsonNode catalog) {
        JsonNode hipaa = required(catalog, "deadlines", "hipaa_action");
        JsonNode notice = required(catalog, "deadlines", "infeasibility_written_notice");
        Set<RequesterType> rightOfAccess = EnumSet.noneOf(RequesterType.class);
        for (JsonNode requester : required(catalog, "lists", "right_of_access_requesters")) {
            rightOfAccess.add(RequesterType.valueOf(requester.asText()));
        }
        return new LawCatalog(
                new HipaaAction(text(hipaa, "cfr"), number(hipaa, "calendar_days"), number(hipaa, "extension_calendar_days")),
                new InfeasibilityNotice(text(notice, "cfr"), number(notice, "business_days")),
                Set.copyOf(rightOfAccess));
    }

    public HipaaAction hipaaAction() {
        return hipaaAction;
    }

    public InfeasibilityNotice infeasibilityNotice() {
        return infeasibilityNotice;
    }

    /** 164.524(a)(1), 164.502(g): the individual, a personal representative, a parent, or an app the patient directs. */
    public boolean hasRightOfAccess(RequesterType requesterType) {
        return rightOfAccess.contains(requesterType);
    }

    private static JsonNode required(JsonNode node, String section, String name) {
        JsonNode value = node.path(section).path(name);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalStateException("The rule catalog has no " + section + "." + name);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        if (!node.path(field).isTextual()) {
            throw new IllegalStateException("The rule catalog's deadline has no " + field);
        }
        return node.get(field).asText();
    }

    private static int number(JsonNode node, String field) {
        if (!node.path(field).canConvertToInt()) {
            throw new IllegalStateException("The rule catalog's deadline has no " + field);
        }
        return node.get(field).intValue();
    }
}
