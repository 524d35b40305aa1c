package org.ehiaccess.ui.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the web front end ({@code ui.*} in application.properties, {@code UI_*} in the environment). */
@ConfigMapping(prefix = "ui")
public interface UiConfig {

    /**
     * The clinic's time zone: times are shown in it and typed in it. The services store UTC.
     * Until clinic settings exist (clinic-admin), one zone per deployment.
     */
    @WithDefault("America/New_York")
    ZoneId timeZone();

    /** How many of the newest requests the request log shows. */
    @WithDefault("50")
    int requestLogSize();
}
