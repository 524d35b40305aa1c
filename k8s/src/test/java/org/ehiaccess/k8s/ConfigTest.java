package org.ehiaccess.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;

/** ConfigMaps and Secrets: datasource, OIDC, SMTP, the services' addresses, migrations. */
class ConfigTest {

    static final Map<String, Object> EXTERNAL_DATABASE = Map.of(
            "postgresql.cloudnativepg.enabled", false,
            "postgresql.external.host", "db.internal",
            "postgresql.external.port", 6432,
            "postgresql.external.cidr", "10.20.0.0/16",
            "postgresql.external.databases.intake.existingSecret", "intake-db-credentials",
            "postgresql.external.databases.decision.username", "decision_app",
            "postgresql.external.databases.decision.password", "pw-decision",
            "postgresql.external.databases.reporting.username", "reporting_app",
            "postgresql.external.databases.reporting.password", "pw-reporting");

    private static final Map<String, String> DATABASE = Map.of(
            "intake-service", "intake", "decision-service", "decision", "reporting-service", "reporting");

    static Map<String, String> config(Chart.Rendered rendered, String app) {
        Container c = DeploymentTest.container(rendered, app);
        assertEquals(1, c.getEnvFrom().size(), app);
        String name = c.getEnvFrom().get(0).getConfigMapRef().getName();
        assertEquals(Chart.objectName(app), name, app);
        return rendered.named(ConfigMap.class, name).getData();
    }

