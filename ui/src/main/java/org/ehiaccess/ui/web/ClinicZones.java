package org.ehiaccess.ui.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.ui.client.intake.SettingsClient;
import org.ehiaccess.ui.config.UiConfig;
import org.jboss.logging.Logger;

/**
 * Each clinic's time zone, from its settings in intake-service, kept for a minute (a settings change
 * made here forgets it at once). When the settings cannot be read, the deployment's {@code ui.time-zone}.
 */
@ApplicationScoped
public class ClinicZones {

    private static final Logger LOG = Logger.getLogger(ClinicZones.class);
    static final Duration KEEP = Duration.ofMinutes(1);

    private record Known(ZoneId zone, Instant until) {
    }

    private final Map<String, Known> zones = new ConcurrentHashMap<>();

    @Inject
    SettingsClient settings;

    @Inject
    UiConfig config;

    public ZoneId zoneOf(String clinicId) {
        if (clinicId == null) {
            return config.timeZone();
        }
        Instant now = Instant.now();
        Known known = zones.get(clinicId);
        if (known != null && known.until().isAfter(now)) {
            return known.zone();
        }
        try {
            ZoneId zone = ZoneId.of(settings.settings().timeZone());
            zones.put(clinicId, new Known(zone, now.plus(KEEP)));
            return zone;
        } catch (RuntimeException | Error e) {
            if (e instanceof Error && !(e instanceof DateTimeException)) {
                throw (Error) e;
            }
            // the pages still work (a form keeps what was typed); times are shown in the deployment's zone
            LOG.debugf("clinic settings not readable (%s); using %s", e.getClass().getSimpleName(), config.timeZone());
            return known != null ? known.zone() : config.timeZone();
        }
    }

    /** After the clinic's settings were changed here. */
    public void forget(String clinicId) {
        if (clinicId != null) {
            zones.remove(clinicId);
        }
    }
}
