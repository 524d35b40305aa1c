package org.ehiaccess.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Probes and resources of the four Deployments, with the shipped default and production values. */
class DeploymentTest {

    /**
     * Resident set size measured per application (docs/benchmarks.md, steady mixed load, after 600 s);
     * the memory request must cover it. reporting-service was not measured.
     */
    private static final Map<String, Quantity> MEASURED_RSS = Map.of(
            "ui", new Quantity("223Mi"),
            "intake-service", new Quantity("355Mi"),
            "decision-service", new Quantity("351Mi"));

    static Container container(Chart.Rendered rendered, String app) {
        Deployment d = rendered.named(Deployment.class, Chart.objectName(app));
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size(), app);
        return containers.get(0);
    }

    static PodSpec pod(Chart.Rendered rendered, String app) {
        return rendered.named(Deployment.class, Chart.objectName(app)).getSpec().getTemplate().getSpec();
    }

    /** The container port a probe names (by name or number). */
    private static int probePort(Container c, Probe probe, String what) {
        assertNotNull(probe, what + " missing on " + c.getName());
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, what + " of " + c.getName() + " is not an HTTP GET");
        if (get.getPort().getIntVal() != null) {
            return get.getPort().getIntVal();
        }
        return c.getPorts().stream().filter(p -> get.getPort().getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(what + " of " + c.getName() + " names no container port"));
    }

    private static void assertProbe(Chart.Values values, String path, java.util.function.Function<Container, Probe> probe,
            String what) {
        Chart.Rendered rendered = values.render();
        Chart.APPS.forEach((app, ports) -> {
            Container c = container(rendered, app);
            assertEquals(ports[1], probePort(c, probe.apply(c), what), app + " " + what + " not on the management port");
            assertEquals(path, probe.apply(c).getHttpGet().getPath(), app + " " + what);
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void readinessProbeAsksTheManagementPortsReadyCheck(Chart.Values values) {
        assertProbe(values, "/q/health/ready", Container::getReadinessProbe, "readiness probe");
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void livenessProbeAsksTheManagementPortsLiveCheck(Chart.Values values) {
        assertProbe(values, "/q/health/live", Container::getLivenessProbe, "liveness probe");
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void startupProbeGivesMigrationsTimeBeforeLivenessCounts(Chart.Values values) {
        assertProbe(values, "/q/health/started", Container::getStartupProbe, "startup probe");
        Chart.APPS.keySet().forEach(app -> {
            Probe startup = container(values.render(), app).getStartupProbe();
            int seconds = startup.getPeriodSeconds() * startup.getFailureThreshold();
            assertTrue(seconds >= 120, app + ": only " + seconds + " s to start");
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void theContainerExposesTheApplicationAndManagementPorts(Chart.Values values) {
        Chart.APPS.forEach((app, ports) -> {
            Container c = container(values.render(), app);
            assertEquals(Map.of("http", ports[0], "management", ports[1]), c.getPorts().stream()
                    .collect(java.util.stream.Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort)), app);
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyContainerHasCpuAndMemoryRequestsAndLimits(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            ResourceRequirements r = container(values.render(), app).getResources();
            assertNotNull(r, app + " has no resources");
            for (String resource : List.of("cpu", "memory")) {
                Quantity request = r.getRequests() == null ? null : r.getRequests().get(resource);
                Quantity limit = r.getLimits() == null ? null : r.getLimits().get(resource);
                assertNotNull(request, app + " has no " + resource + " request");
                assertNotNull(limit, app + " has no " + resource + " limit");
                assertTrue(request.getNumericalAmount().compareTo(limit.getNumericalAmount()) <= 0,
                        app + ": " + resource + " request above its limit");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void memoryRequestsCoverTheMeasuredResidentSetSize(Chart.Values values) {
        MEASURED_RSS.forEach((app, rss) -> {
            Quantity request = container(values.render(), app).getResources().getRequests().get("memory");
            assertTrue(request.getNumericalAmount().compareTo(rss.getNumericalAmount()) >= 0,
                    app + ": memory request " + request + " below the measured RSS " + rss);
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void theHeapIsAShareOfTheContainerLimitAndTmpIsTheTemporaryDirectory(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            String options = ConfigTest.config(values.render(), app).get("JAVA_TOOL_OPTIONS");
            assertNotNull(options, app);
            assertTrue(options.contains("-XX:MaxRAMPercentage="), app + ": " + options);
            assertTrue(options.contains("-Djava.io.tmpdir=/tmp"), app + ": " + options);
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void rollingUpdatesKeepEveryReadyPodUntilItsReplacementIsReady(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            Deployment d = values.render().named(Deployment.class, Chart.objectName(app));
            assertEquals("RollingUpdate", d.getSpec().getStrategy().getType(), app);
            assertEquals(0, d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal(), app);
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void theSelectorMatchesThePodTemplate(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            Deployment d = values.render().named(Deployment.class, Chart.objectName(app));
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertEquals(app, d.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"), app);
            d.getSpec().getSelector().getMatchLabels().forEach((k, v) -> assertEquals(v, labels.get(k), app + " " + k));
        });
    }
}