    /** Variable -> "secret/key" for each variable taken from a Secret. */
    static Map<String, String> secretEnv(Chart.Rendered rendered, String app) {
        Map<String, String> env = new HashMap<>();
        List<EnvVar> vars = DeploymentTest.container(rendered, app).getEnv();
        for (EnvVar v : vars == null ? List.<EnvVar>of() : vars) {
            assertNull(v.getValue(), app + ": " + v.getName() + " given in plain text");
            var ref = v.getValueFrom().getSecretKeyRef();
            env.put(v.getName(), ref.getName() + "/" + ref.getKey());
        }
        return env;
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void eachServiceGetsItsOwnCloudNativePgDatabaseAndItsCredentials(Chart.Values values) {
        DATABASE.forEach((app, db) -> {
            String cluster = Chart.RELEASE + "-" + db + "-db";
            assertEquals("jdbc:postgresql://" + cluster + "-rw:5432/" + db,
                    config(values.render(), app).get("QUARKUS_DATASOURCE_JDBC_URL"), app);
            Map<String, String> secrets = secretEnv(values.render(), app);
            assertEquals(cluster + "-app/username", secrets.get("QUARKUS_DATASOURCE_USERNAME"), app);
            assertEquals(cluster + "-app/password", secrets.get("QUARKUS_DATASOURCE_PASSWORD"), app);
        });
        assertFalse(config(values.render(), "ui").containsKey("QUARKUS_DATASOURCE_JDBC_URL"));
        assertFalse(secretEnv(values.render(), "ui").containsKey("QUARKUS_DATASOURCE_PASSWORD"));
    }

    @Test
    void anExternalDatabaseTakesAnExistingSecretOrOneTheChartMakes() {
        Chart.Rendered rendered = Chart.render(Chart.Values.DEFAULT, EXTERNAL_DATABASE);
        assertEquals("jdbc:postgresql://db.internal:6432/intake?sslmode=require",
                config(rendered, "intake-service").get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("intake-db-credentials/password", secretEnv(rendered, "intake-service").get("QUARKUS_DATASOURCE_PASSWORD"));
        assertEquals("ehi-decision-db/password", secretEnv(rendered, "decision-service").get("QUARKUS_DATASOURCE_PASSWORD"));
        Secret made = rendered.named(Secret.class, "ehi-decision-db");
        assertEquals(Map.of("username", "decision_app", "password", "pw-decision"), made.getStringData());
        assertTrue(rendered.all(Secret.class).stream().noneMatch(s -> s.getMetadata().getName().contains("intake")),
                "no Secret is made where an existing one is named");
        assertTrue(rendered.ofKind("Cluster").isEmpty());
    }

    @Test
    void anExternalDatabaseWithoutCredentialsIsRefused() {
        Map<String, Object> missing = new HashMap<>(EXTERNAL_DATABASE);
        missing.remove("postgresql.external.databases.reporting.password");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Chart.template(Chart.Values.DEFAULT, missing));
        assertTrue(e.getMessage().contains("postgresql.external.databases.reporting.password"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyApplicationTrustsTheIssuerAndTheClientSecretsComeFromTheOidcSecret(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> assertEquals("https://id.example.org/realms/clinics",
                config(values.render(), app).get("QUARKUS_OIDC_AUTH_SERVER_URL"), app));
        assertEquals("ui", config(values.render(), "ui").get("QUARKUS_OIDC_CLIENT_ID"));
        assertEquals("ehi-oidc/ui-client-secret", secretEnv(values.render(), "ui").get("QUARKUS_OIDC_CREDENTIALS_SECRET"));
        assertEquals("ehi-oidc/session-encryption-secret",
                secretEnv(values.render(), "ui").get("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET"));
        assertEquals("decision-service", config(values.render(), "decision-service").get("QUARKUS_OIDC_CLIENT_CLIENT_ID"));
        assertEquals("ehi-oidc/decision-service-client-secret",
                secretEnv(values.render(), "decision-service").get("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET"));
        // intake-service's own token, for the reporting events its outbox relay sends
        assertEquals("intake-service", config(values.render(), "intake-service").get("QUARKUS_OIDC_CLIENT_CLIENT_ID"));
        assertEquals("ehi-oidc/intake-service-client-secret",
                secretEnv(values.render(), "intake-service").get("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET"));
        assertTrue(secretEnv(values.render(), "reporting-service").keySet().stream().noneMatch(k -> k.contains("OIDC")));
    }

    @Test
    void withoutAnExistingSecretTheChartMakesTheOidcAndSmtpSecrets() {
        Chart.Rendered rendered = Chart.render(Chart.Values.DEFAULT, Map.of(
                "oidc.existingSecret", "", "oidc.uiClientSecret", "s-ui", "oidc.decisionServiceClientSecret", "s-dec",
                "oidc.intakeServiceClientSecret", "s-intake",
                "oidc.sessionEncryptionSecret", "s-session-0123456789abcdef0123456789",
                "smtp.existingSecret", "", "smtp.username", "mailer", "smtp.password", "s-mail"));
        assertEquals(Map.of("ui-client-secret", "s-ui", "decision-service-client-secret", "s-dec",
                "intake-service-client-secret", "s-intake",
                "session-encryption-secret", "s-session-0123456789abcdef0123456789"),
                rendered.named(Secret.class, "ehi-oidc").getStringData());
        assertEquals("ehi-oidc/ui-client-secret", secretEnv(rendered, "ui").get("QUARKUS_OIDC_CREDENTIALS_SECRET"));
        assertEquals(Map.of("username", "mailer", "password", "s-mail"), rendered.named(Secret.class, "ehi-smtp").getStringData());
        assertEquals("ehi-smtp/password", secretEnv(rendered, "intake-service").get("QUARKUS_MAILER_PASSWORD"));
    }

    @Test
    void withoutAnExistingSecretTheClientSecretIsRequired() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Chart.template(Chart.Values.DEFAULT, Map.of("oidc.existingSecret", "")));
        assertTrue(e.getMessage().contains("oidc.uiClientSecret"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void onlyIntakeServiceGetsTheSmtpServerAndItsCredentials(Chart.Values values) {
        Map<String, String> intake = config(values.render(), "intake-service");
        assertEquals("smtp.example.org", intake.get("QUARKUS_MAILER_HOST"));
        assertEquals("587", intake.get("QUARKUS_MAILER_PORT"));
        assertEquals("https://ehi.example.org", intake.get("INTAKE_ALERTS_LINK_BASE_URL"));
        assertEquals("ehi-smtp/username", secretEnv(values.render(), "intake-service").get("QUARKUS_MAILER_USERNAME"));
        assertEquals("ehi-smtp/password", secretEnv(values.render(), "intake-service").get("QUARKUS_MAILER_PASSWORD"));
        for (String app : List.of("ui", "decision-service", "reporting-service")) {
            assertTrue(config(values.render(), app).keySet().stream().noneMatch(k -> k.startsWith("QUARKUS_MAILER")), app);
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void restClientsPointAtTheServices(Chart.Values values) {
        Map<String, String> ui = config(values.render(), "ui");
        assertEquals("http://ehi-intake-service:8081", ui.get("QUARKUS_REST_CLIENT_INTAKE_URL"));
        assertEquals("http://ehi-decision-service:8082", ui.get("QUARKUS_REST_CLIENT_DECISION_URL"));
        assertEquals("http://ehi-reporting-service:8083", ui.get("QUARKUS_REST_CLIENT_REPORTING_URL"));
        assertEquals("http://ehi-decision-service:8082", config(values.render(), "intake-service").get("QUARKUS_REST_CLIENT_DECISION_URL"));
        assertEquals("http://ehi-intake-service:8081", config(values.render(), "decision-service").get("QUARKUS_REST_CLIENT_INTAKE_URL"));
        // both send their domain events to reporting-service
        assertEquals("http://ehi-reporting-service:8083", config(values.render(), "intake-service").get("QUARKUS_REST_CLIENT_REPORTING_URL"));
        assertEquals("http://ehi-reporting-service:8083", config(values.render(), "decision-service").get("QUARKUS_REST_CLIENT_REPORTING_URL"));
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void theUiTakesTheSchemeAndHostFromTheIngressForItsRedirectUri(Chart.Values values) {
        Map<String, String> ui = config(values.render(), "ui");
        assertEquals("true", ui.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"));
        assertEquals("true", ui.get("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"));
        assertEquals("true", ui.get("QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST"));
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void servicesMigrateAtStart(Chart.Values values) {
        // Flyway holds a PostgreSQL advisory lock while it migrates: pods starting together wait for one another.
        DATABASE.keySet().forEach(app -> assertEquals("true",
                config(values.render(), app).get("QUARKUS_FLYWAY_MIGRATE_AT_START"), app));
        assertEquals("false", config(Chart.render(Chart.Values.DEFAULT, Map.of("migrations.atStart", false)),
                "intake-service").get("QUARKUS_FLYWAY_MIGRATE_AT_START"));
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyApplicationReadsTheRolesFromTheConfiguredClaim(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> assertEquals("groups",
                config(values.render(), app).get("QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH"), app));
        Chart.Rendered entra = Chart.render(Chart.Values.DEFAULT, Map.of("oidc.roleClaimPath", "roles"));
        Chart.APPS.keySet().forEach(app -> assertEquals("roles", config(entra, app).get("QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH"), app));
    }

    @Test
    void aFixedRedirectPathForProvidersWithoutWildcards() {
        assertFalse(config(Chart.Values.DEFAULT.render(), "ui").containsKey("QUARKUS_OIDC_AUTHENTICATION_REDIRECT_PATH"));
        Map<String, String> ui = config(Chart.render(Chart.Values.DEFAULT, Map.of("oidc.redirectPath", "/")), "ui");
        assertEquals("/", ui.get("QUARKUS_OIDC_AUTHENTICATION_REDIRECT_PATH"));
        assertEquals("true", ui.get("QUARKUS_OIDC_AUTHENTICATION_RESTORE_PATH_AFTER_REDIRECT"));
    }
}
