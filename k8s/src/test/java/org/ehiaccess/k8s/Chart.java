package org.ehiaccess.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** The chart in this module, rendered offline by the Helm library that helm-java embeds. */
final class Chart {

    static final Path DIR = Path.of(System.getProperty("chart.dir", "ehi-access-desk")).toAbsolutePath();
    static final String RELEASE = "ehi";
    static final String NAMESPACE = "ehi";
    /** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion). */
    static final String KUBE_VERSION = "1.27.0";

    /** The four applications: name -> {application port, management port}. */
    static final Map<String, int[]> APPS = Map.of(
            "ui", new int[] {8080, 9080},
            "intake-service", new int[] {8081, 9081},
            "decision-service", new int[] {8082, 9082},
            "reporting-service", new int[] {8083, 9083});

    /** The values the chart ships. */
    enum Values {
        DEFAULT, PRODUCTION;

        Rendered render() {
            return Chart.render(this, Map.of());
        }
    }

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    private Chart() {
    }

    static String objectName(String app) {
        return RELEASE + "-" + app;
    }

    /** Renders with the shipped values file(s) and {@code --set} overrides, parsing every object strictly. */
    static Rendered render(Values values, Map<String, Object> set) {
        return CACHE.computeIfAbsent(values + " " + set, key -> new Rendered(StrictKubernetes.parseAll(template(values, set))));
    }

    static String template(Values values, Map<String, Object> set) {
        TemplateCommand template = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (values == Values.PRODUCTION) {
            Path production = DIR.resolve("values-production.yaml");
            if (!Files.exists(production)) {
                throw new IllegalStateException("missing " + production);
            }
            template = template.withValuesFile(production);
        }
        for (Map.Entry<String, Object> e : set.entrySet()) {
            template = template.set(e.getKey(), e.getValue());
        }
        return template.call();
    }

    static LintResult lint() {
        return new Helm(DIR).lint().strict().call();
    }

    record Rendered(List<HasMetadata> objects) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T named(Class<T> type, String name) {
            List<T> found = all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one " + type.getSimpleName() + " " + name + ", found " + found.size());
            }
            return found.get(0);
        }

        List<HasMetadata> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
        }
    }
}
