package org.ehiaccess.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** PostgreSQL through CloudNativePG: one Cluster per service database, scheduled backups in production. */
class DatabaseTest {

    private static final List<String> DATABASES = List.of("intake", "decision", "reporting");

    private static GenericKubernetesResource custom(Chart.Rendered rendered, String kind, String name) {
        List<HasMetadata> found = rendered.ofKind(kind).stream()
                .filter(o -> o.getMetadata().getName().equals(name)).toList();
        assertEquals(1, found.size(), kind + " " + name);
        GenericKubernetesResource r = (GenericKubernetesResource) found.get(0);
        assertEquals("postgresql.cnpg.io/v1", r.getApiVersion());
        return r;
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void eachServiceDatabaseIsACloudNativePgClusterOwnedByItsOwnRole(Chart.Values values) {
        int instances = values == Chart.Values.PRODUCTION ? 3 : 1;
        for (String db : DATABASES) {
            GenericKubernetesResource cluster = custom(values.render(), "Cluster", Chart.RELEASE + "-" + db + "-db");
            Map<String, Object> spec = cluster.get("spec");
            assertEquals(instances, spec.get("instances"), db);
            assertEquals(Map.of("database", db, "owner", db), ((Map<?, ?>) spec.get("bootstrap")).get("initdb"), db);
            assertTrue(((Map<?, ?>) spec.get("storage")).get("size") instanceof String, db);
            // Not the applications' labels: a database pod must never match an application's Service.
            assertNull(cluster.getMetadata().getLabels().get("app.kubernetes.io/name"), db);
        }
    }

    @Test
    void noBackupsUnlessConfigured() {
        Chart.Rendered rendered = Chart.Values.DEFAULT.render();
        assertTrue(rendered.ofKind("ScheduledBackup").isEmpty());
        assertNull(custom(rendered, "Cluster", "ehi-intake-db").<Object>get("spec", "backup"));
    }

    @Test
    void productionBacksUpEachDatabaseOnASchedule() {
        Chart.Rendered rendered = Chart.Values.PRODUCTION.render();
        for (String db : DATABASES) {
            String name = Chart.RELEASE + "-" + db + "-db";
            Map<String, Object> backup = custom(rendered, "Cluster", name).get("spec", "backup");
            Map<?, ?> store = (Map<?, ?>) backup.get("barmanObjectStore");
            assertEquals("s3://ehi-backups/production/" + db, store.get("destinationPath"), db);
            assertEquals("ehi-backup-s3", ((Map<?, ?>) ((Map<?, ?>) store.get("s3Credentials")).get("accessKeyId")).get("name"));
            assertEquals("30d", backup.get("retentionPolicy"), db);
            Map<String, Object> scheduled = custom(rendered, "ScheduledBackup", name).get("spec");
            assertEquals(Map.of("name", name), scheduled.get("cluster"), db);
            assertEquals("barmanObjectStore", scheduled.get("method"), db);
            assertEquals(6, ((String) scheduled.get("schedule")).split(" ").length, "CloudNativePG's cron has seconds");
        }
    }

    @Test
    void aRestoreBootstrapsEachClusterFromItsBackupsUpToTheTargetTime() {
        Chart.Rendered rendered = Chart.render(Chart.Values.PRODUCTION, Map.of(
                "postgresql.cloudnativepg.restore.enabled", true,
                "postgresql.cloudnativepg.restore.destinationPath", "s3://ehi-backups/production",
                "postgresql.cloudnativepg.restore.targetTime", "2026-12-07T09:00:00Z",
                "postgresql.cloudnativepg.backup.destinationPath", "s3://ehi-backups/restored"));
        for (String db : DATABASES) {
            String name = Chart.RELEASE + "-" + db + "-db";
            Map<String, Object> spec = custom(rendered, "Cluster", name).get("spec");
            Map<?, ?> bootstrap = (Map<?, ?>) spec.get("bootstrap");
            assertNull(bootstrap.get("initdb"), db);
            Map<?, ?> recovery = (Map<?, ?>) bootstrap.get("recovery");
            assertEquals("origin", recovery.get("source"), db);
            assertEquals(db, recovery.get("database"), db);
            assertEquals(Map.of("targetTime", "2026-12-07T09:00:00Z"), recovery.get("recoveryTarget"), db);
            Map<?, ?> origin = (Map<?, ?>) ((List<?>) spec.get("externalClusters")).get(0);
            assertEquals("origin", origin.get("name"));
            Map<?, ?> store = (Map<?, ?>) origin.get("barmanObjectStore");
            assertEquals("s3://ehi-backups/production/" + db, store.get("destinationPath"), db);
            assertEquals(name, store.get("serverName"), db);
            assertEquals("s3://ehi-backups/restored/" + db,
                    ((Map<?, ?>) ((Map<?, ?>) spec.get("backup")).get("barmanObjectStore")).get("destinationPath"), db);
        }
    }

    @Test
    void aRestoreCanReadAnotherReleasesBackups() {
        Chart.Rendered rendered = Chart.render(Chart.Values.PRODUCTION, Map.of(
                "postgresql.cloudnativepg.restore.enabled", true,
                "postgresql.cloudnativepg.restore.destinationPath", "s3://ehi-backups/production",
                "postgresql.cloudnativepg.restore.sourceRelease", "live",
                "postgresql.cloudnativepg.backup.destinationPath", "s3://ehi-backups/restore-test"));
        Map<String, Object> spec = custom(rendered, "Cluster", "ehi-intake-db").get("spec");
        Map<?, ?> origin = (Map<?, ?>) ((List<?>) spec.get("externalClusters")).get(0);
        assertEquals("live-intake-db", ((Map<?, ?>) origin.get("barmanObjectStore")).get("serverName"));
    }
}
