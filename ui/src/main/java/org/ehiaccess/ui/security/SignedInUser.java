package org.ehiaccess.ui.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.json.JsonObject;

/**
 * The person at the screen: their name, their clinic and their roles, from the signed tokens.
 * Templates read it as {@code inject:currentUser}.
 */
@Named("currentUser")
@RequestScoped
public class SignedInUser {

    static final String CLINIC_ID_CLAIM = "clinic_id";
    static final String CLINIC_NAME_CLAIM = "clinic_name";

    @Inject
    SecurityIdentity identity;

    @Inject
    OwnOperations ownOperations;

    private JsonObject accessTokenClaims;

    private Set<String> operations;

    public boolean signedIn() {
        return identity != null && !identity.isAnonymous();
    }

    /** "Dana Reyes", else the user name. */
    public String displayName() {
        return claim("name").or(() -> claim("preferred_username"))
                .orElseGet(() -> signedIn() ? identity.getPrincipal().getName() : "");
    }

    public Optional<String> clinicId() {
        return claim(CLINIC_ID_CLAIM);
    }

    /** The clinic's display name, else its id; empty for the hosting operator. */
    public String clinicName() {
        return claim(CLINIC_NAME_CLAIM).or(this::clinicId).orElse("");
    }

    public boolean hasClinic() {
        return clinicId().isPresent();
    }

    public List<StaffRole> roles() {
        if (!signedIn()) {
            return List.of();
        }
        return identity.getRoles().stream().map(StaffRole::ofClaim).flatMap(Optional::stream).sorted().toList();
    }

    /** "Front desk, Supervisor" */
    public String roleLabels() {
        return String.join(", ", roles().stream().map(StaffRole::label).toList());
    }

    public boolean has(StaffRole role) {
        return signedIn() && identity.hasRole(role.claim());
    }

    /** The request log is clinic data: any clinic role reads it, the hosting operator does not. */
    public boolean canViewRequests() {
        return can("request:read");
    }

    /**
     * Whether the services' permission table lets this person do {@code operation} (e.g. {@code "decision:sign"}).
     * The ui offers an action only when it is allowed; the services check again on every call.
     */
    public boolean can(String operation) {
        return operations().contains(operation);
    }

    private Set<String> operations() {
        if (operations == null) {
            AccessTokenCredential credential = signedIn() ? identity.getCredential(AccessTokenCredential.class) : null;
            operations = credential == null || credential.getToken() == null ? Set.of()
                    : ownOperations.of(credential.getToken());
        }
        return operations;
    }

    public boolean canLogRequests() {
        return can("request:create");
    }

    /** Correcting a request's details. */
    public boolean canEditRequests() {
        return can("request:edit");
    }

    /** Confirming or dismissing a possible duplicate. */
    public boolean canDecideDuplicates() {
        return can("request:duplicate");
    }

    /** Any change to a request at all (status, verification, assignment, notes, ...): the request page's actions. */
    public boolean canWorkRequests() {
        return can("request:edit") || can("request:verify") || can("request:status") || can("request:assign")
                || can("request:note") || can("request:duplicate") || can("request:extend");
    }

    /** The HIPAA extension with its written notice (164.524(b)(2)(ii)). */
    public boolean canExtend() {
        return can("request:extend");
    }

    /** The deadline alert inbox. */
    public boolean isSupervisor() {
        return can("alert:handle");
    }

    public boolean canViewComplaints() {
        return can("complaint:read");
    }

    public boolean canLogComplaints() {
        return can("complaint:create");
    }

    /** Investigating and resolving a complaint. */
    public boolean canUpdateComplaints() {
        return can("complaint:update");
    }

    /** The clinic's settings (time zone, closures, response policy). */
    public boolean canEditSettings() {
        return can("settings:edit");
    }

    public boolean canViewSettingsAudit() {
        return can("settings:audit");
    }

    /** The e-mail address of the sign-in, when the identity provider sends one; else empty. */
    public String email() {
        return claim("email").orElse("");
    }

    /** The navigation this person's roles open, in reading order. */
    public List<NavItem> navigation() {
        List<NavItem> items = new java.util.ArrayList<>();
        if (canViewRequests()) {
            items.add(new NavItem("log", "/requests", "Request log"));
        }
        if (canLogRequests()) {
            items.add(new NavItem("new", "/requests/new", "New request"));
        }
        if (isSupervisor()) {
            items.add(new NavItem("alerts", "/alerts", "Alerts"));
        }
        if (canViewComplaints()) {
            items.add(new NavItem("complaints", "/complaints", "Complaints"));
        }
        if (can("metrics:read")) {
            items.add(new NavItem("dashboard", "/dashboard", "Dashboard"));
        }
        if (canViewRequests()) {
            items.add(new NavItem("settings", "/settings", "Clinic settings"));
            items.add(new NavItem("matrix", "/settings/denial-reasons", "Denial reasons and letters"));
        }
        return List.copyOf(items);
    }

    /** One link of the main navigation; {@code key} marks the current page. */
    public record NavItem(String key, String href, String label) {
    }

    /** A claim of the ID token, else of the (verified) access token the services also see. */
    private Optional<String> claim(String name) {
        if (!signedIn()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken idToken) {
            Object value = idToken.getClaim(name);
            if (value != null && !unquote(value.toString()).isBlank()) {
                return Optional.of(unquote(value.toString()));
            }
        }
        JsonObject access = accessTokenClaims();
        return Optional.ofNullable(access.getValue(name)).map(Object::toString).filter(s -> !s.isBlank());
    }

    private JsonObject accessTokenClaims() {
        if (accessTokenClaims == null) {
            accessTokenClaims = new JsonObject();
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            if (credential != null && credential.getToken() != null) {
                // Quarkus verified this token (its groups are the roles); here it is only read
                String[] parts = credential.getToken().split("\\.");
                if (parts.length == 3) {
                    try {
                        accessTokenClaims = new JsonObject(
                                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
                    } catch (RuntimeException e) {
                        // an opaque token carries no claims to show
                    }
                }
            }
        }
        return accessTokenClaims;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
