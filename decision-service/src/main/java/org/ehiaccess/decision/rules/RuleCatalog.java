package org.ehiaccess.decision.rules;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Every ruleset the service knows, loaded once from the catalog data under {@code rules/}. */
public final class RuleCatalog {

    public static final String CURRENT = "CURRENT_2024_12";

    private final String version;
    private final Map<String, Ruleset> rulesets;

    RuleCatalog(String version, Map<String, Ruleset> rulesets) {
        this.version = version;
        this.rulesets = Map.copyOf(rulesets);
    }

    /** Loads the catalog shipped with the service. */
    public static RuleCatalog load() {
        return new CatalogLoader().load();
    }

    /** The version of the catalog data (its preparation date). */
    public String version() {
        return version;
    }

    public Optional<Ruleset> ruleset(String id) {
        return Optional.ofNullable(rulesets.get(id));
    }

    public Ruleset current() {
        return rulesets.get(CURRENT);
    }

    public Collection<Ruleset> rulesets() {
        return rulesets.values();
    }
}
