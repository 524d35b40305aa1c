package org.ehiaccess.decision.intake;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of a clinic's settings (owned by intake-service) that decision-service uses: the clinic's time zone and
 * its closure days beyond weekends and federal holidays. Other fields (the response policy, the version) are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClinicSettings(String timeZone, List<LocalDate> closures) {
}
