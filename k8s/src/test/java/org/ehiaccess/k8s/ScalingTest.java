package org.ehiaccess.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** HorizontalPodAutoscalers (autoscaling/v2) and PodDisruptionBudgets. */
class ScalingTest {

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyDeploymentHasAnAutoscalerOnCpu(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            HorizontalPodAutoscaler hpa = values.render().named(HorizontalPodAutoscaler.class, Chart.objectName(app));
            assertEquals("autoscaling/v2", hpa.getApiVersion(), app);
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind(), app);
            assertEquals("apps/v1", hpa.getSpec().getScaleTargetRef().getApiVersion(), app);
            assertEquals(Chart.objectName(app), hpa.getSpec().getScaleTargetRef().getName(), app);
            assertNotNull(hpa.getSpec().getMinReplicas(), app);
            assertTrue(hpa.getSpec().getMinReplicas() >= 1 && hpa.getSpec().getMinReplicas() < hpa.getSpec().getMaxReplicas(), app);
            assertEquals(1, hpa.getSpec().getMetrics().size(), app);
            MetricSpec cpu = hpa.getSpec().getMetrics().get(0);
            assertEquals("Resource", cpu.getType(), app);
            assertEquals("cpu", cpu.getResource().getName(), app);
            assertEquals("Utilization", cpu.getResource().getTarget().getType(), app);
            int target = cpu.getResource().getTarget().getAverageUtilization();
            assertTrue(target > 0 && target <= 100, app);
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void anAutoscaledDeploymentLeavesReplicasToTheAutoscaler(Chart.Values values) {
        // A replicas field would reset the autoscaler's count on every helm upgrade.
        Chart.APPS.keySet().forEach(app -> assertNull(
                values.render().named(Deployment.class, Chart.objectName(app)).getSpec().getReplicas(), app));
    }

    @Test
    void withoutAutoscalingTheDeploymentHasItsReplicas() {
        Chart.Rendered rendered = Chart.render(Chart.Values.DEFAULT,
                Map.of("apps.ui.autoscaling.enabled", false, "apps.ui.replicas", 3));
        assertEquals(3, rendered.named(Deployment.class, Chart.objectName("ui")).getSpec().getReplicas());
        assertTrue(rendered.all(HorizontalPodAutoscaler.class).stream()
                .noneMatch(h -> h.getMetadata().getName().equals(Chart.objectName("ui"))));
    }

    @Test
    void productionRunsAtLeastTwoReplicasOfEach() {
        Chart.APPS.keySet().forEach(app -> assertTrue(Chart.Values.PRODUCTION.render()
                .named(HorizontalPodAutoscaler.class, Chart.objectName(app)).getSpec().getMinReplicas() >= 2, app));
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyDeploymentHasADisruptionBudgetThatLetsANodeBeDrained(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            PodDisruptionBudget pdb = values.render().named(PodDisruptionBudget.class, Chart.objectName(app));
            assertEquals("policy/v1", pdb.getApiVersion());
            Map<String, String> podLabels = values.render().named(Deployment.class, Chart.objectName(app))
                    .getSpec().getTemplate().getMetadata().getLabels();
            Map<String, String> selector = pdb.getSpec().getSelector().getMatchLabels();
            assertEquals(app, selector.get("app.kubernetes.io/name"), app);
            selector.forEach((k, v) -> assertEquals(v, podLabels.get(k), app + " " + k));
            // maxUnavailable 1: with one replica a drain can still evict it; with more, one at a time.
            assertNull(pdb.getSpec().getMinAvailable(), app);
            assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal(), app);
        });
    }
}
