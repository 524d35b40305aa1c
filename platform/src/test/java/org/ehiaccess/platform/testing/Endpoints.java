package org.ehiaccess.platform.testing;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import io.quarkus.security.PermissionsAllowed;

/**
 * Every REST operation of a service, found by reflection over its resource classes, with the one
 * {@link org.ehiaccess.platform.security.Permissions} operation it names. A test walks them all with
 * every role, so an endpoint added without an entry in the table fails.
 */
public final class Endpoints {

    /** One REST operation: {@code POST /api/v1/requests/{id}/notes}, and the permission it requires (null: none named). */
    public record Endpoint(String method, String path, String operation, String javaMethod) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private Endpoints() {
    }

    /**
     * The operations of every {@code @Path} class in {@code packageName} and the packages below it, in the
     * module under test (REST client interfaces are not operations of this service).
     */
    public static List<Endpoint> in(String packageName) {
        List<Endpoint> found = new ArrayList<>();
        for (Class<?> type : classesIn(packageName)) {
            jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null || type.isInterface()) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                String path = join(root.value(), sub == null ? "" : sub.value());
                PermissionsAllowed allowed = method.getAnnotation(PermissionsAllowed.class);
                if (allowed == null) {
                    allowed = type.getAnnotation(PermissionsAllowed.class);
                }
                String operation = allowed != null && allowed.value().length == 1 ? allowed.value()[0] : null;
                found.add(new Endpoint(http, path, operation, type.getSimpleName() + "." + method.getName()));
            }
        }
        found.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return found;
    }

    private static String httpMethod(Method method) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getAnnotation(HttpMethod.class).value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = (root.startsWith("/") ? root : "/" + root);
        if (!sub.isEmpty()) {
            path = path.replaceAll("/$", "") + (sub.startsWith("/") ? sub : "/" + sub);
        }
        return path;
    }

    private static List<Class<?>> classesIn(String packageName) {
        String folder = packageName.replace('.', '/');
        // the module's own compiled classes (Maven runs tests in the module directory)
        Path classesRoot = Path.of("target", "classes");
        Path directory = classesRoot.resolve(folder);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            List<Class<?>> classes = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classesRoot.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, Thread.currentThread().getContextClassLoader()));
            }
            return classes;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
