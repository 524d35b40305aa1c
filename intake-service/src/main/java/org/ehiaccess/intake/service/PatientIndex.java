package org.ehiaccess.intake.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ehiaccess.intake.patient.Patient;
import org.ehiaccess.intake.request.EhiRequest;
import org.ehiaccess.platform.problem.ProblemException;

/** Links requests to the clinic's patient index. */
@ApplicationScoped
public class PatientIndex {

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
        Patient patient = Patient.byMrn(request.patientMrn).orElseGet(() -> {
            Patient added = new Patient();
            added.id = UUID.randomUUID();
            added.mrn = request.patientMrn;
            added.name = request.patientName;
            added.birthDate = birthDate;
            added.createdAt = now;
            added.persist();
            return added;
        });
        if (!patient.birthDate.equals(birthDate)) {
            throw ProblemException.invalid("patientMrn",
                    "this MRN belongs to a patient with another date of birth; check the MRN and the date of birth");
        }
        request.patientId = patient.id;
    }
}
