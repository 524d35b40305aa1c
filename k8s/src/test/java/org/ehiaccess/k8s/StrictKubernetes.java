package org.ehiaccess.k8s;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Reads rendered manifests into the fabric8 Kubernetes model and refuses anything the model does not
 * know. The model's classes keep unknown fields in {@code additionalProperties} (a Jackson any-setter);
 * this mapper ignores those any-setters, so an unknown or misspelled field fails the parse instead of
 * being kept silently. Custom resources (CloudNativePG, Prometheus Operator) have no typed class: they
 * are read as {@link GenericKubernetesResource} and their top-level {@code spec} fields are checked
 * against the fields the chart may use.
 */
final class StrictKubernetes {

    private static final Map<String, Class<? extends HasMetadata>> TYPED = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    /** Custom resources: kind -> the spec fields allowed (from each CRD's schema, the part the chart uses). */
    private static final Map<String, Set<String>> CUSTOM = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Set.of("instances", "imageName", "bootstrap", "storage",
                    "resources", "backup", "monitoring", "postgresql", "affinity", "externalClusters"),
            "postgresql.cnpg.io/v1/ScheduledBackup", Set.of("schedule", "backupOwnerReference", "method",
                    "immediate", "cluster", "suspend", "target"),
            "monitoring.coreos.com/v1/ServiceMonitor", Set.of("selector", "endpoints", "namespaceSelector",
                    "jobLabel"));

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            })
            .build();

    private static final ObjectMapper LENIENT = JsonMapper.builder().build();

    private StrictKubernetes() {
    }

    static List<HasMetadata> parseAll(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(manifests)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue; // an empty document between two ---
                }
                objects.add(parse(doc));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
        }
        return objects;
    }

    static HasMetadata parse(JsonNode doc) {
        String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        try {
            Class<? extends HasMetadata> typed = TYPED.get(type);
            if (typed != null) {
                return STRICT.treeToValue(doc, typed);
            }
            Set<String> allowed = CUSTOM.get(type);
            if (allowed == null) {
                throw new IllegalArgumentException("a kind the chart should not render: " + type);
            }
            GenericKubernetesResource custom = LENIENT.treeToValue(doc, GenericKubernetesResource.class);
            if (custom.getMetadata() == null || custom.getMetadata().getName() == null) {
                throw new IllegalArgumentException(type + " without metadata.name");
            }
            JsonNode spec = doc.path("spec");
            if (!spec.isObject()) {
                throw new IllegalArgumentException(type + " " + custom.getMetadata().getName() + " without spec");
            }
            spec.fieldNames().forEachRemaining(field -> {
                if (!allowed.contains(field)) {
                    throw new IllegalArgumentException(type + " " + custom.getMetadata().getName()
                            + ": unknown spec field " + field);
                }
            });
            return custom;
        } catch (IOException e) {
            throw new IllegalArgumentException(type + " does not fit the Kubernetes model: " + e.getMessage(), e);
        }
    }
}
