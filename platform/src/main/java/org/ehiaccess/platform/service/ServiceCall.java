package org.ehiaccess.platform.service;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;

import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * A call from another of our services ({@link ServiceRole#SERVICE} token). Only such a call may name its clinic in the
 * request, and it names the person whose change it carries, so that records show that person rather than the service.
 * A person's token never gets here: its clinic is always the one in its claim.
 */
@RequestScoped
public class ServiceCall {

    @Inject
    SecurityIdentity identity;

    @Inject
    ClinicContext clinic;

    private String onBehalfOf;

    /** Acts for {@code clinicId}, carrying {@code actor}'s change; refused (403) unless the caller is a service. */
    public void actFor(String clinicId, String actor) {
        if (identity == null || identity.isAnonymous() || !identity.hasRole(ServiceRole.SERVICE)) {
            throw new ForbiddenException("Only a service may name the clinic it acts for");
        }
        if (clinicId == null || clinicId.isBlank()) {
            throw ProblemException.invalid("clinicId", "must name the clinic the service acts for");
        }
        if (actor == null || actor.isBlank()) {
            throw ProblemException.invalid("actor", "must name the person whose change this is");
        }
        // a token that carries a clinic (a person's) never acts for another one, whatever its roles
        clinic.currentClinicId().filter(claimed -> !claimed.equals(clinicId)).ifPresent(claimed -> {
            throw new ForbiddenException("This token belongs to another clinic");
        });
        clinic.actFor(clinicId);
        this.onBehalfOf = actor;
    }

    /** The person a service call acts for, when it is one. */
    public Optional<String> onBehalfOf() {
        return Optional.ofNullable(onBehalfOf);
    }

    /** Who a record should name: the person a service call carries, otherwise the caller ({@link ClinicContext#actor()}). */
    public String actor() {
        return onBehalfOf != null ? onBehalfOf : clinic.actor();
    }
}
