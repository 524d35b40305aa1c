package org.ehiaccess.intake.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ehiaccess.intake.request.EhiRequest;
import org.ehiaccess.intake.request.RequestLogService;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.ProblemException;

/** Links requests to the clinic's patient index. */
@ApplicationScoped
public class PatientIndex {

    @Inject
    EntityManager em;

    @Inject
    ClinicContext clinic;

    /**
     * Sets the request's patient: by id (which must be a patient of this clinic), else by name and
     * date of birth, linked by MRN when one is given (adding the patient to the index the first time).
     */
    public void identify(EhiRequest request, UUID patientId, String name, LocalDate birthDate, String mrn,
            Instant now) {
        if (patientId != null) {
            Patient patient = Patient.ofClinic(patientId)
                    .orElseThrow(() -> ProblemException.invalid("patientId", "no patient with this id in this clinic"));
            request.patientId = patient.id;
            request.patientMrn = patient.mrn;
            request.patientName = patient.name;
            request.patientBirthDate = patient.birthDate;
            return;
        }
        request.patientName = name.strip();
        request.patientBirthDate = birthDate;
        request.patientMrn = RequestLogService.blankToNull(mrn);
        request.patientId = null;
        if (request.patientMrn == null) {
            return;
        }
        Patient patient = byMrn(request.patientMrn)
                .orElseGet(() -> add(request.patientMrn, request.patientName, birthDate, now));
        if (!patient.birthDate.equals(birthDate)) {
            throw ProblemException.invalid("patientMrn",
                    "this MRN belongs to a patient with another date of birth; check the MRN and the date of birth");
        }
        request.patientId = patient.id;
    }

    /**
     * Adds a patient to the index, or finds the one another request has just added: two people logging
     * requests for the same new MRN at once both succeed and share one patient. ON CONFLICT waits for
     * the other transaction and then does nothing; the read that follows sees its committed row.
     */
    private Patient add(String mrn, String name, LocalDate birthDate, Instant now) {
        em.createNativeQuery("""
                insert into patient (id, clinic_id, mrn, name, birth_date, created_at, version)
                values (:id, :clinic, :mrn, :name, :birthDate, :now, 0)
                on conflict (clinic_id, mrn) do nothing""")
                .setParameter("id", UUID.randomUUID()).setParameter("clinic", clinic.clinicId())
                .setParameter("mrn", mrn).setParameter("name", name).setParameter("birthDate", birthDate)
                .setParameter("now", now)
                .executeUpdate();
        return byMrn(mrn).orElseThrow();
    }

    /**
     * The clinic's patient with this MRN. Native SQL with the clinic written out, like the duplicate
     * probe: it runs on most creates, and HQL is translated anew on each execution under the tenant filter.
     */
    private Optional<Patient> byMrn(String mrn) {
        @SuppressWarnings("unchecked")
        List<Patient> found = em.createNativeQuery("select * from patient where clinic_id = :clinic and mrn = :mrn",
                Patient.class)
                .setParameter("clinic", clinic.clinicId()).setParameter("mrn", mrn)
                .getResultList();
        return found.stream().findFirst();
    }
}
