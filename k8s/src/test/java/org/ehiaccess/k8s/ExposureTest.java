package org.ehiaccess.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;

/** What is published (the ui, over TLS) and what Prometheus scrapes. */
class ExposureTest {

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void theIngressPublishesOnlyTheUiOverTls(Chart.Values values) {
        List<Ingress> ingresses = values.render().all(Ingress.class);
        assertEquals(1, ingresses.size());
        Ingress ingress = ingresses.get(0);
        assertEquals(1, ingress.getSpec().getTls().size());
        assertEquals(List.of("ehi.example.org"), ingress.getSpec().getTls().get(0).getHosts());
        assertEquals("ehi-tls", ingress.getSpec().getTls().get(0).getSecretName());
        assertEquals(1, ingress.getSpec().getRules().size());
        IngressRule rule = ingress.getSpec().getRules().get(0);
        assertEquals("ehi.example.org", rule.getHost());
        assertEquals(1, rule.getHttp().getPaths().size());
        IngressBackend backend = rule.getHttp().getPaths().get(0).getBackend();
        assertEquals(Chart.objectName("ui"), backend.getService().getName());
        assertEquals("http", backend.getService().getPort().getName());
        assertEquals(null, ingress.getSpec().getDefaultBackend());
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void servicesAreClusterInternal(Chart.Values values) {
        Chart.APPS.forEach((app, ports) -> {
            Service s = values.render().named(Service.class, Chart.objectName(app));
            assertEquals("ClusterIP", s.getSpec().getType(), app);
            assertEquals(Map.of("app.kubernetes.io/name", app, "app.kubernetes.io/instance", Chart.RELEASE),
                    s.getSpec().getSelector(), app);
            assertEquals(Map.of("http", ports[0], "management", ports[1]), s.getSpec().getPorts().stream()
                    .collect(java.util.stream.Collectors.toMap(ServicePort::getName, ServicePort::getPort)), app);
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void podsAskPrometheusToScrapeTheManagementPort(Chart.Values values) {
        Chart.APPS.forEach((app, ports) -> {
            Map<String, String> annotations = values.render().named(Deployment.class, Chart.objectName(app))
                    .getSpec().getTemplate().getMetadata().getAnnotations();
            assertEquals("true", annotations.get("prometheus.io/scrape"), app);
            assertEquals(String.valueOf(ports[1]), annotations.get("prometheus.io/port"), app);
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"), app);
        });
    }

    @Test
    void noServiceMonitorUnlessAsked() {
        assertTrue(Chart.Values.DEFAULT.render().ofKind("ServiceMonitor").isEmpty());
    }

    @Test
    void theServiceMonitorsScrapeEachServicesManagementPort() {
        Chart.Rendered rendered = Chart.Values.PRODUCTION.render();
        Chart.APPS.keySet().forEach(app -> {
            GenericKubernetesResource sm = rendered.named(GenericKubernetesResource.class, Chart.objectName(app));
            assertEquals("monitoring.coreos.com/v1", sm.getApiVersion());
            assertEquals("ServiceMonitor", sm.getKind());
            Map<String, Object> spec = sm.get("spec");
            assertEquals(Map.of("app.kubernetes.io/name", app, "app.kubernetes.io/instance", Chart.RELEASE),
                    ((Map<?, ?>) spec.get("selector")).get("matchLabels"), app);
            List<?> endpoints = (List<?>) spec.get("endpoints");
            assertEquals(1, endpoints.size(), app);
            Map<?, ?> endpoint = (Map<?, ?>) endpoints.get(0);
            assertEquals("management", endpoint.get("port"), app);
            assertEquals("/q/metrics", endpoint.get("path"), app);
            // the Service really has a port by that name
            assertTrue(rendered.named(Service.class, Chart.objectName(app)).getSpec().getPorts().stream()
                    .anyMatch(p -> "management".equals(p.getName())), app);
        });
    }
}
