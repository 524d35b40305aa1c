package org.ehiaccess.decision.clinic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ehiaccess.platform.clinic.ClinicContext;

/** One writer at a time per clinic and record, until the transaction ends (a PostgreSQL advisory lock). */
@ApplicationScoped
public class ClinicLocks {

    @Inject
    EntityManager em;

    @Inject
    ClinicContext clinic;

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String what) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:key))) as locked")
                .setParameter("key", clinic.clinicId() + "/" + what).getSingleResult();
    }
}
