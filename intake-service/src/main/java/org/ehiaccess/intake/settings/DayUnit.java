package org.ehiaccess.intake.settings;

/** How a deadline counts: every calendar day, or business days (weekdays without holidays and closures). */
public enum DayUnit {
    calendar_days, business_days
}
