package org.ehiaccess.intake.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A span such as "10 business days" or "30 calendar days". */
public record Deadline(@Min(1) @Max(365) int amount, @NotNull DayUnit unit) {

    public static Deadline calendarDays(int amount) {
        return new Deadline(amount, DayUnit.calendar_days);
    }

    public static Deadline businessDays(int amount) {
        return new Deadline(amount, DayUnit.business_days);
    }

    @Override
    public String toString() {
        String day = unit == DayUnit.business_days ? " business day" : " calendar day";
        return amount + day + (amount == 1 ? "" : "s");
    }
}
