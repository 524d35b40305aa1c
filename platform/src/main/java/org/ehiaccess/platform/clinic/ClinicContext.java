package org.ehiaccess.platform.clinic;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The clinic (tenant) the current unit of work acts for.
 * <p>
 * For a person it is the {@value #CLINIC_CLAIM} claim of their signed token, never a request
 * parameter. A scheduled job has no token: it names the clinic explicitly with {@link #actFor(String)}
 * before it touches that clinic's rows.
 */
@RequestScoped
public class ClinicContext {

    /** Token claim carrying the clinic id, e.g. {@code sunrise}. */
    public static final String CLINIC_CLAIM = "clinic_id";
    /** Token claim carrying the clinic's display name. */
    public static final String CLINIC_NAME_CLAIM = "clinic_name";

    @Inject
    SecurityIdentity identity;

    private String explicitClinicId;

    /** For scheduled jobs and relays: act for this clinic for the rest of the request context. */
    public void actFor(String clinicId) {
        this.explicitClinicId = clinicId;
    }

    /** The clinic id, or empty when neither a token nor a job has named one. */
    public Optional<String> currentClinicId() {
        if (explicitClinicId != null) {
            return Optional.of(explicitClinicId);
        }
        return claim(CLINIC_CLAIM);
    }

    /** The clinic id; a signed-in caller without a clinic claim is refused. */
    public String clinicId() {
        return currentClinicId().orElseThrow(() -> new jakarta.ws.rs.ForbiddenException(
                "The signed-in account is not linked to a clinic (missing '" + CLINIC_CLAIM + "' claim)"));
    }

    public Optional<String> clinicName() {
        return claim(CLINIC_NAME_CLAIM);
    }

    /** Who acts: the user name for people, the job name for scheduled work. */
    public String actor() {
        if (identity == null || identity.isAnonymous()) {
            return explicitClinicId != null ? "system" : "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null) {
            return jwt.getClaim("preferred_username").toString();
        }
        return identity.getPrincipal().getName();
    }

    /** The signed-in person's e-mail address, when their identity provider sends one. */
    public Optional<String> email() {
        return claim("email");
    }

    private Optional<String> claim(String name) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null && !value.toString().isBlank()) {
                return Optional.of(unquote(value.toString()));
            }
        }
        Object attribute = identity.getAttribute(name);
        return Optional.ofNullable(attribute).map(Object::toString).filter(s -> !s.isBlank());
    }

    private static String unquote(String value) {
        // JsonString values print with their quotes
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
