package org.ehiaccess.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Only the ui is reachable from outside (through the ingress controller); a service accepts the
 * applications that call it; each application reaches only DNS, the identity providers, the
 * applications it calls, its own database and (intake-service) SMTP.
 */
class NetworkPolicyTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private static final String INGRESS_CONTROLLER = "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"ingress-nginx\"}}}";
    private static final String PROMETHEUS = "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"monitoring\"}}}";
    private static final String DNS = "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"kube-system\"}},\"podSelector\":{\"matchLabels\":{\"k8s-app\":\"kube-dns\"}}}";

    /** Who calls whom (the applications' quarkus.rest-client.* clients). */
    private static final Map<String, List<String>> CALLS = Map.of(
            "ui", List.of("intake-service", "decision-service", "reporting-service"),
            "intake-service", List.of("decision-service", "reporting-service"),
            "decision-service", List.of("intake-service", "reporting-service"),
            "reporting-service", List.of());

    private static final Map<String, String> DATABASE = Map.of(
            "intake-service", "intake", "decision-service", "decision", "reporting-service", "reporting");

    static String pod(String app) {
        return "{\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/instance\":\"" + Chart.RELEASE
                + "\",\"app.kubernetes.io/name\":\"" + app + "\"}}}";
    }

    private static String peer(NetworkPolicyPeer peer) {
        try {
            return JSON.writeValueAsString(peer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String port(NetworkPolicyPort p) {
        IntOrString port = p.getPort();
        assertNotNull(port, "a rule for every port");
        return (p.getProtocol() == null ? "TCP" : p.getProtocol()) + "/" + (port.getIntVal() != null ? port.getIntVal() : port.getStrVal());
    }

    private static NetworkPolicy policy(Chart.Rendered rendered, String app) {
        NetworkPolicy np = rendered.named(NetworkPolicy.class, Chart.objectName(app));
        assertEquals(Map.of("app.kubernetes.io/name", app, "app.kubernetes.io/instance", Chart.RELEASE),
                np.getSpec().getPodSelector().getMatchLabels(), app);
        return np;
    }

    /** port -> the peers allowed in on it. */
    static Map<String, Set<String>> ingress(Chart.Rendered rendered, String app) {
        return byPort(app, "ingress", policy(rendered, app).getSpec().getIngress(),
                NetworkPolicyIngressRule::getFrom, NetworkPolicyIngressRule::getPorts);
    }

    /** port -> the peers allowed out to on it. */
    static Map<String, Set<String>> egress(Chart.Rendered rendered, String app) {
        return byPort(app, "egress", policy(rendered, app).getSpec().getEgress(),
                NetworkPolicyEgressRule::getTo, NetworkPolicyEgressRule::getPorts);
    }

    private static <R> Map<String, Set<String>> byPort(String app, String direction, List<R> rules,
            Function<R, List<NetworkPolicyPeer>> peersOf, Function<R, List<NetworkPolicyPort>> portsOf) {
        Map<String, Set<String>> allowed = new TreeMap<>();
        for (R rule : rules) {
            List<NetworkPolicyPeer> peers = peersOf.apply(rule);
            List<NetworkPolicyPort> ports = portsOf.apply(rule);
            assertFalse(peers == null || peers.isEmpty(), app + ": an " + direction + " rule open to everyone");
            assertFalse(ports == null || ports.isEmpty(), app + ": an " + direction + " rule on every port");
            ports.forEach(p -> peers.forEach(peer -> allowed.computeIfAbsent(port(p), k -> new TreeSet<>()).add(peer(peer))));
        }
        return allowed;
    }

    private static String tcp(int port) {
        return "TCP/" + port;
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyApplicationIsClosedBothWaysExceptWhatItsPolicyAllows(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> assertEquals(List.of("Ingress", "Egress"),
                policy(values.render(), app).getSpec().getPolicyTypes(), app));
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void onlyTheUiIsReachableFromTheIngressController(Chart.Values values) {
        assertEquals(Set.of(INGRESS_CONTROLLER), ingress(values.render(), "ui").get(tcp(8080)));
        Chart.APPS.forEach((app, ports) -> {
            Set<String> in = ingress(values.render(), app).getOrDefault(tcp(ports[0]), Set.of());
            if (!app.equals("ui")) {
                assertTrue(in.stream().allMatch(p -> p.startsWith("{\"podSelector\"")), app + " is reachable from outside: " + in);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void servicesAcceptTheApplicationsThatCallThem(Chart.Values values) {
        Chart.APPS.forEach((app, ports) -> {
            Set<String> callers = new TreeSet<>();
            CALLS.forEach((caller, called) -> {
                if (called.contains(app)) {
                    callers.add(pod(caller));
                }
            });
            if (!app.equals("ui")) {
                assertFalse(callers.isEmpty());
                assertEquals(callers, ingress(values.render(), app).get(tcp(ports[0])), app);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void managementPortsAcceptOnlyPrometheusAndNothingElseIsOpen(Chart.Values values) {
        Chart.APPS.forEach((app, ports) -> {
            Map<String, Set<String>> in = ingress(values.render(), app);
            assertEquals(Set.of(PROMETHEUS), in.get(tcp(ports[1])), app);
            assertEquals(Set.of(tcp(ports[0]), tcp(ports[1])), in.keySet(), app);
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyApplicationReachesDnsAndTheIdentityProviders(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            Map<String, Set<String>> out = egress(values.render(), app);
            assertEquals(Set.of(DNS), out.get("UDP/53"), app);
            assertEquals(Set.of(DNS), out.get("TCP/53"), app);
            Set<String> idp = out.get(tcp(443));
            assertNotNull(idp, app + " cannot reach the identity providers");
            assertTrue(idp.stream().allMatch(p -> p.contains("ipBlock")), app + ": " + idp);
        });
    }

    @Test
    void theIdentityProvidersAddressesComeFromTheValues() {
        assertEquals(Set.of("{\"ipBlock\":{\"cidr\":\"203.0.113.0/24\"}}"),
                egress(Chart.Values.PRODUCTION.render(), "intake-service").get(tcp(443)));
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void applicationsReachOnlyTheApplicationsTheyCall(Chart.Values values) {
        CALLS.forEach((app, called) -> {
            Map<String, Set<String>> out = egress(values.render(), app);
            Chart.APPS.forEach((other, ports) -> {
                Set<String> expected = called.contains(other) ? Set.of(pod(other)) : null;
                assertEquals(expected, out.get(tcp(ports[0])), app + " -> " + other);
                assertFalse(out.containsKey(tcp(ports[1])), app + " reaches " + other + "'s management port");
            });
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void eachServiceReachesOnlyItsOwnCloudNativePgDatabase(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            Set<String> db = egress(values.render(), app).get(tcp(5432));
            if (app.equals("ui")) {
                assertEquals(null, db, "the ui has no database");
            } else {
                assertEquals(Set.of("{\"podSelector\":{\"matchLabels\":{\"cnpg.io/cluster\":\"" + Chart.RELEASE + "-"
                        + DATABASE.get(app) + "-db\"}}}"), db, app);
            }
        });
    }

    @Test
    void withAnExternalDatabaseServicesReachItsAddress() {
        Chart.Rendered rendered = Chart.render(Chart.Values.DEFAULT, ConfigTest.EXTERNAL_DATABASE);
        Chart.APPS.keySet().forEach(app -> {
            Set<String> db = egress(rendered, app).get(tcp(6432));
            assertEquals(app.equals("ui") ? null : Set.of("{\"ipBlock\":{\"cidr\":\"10.20.0.0/16\"}}"), db, app);
            assertFalse(egress(rendered, app).containsKey(tcp(5432)), app);
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void onlyIntakeServiceReachesSmtp(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            Set<String> smtp = egress(values.render(), app).get(tcp(587));
            if (app.equals("intake-service")) {
                assertNotNull(smtp, "intake-service cannot send mail");
            } else {
                assertEquals(null, smtp, app);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void nothingElseGoesOut(Chart.Values values) {
        Map<String, Set<String>> expectedPorts = Map.of(
                "ui", Set.of("UDP/53", "TCP/53", "TCP/443", "TCP/8081", "TCP/8082", "TCP/8083"),
                "intake-service", Set.of("UDP/53", "TCP/53", "TCP/443", "TCP/8082", "TCP/8083", "TCP/5432", "TCP/587"),
                "decision-service", Set.of("UDP/53", "TCP/53", "TCP/443", "TCP/8081", "TCP/8083", "TCP/5432"),
                "reporting-service", Set.of("UDP/53", "TCP/53", "TCP/443", "TCP/5432"));
        expectedPorts.forEach((app, ports) -> assertEquals(new TreeSet<>(ports), egress(values.render(), app).keySet(), app));
    }
}
