package org.ehiaccess.platform.testing;

import java.util.Map;
import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Access tokens signed by the Quarkus OIDC test server's key, carrying the same claims as the
 * clinics realm: {@code clinic_id}, {@code clinic_name}, {@code groups} (roles), {@code preferred_username}.
 */
public final class ClinicTokens {

    public static final Map<String, String> CLINIC_NAMES = Map.of(
            "sunrise", "Sunrise Family Medicine",
            "lakeside", "Lakeside Pediatrics");

    private ClinicTokens() {
    }

    /** A token for {@code user} of {@code clinicId} holding {@code roles}. */
    public static String accessToken(String user, String clinicId, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(user, Set.of(roles), user, "Bearer",
                Set.of("https://server.example.com"),
                Map.of("clinic_id", clinicId, "clinic_name", CLINIC_NAMES.getOrDefault(clinicId, clinicId)));
    }

    /** Demo user name suffix per role, as in the local realm ({@code sunrise-frontdesk}, {@code sunrise-privacy}, ...). */
    public static final Map<String, String> DEMO_USER_SUFFIX = Map.of(
            "front-desk", "frontdesk", "clinician", "clinician", "privacy-officer", "privacy",
            "supervisor", "supervisor", "compliance-lead", "compliance", "clinic-admin", "admin");

    /** A token for the demo user of {@code clinicId} holding {@code role}, e.g. {@code sunrise-frontdesk}. */
    public static String demoUser(String clinicId, String role) {
        return accessToken(clinicId + "-" + DEMO_USER_SUFFIX.getOrDefault(role, role), clinicId, role);
    }
}
