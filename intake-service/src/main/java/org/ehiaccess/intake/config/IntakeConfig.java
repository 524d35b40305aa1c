package org.ehiaccess.intake.config;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** intake-service settings that are the operator's, not a clinic's. */
@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    Retention retention();

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
