package org.ehiaccess.intake.config;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** intake-service settings that are the operator's, not a clinic's. */
@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    Retention retention();

    Alerts alerts();

    /** Deadline alerts and their mail (issue 6). */
    interface Alerts {
        /** How often open clocks are scanned for crossed thresholds. */
        @WithDefault("5m")
        String scanEvery();

        /** How often waiting mail is sent (and failed mail retried). */
        @WithDefault("30s")
        String mailEvery();

        /** When daily digests go out (UTC): 12:00 UTC is 07:00 in New York in winter. */
        @WithDefault("0 0 12 * * ?")
        String digestCron();

        /** The address people open, for links in mail (no clinical detail is ever mailed). */
        @WithDefault("http://localhost:8080")
        String linkBaseUrl();

        /** Clocks handled per transaction. */
        @WithDefault("1000")
        int batchSize();
    }

    interface Retention {
        /**
         * Years a closed request is kept. HIPAA keeps documentation six years (164.530(j)); a
         * shorter value is refused at start-up.
         */
        @WithDefault("6")
        @Min(6)
        int years();

        /** When the nightly pass runs (read by the scheduler). */
        @WithDefault("0 30 3 * * ?")
        String cron();
    }
}
