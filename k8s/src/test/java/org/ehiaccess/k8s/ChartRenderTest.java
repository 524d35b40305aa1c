package org.ehiaccess.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.LintResult;

import io.fabric8.kubernetes.api.model.HasMetadata;

class ChartRenderTest {

    @Test
    void helmLintPassesStrict() {
        LintResult lint = Chart.lint();
        assertFalse(lint.isFailed(), () -> String.join("\n", lint.getMessages()));
        assertTrue(lint.getMessages().stream().noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
                () -> String.join("\n", lint.getMessages()));
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void rendersEveryKindOncePerApplicationAndParsesStrictly(Chart.Values values) {
        Map<String, Integer> kinds = new TreeMap<>();
        for (HasMetadata o : values.render().objects()) {
            kinds.merge(o.getKind(), 1, Integer::sum);
        }
        Map<String, Integer> expected = new TreeMap<>(Map.of(
                "ConfigMap", 4, "Deployment", 4, "Service", 4, "HorizontalPodAutoscaler", 4,
                "PodDisruptionBudget", 4, "NetworkPolicy", 4, "Ingress", 1, "ServiceAccount", 1,
                "Cluster", 3));
        if (values == Chart.Values.PRODUCTION) {
            expected.put("ScheduledBackup", 3);
            expected.put("ServiceMonitor", 4);
        }
        assertEquals(expected, kinds);
    }

    @Test
    void theStrictParserRefusesAFieldTheModelDoesNotKnow() throws Exception {
        JsonNode misspelled = new YAMLMapper().readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinesProbe: {httpGet: {path: /q/health/ready, port: 9080}}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictKubernetes.parse(misspelled));
        assertTrue(e.getMessage().contains("readinesProbe"), e.getMessage());
    }

    @Test
    void theStrictParserRefusesAnUnknownKindAndAnUnknownCustomResourceField() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        assertThrows(IllegalArgumentException.class, () -> StrictKubernetes.parse(yaml.readTree(
                "{apiVersion: autoscaling/v1, kind: HorizontalPodAutoscaler, metadata: {name: x}, spec: {}}")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictKubernetes.parse(yaml.readTree(
                "{apiVersion: postgresql.cnpg.io/v1, kind: Cluster, metadata: {name: x}, spec: {instance: 3}}")));
        assertTrue(e.getMessage().contains("instance"), e.getMessage());
    }
}
