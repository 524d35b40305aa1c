package org.ehiaccess.ui.client.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A deadline reads as a person writes it: "1 business day", "15 calendar days". */
class ClinicSettingsDeadlineTest {

    @Test
    void oneDayIsSingular() {
        assertEquals("1 business day", new ClinicSettings.Deadline(1, DayUnit.business_days).text());
        assertEquals("1 calendar day", new ClinicSettings.Deadline(1, DayUnit.calendar_days).text());
        assertEquals("15 calendar days", new ClinicSettings.Deadline(15, DayUnit.calendar_days).text());
        assertEquals("", new ClinicSettings.Deadline(null, DayUnit.business_days).text());
    }
}
