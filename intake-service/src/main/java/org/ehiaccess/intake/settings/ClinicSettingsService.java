package org.ehiaccess.intake.settings;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.platform.clinic.ClinicContext;

/** The signed-in clinic's settings, with the defaults until its administrator saves some. */
@ApplicationScoped
public class ClinicSettingsService {

    @Inject
    ClinicContext clinic;

    @Inject
    Clock clock;

    public ClinicSettings current() {
        ClinicSettings saved = ClinicSettings.findById(clinic.clinicId());
        if (saved != null) {
            return saved;
        }
        ClinicSettings defaults = ClinicSettings.defaults();
        defaults.clinicId = clinic.clinicId();
        return defaults;
    }

    /** The settings row, created from the defaults on first change. */
    @Transactional
    public ClinicSettings forUpdate() {
        ClinicSettings saved = ClinicSettings.findById(clinic.clinicId());
        if (saved == null) {
            saved = ClinicSettings.defaults();
            saved.clinicId = clinic.clinicId();
            saved.updatedAt = clock.instant();
            saved.updatedBy = clinic.actor();
            saved.persist();
        }
        return saved;
    }
}
