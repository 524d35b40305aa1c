package org.ehiaccess.decision.rules;

import java.util.List;

/**
 * One exception section (171.201-171.206, 171.301-171.303, 171.403) and how its conditions combine.
 *
 * @param hti5 the HTI-5 proposal touching the whole section, warned about when the section is claimed; or null
 */
public record ExceptionDefinition(String id, String name, String cfr, Requirement requires,
        List<String> documentation, String hti5) {

    /** E.g. "171.204 (Infeasibility)". */
    public String label() {
        return id + " (" + name + ")";
    }
}
