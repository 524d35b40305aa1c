package org.ehiaccess.ui.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The ui's own application.properties, resolved as the packaged application resolves it: in the
 * production profile the session and CSRF cookies are Secure-only and HSTS is sent; in the profile
 * ./run.sh starts the ui with (plain HTTP on localhost) none of that applies, or nobody could sign in.
 */
class ProductionConfigTest {

    static final String SESSION_SECURE = "quarkus.oidc.authentication.cookie-force-secure";
    static final String CSRF_SECURE = "quarkus.rest-csrf.cookie-force-secure";
    static final String HSTS = "quarkus.http.header.\"Strict-Transport-Security\".value";

    static SmallRyeConfig config(String profile) throws IOException {
        URL properties = ProductionConfigTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, 250))
                .build();
    }

    @Test
    void productionCookiesAreSecureOnlyAndHstsIsOn() throws IOException {
        SmallRyeConfig prod = config("prod");
        assertEquals(Optional.of(true), prod.getOptionalValue(SESSION_SECURE, Boolean.class));
        assertEquals(Optional.of(true), prod.getOptionalValue(CSRF_SECURE, Boolean.class));
        String hsts = prod.getOptionalValue(HSTS, String.class).orElse("");
        Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(hsts);
        assertTrue(maxAge.find(), "HSTS header in production: " + hsts);
        assertTrue(Long.parseLong(maxAge.group(1)) >= 31_536_000L, "at least a year: " + hsts);
    }

    @Test
    void theLocalRunOverPlainHttpHasNeither() throws IOException {
        String runSh = Files.readString(Path.of("..", "run.sh"));
        Matcher ui = Pattern.compile("\\bui\\) echo \"[^\"]*-Dquarkus\\.profile=([a-z,]+)").matcher(runSh);
        assertTrue(ui.find(), "./run.sh starts the ui with its own profile, not prod");
        String profile = ui.group(1);
        assertFalse(profile.contains("prod"), profile);
        SmallRyeConfig local = config(profile);
        assertFalse(local.getOptionalValue(SESSION_SECURE, Boolean.class).orElse(false));
        assertFalse(local.getOptionalValue(CSRF_SECURE, Boolean.class).orElse(false));
        assertTrue(local.getOptionalValue(HSTS, String.class).isEmpty());
    }
}
