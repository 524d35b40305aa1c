package org.ehiaccess.intake.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A shorter deadline that the clinic's state sets for an individual's access request
 * (HIPAA 164.524(b)(2) is a ceiling; some states are stricter). The clinic states it; we do not
 * ship state law.
 */
public record StateOverride(
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") String state,
        @NotBlank @Size(max = 200) String citation,
        @NotNull @Valid Deadline deadline) {
}
