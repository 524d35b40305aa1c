package org.ehiaccess.ui.security;

import java.util.Arrays;
import java.util.Optional;

/** The role claims a clinic's identity provider puts in the {@code groups} of the token, and their names. */
public enum StaffRole {
    FRONT_DESK("front-desk", "Front desk"),
    CLINICIAN("clinician", "Clinician"),
    PRIVACY_OFFICER("privacy-officer", "Privacy officer"),
    SUPERVISOR("supervisor", "Supervisor"),
    COMPLIANCE_LEAD("compliance-lead", "Compliance lead"),
    CLINIC_ADMIN("clinic-admin", "Clinic administrator"),
    /** The hosting operator: creates clinics, never reads clinical data. */
    PLATFORM_ADMIN("platform-admin", "Hosting operator");

    /** Role claims, for {@code @RolesAllowed}. */
    public static final String FRONT_DESK_ROLE = "front-desk";
    public static final String CLINICIAN_ROLE = "clinician";
    public static final String PRIVACY_OFFICER_ROLE = "privacy-officer";
    public static final String SUPERVISOR_ROLE = "supervisor";
    public static final String COMPLIANCE_LEAD_ROLE = "compliance-lead";
    public static final String CLINIC_ADMIN_ROLE = "clinic-admin";
    public static final String PLATFORM_ADMIN_ROLE = "platform-admin";

    private final String claim;
    private final String label;

    StaffRole(String claim, String label) {
        this.claim = claim;
        this.label = label;
    }

    public String claim() {
        return claim;
    }

    public String label() {
        return label;
    }

    /** Clinic staff read the clinic's data; the hosting operator does not. */
    public boolean isClinicStaff() {
        return this != PLATFORM_ADMIN;
    }

    public static Optional<StaffRole> ofClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
    }
}
