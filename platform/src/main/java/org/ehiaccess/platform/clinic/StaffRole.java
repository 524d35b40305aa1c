package org.ehiaccess.platform.clinic;

/**
 * The role claims a clinic's identity provider puts in the token (the permission table in the top-level README).
 * What each may do is the one table in {@link org.ehiaccess.platform.security.Permissions}.
 */
public final class StaffRole {
    public static final String FRONT_DESK = "front-desk";
    public static final String CLINICIAN = "clinician";
    public static final String PRIVACY_OFFICER = "privacy-officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String COMPLIANCE_LEAD = "compliance-lead";
    public static final String CLINIC_ADMIN = "clinic-admin";
    /** Hosting operator: creates clinics, never reads clinical data. */
    public static final String PLATFORM_ADMIN = "platform-admin";

    private StaffRole() {
    }
}
