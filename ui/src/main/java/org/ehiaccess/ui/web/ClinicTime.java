package org.ehiaccess.ui.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.ehiaccess.ui.security.SignedInUser;

/**
 * Times as the clinic reads and types them: in the clinic's time zone (its settings), in US English.
 * The services store instants in UTC. Templates use it as {@code inject:clinicTime}.
 */
@Named("clinicTime")
@RequestScoped
public class ClinicTime {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a z", Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    /** The value format of {@code <input type="datetime-local">}. */
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private ZoneId zone;
    private Clock clock;
    private ClinicZones zones;
    private SignedInUser user;

    @Inject
    public ClinicTime(ClinicZones zones, SignedInUser user) {
        this.zones = zones;
        this.user = user;
        this.clock = Clock.systemUTC();
    }

    ClinicTime(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
        this.zones = null;
        this.user = null;
    }

    /** The signed-in person's clinic's zone, looked up once per page. */
    public ZoneId zone() {
        if (zone == null) {
            zone = zones.zoneOf(user.clinicId().orElse(null));
        }
        return zone;
    }

    /** "Eastern Time" */
    public String zoneName() {
        return zone().getDisplayName(TextStyle.FULL, Locale.US);
    }

    /** "Mar 2, 2026, 9:30 AM EST"; empty for no time. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
    }

    /** "9:30 AM EST" */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone()));
    }

    /** An instant as the value of a {@code datetime-local} input in the clinic's zone; empty for none. */
    public String forInput(Instant instant) {
        return instant == null ? "" : INPUT.format(instant.atZone(zone()).truncatedTo(ChronoUnit.MINUTES));
    }

    /** Today in the clinic. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone());
    }

    /** "Mar 2, 2026" for an instant, in the clinic's zone. */
    public String dayOf(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone()));
    }

    /**
     * The last day of a deadline that ends at {@code dueAt} (the services put it at the end of the due
     * day, i.e. midnight after it): "Dec 8, 2026" rather than "Dec 9, 2026, 12:00 AM".
     */
    public String dueDay(Instant dueAt) {
        return dueAt == null ? "" : DATE.format(dueAt.minusSeconds(1).atZone(zone()));
    }

    /** "May 17, 1984"; empty for no date. */
    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Now, as the value of a {@code datetime-local} input in the clinic's zone. */
    public String nowForInput() {
        return INPUT.format(now().atZone(zone()).truncatedTo(ChronoUnit.MINUTES));
    }

    /**
     * A {@code datetime-local} value ("2026-03-02T09:30", seconds optional) typed in the clinic's zone,
     * as an instant. In the hour skipped by daylight saving time, the later offset applies.
     */
    public Instant parseInput(String value) {
        return LocalDateTime.parse(value.strip()).atZone(zone()).toInstant();
    }
}
