package org.ehiaccess.intake.request;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The one HIPAA extension (164.524(b)(2)(ii)): the written notice, sent within the first 30 days,
 * states the reasons for the delay and the date by which the clinic will act.
 */
public record Extension(@NotNull LocalDate noticeSentOn, @NotBlank @Size(max = 2000) String reasons,
        @NotNull LocalDate expectedActionDate) {
}
