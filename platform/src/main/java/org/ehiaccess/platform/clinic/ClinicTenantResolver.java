package org.ehiaccess.platform.clinic;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/**
 * Feeds Hibernate's {@code @TenantId} discriminator: every row carries {@code clinic_id}, every query
 * is filtered by it, and every insert is stamped with it.
 */
@PersistenceUnitExtension
@RequestScoped
public class ClinicTenantResolver implements TenantResolver {

    /** Matches no clinic: a session opened without a clinic sees and writes nothing of anyone's. */
    static final String NO_CLINIC = "-";

    @Inject
    ClinicContext clinic;

    @Override
    public String getDefaultTenantId() {
        return NO_CLINIC;
    }

    @Override
    public String resolveTenantId() {
        return clinic.currentClinicId().orElse(NO_CLINIC);
    }
}
