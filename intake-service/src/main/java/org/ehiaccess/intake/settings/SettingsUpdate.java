package org.ehiaccess.intake.settings;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;


/** The clinic's settings as the administrator edits them. */
public record SettingsUpdate(
        @NotBlank String timeZone,
        @NotNull @Size(max = 366) Set<@NotNull LocalDate> closures,
        @NotNull @Valid ResponsePolicy responsePolicy) {
}
