package org.ehiaccess.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

/** Pod security (the Kubernetes "restricted" profile) for every application pod. */
class SecurityContextTest {

    private static SecurityContext container(Chart.Values values, String app) {
        SecurityContext sc = DeploymentTest.container(values.render(), app).getSecurityContext();
        assertNotNull(sc, app + " has no container securityContext");
        return sc;
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void runsAsNonRoot(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            PodSpec pod = DeploymentTest.pod(values.render(), app);
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), app + " pod");
            assertEquals(Boolean.TRUE, container(values, app).getRunAsNonRoot(), app + " container");
            assertTrue(pod.getSecurityContext().getRunAsUser() > 0, app + " runs as root");
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void rootFilesystemIsReadOnlyWithAnEmptyDirForTmp(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            assertEquals(Boolean.TRUE, container(values, app).getReadOnlyRootFilesystem(), app);
            Container c = DeploymentTest.container(values.render(), app);
            VolumeMount tmp = c.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst()
                    .orElseThrow(() -> new AssertionError(app + " mounts nothing on /tmp"));
            Volume volume = DeploymentTest.pod(values.render(), app).getVolumes().stream()
                    .filter(v -> v.getName().equals(tmp.getName())).findFirst().orElseThrow();
            assertNotNull(volume.getEmptyDir(), app + ": /tmp is not an emptyDir");
            assertNotNull(volume.getEmptyDir().getSizeLimit(), app + ": /tmp has no size limit");
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void noPrivilegeEscalation(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> assertEquals(Boolean.FALSE, container(values, app).getAllowPrivilegeEscalation(), app));
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void dropsAllCapabilitiesAndAddsNone(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            SecurityContext sc = container(values, app);
            assertNotNull(sc.getCapabilities(), app);
            assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), app);
            assertTrue(sc.getCapabilities().getAdd() == null || sc.getCapabilities().getAdd().isEmpty(), app);
            assertFalse(Boolean.TRUE.equals(sc.getPrivileged()), app);
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void seccompProfileIsRuntimeDefault(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            PodSpec pod = DeploymentTest.pod(values.render(), app);
            assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), app + " pod");
            assertEquals("RuntimeDefault", container(values, app).getSeccompProfile().getType(), app + " container");
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void noKubernetesApiTokenIsMounted(Chart.Values values) {
        Chart.APPS.keySet().forEach(app -> {
            PodSpec pod = DeploymentTest.pod(values.render(), app);
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), app);
            ServiceAccount sa = values.render().named(ServiceAccount.class, pod.getServiceAccountName());
            assertEquals(Boolean.FALSE, sa.getAutomountServiceAccountToken());
        });
    }
}
