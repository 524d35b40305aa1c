package org.ehiaccess.platform.input;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Finds which query, path or header parameter could not be converted. Quarkus REST reports such a failure
 * as a bare 404 (query and path) or 400 (header) without the parameter's name, so the resource method's
 * parameters are tried again here, one by one, to name the one that fails.
 */
public final class ParameterFailures {

    public enum Source {
        QUERY, PATH, HEADER
    }

    /** A parameter whose value does not convert to its type. */
    public record Failure(Source source, String name, String message) {
    }

    private ParameterFailures() {
    }

    public static Optional<Failure> find(Method method, UriInfo uri, HttpHeaders headers) {
        if (method == null) {
            return Optional.empty();
        }
        for (Parameter parameter : method.getParameters()) {
            Optional<Failure> failure = check(parameter, parameter.getName(), parameter.getParameterizedType(),
                    uri, headers);
            if (failure.isPresent()) {
                return failure;
            }
            if (parameter.isAnnotationPresent(BeanParam.class) || declaresParameters(parameter.getType())) {
                for (Class<?> c = parameter.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (Modifier.isStatic(field.getModifiers())) {
                            continue;
                        }
                        failure = check(field, field.getName(), field.getGenericType(), uri, headers);
                        if (failure.isPresent()) {
                            return failure;
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean declaresParameters(Class<?> type) {
        if (type.isPrimitive() || type.getName().startsWith("java.")) {
            return false;
        }
        return Arrays.stream(type.getDeclaredFields()).anyMatch(f -> f.isAnnotationPresent(QueryParam.class)
                || f.isAnnotationPresent(RestQuery.class) || f.isAnnotationPresent(PathParam.class)
                || f.isAnnotationPresent(RestPath.class) || f.isAnnotationPresent(HeaderParam.class)
                || f.isAnnotationPresent(RestHeader.class));
    }

    private static Optional<Failure> check(AnnotatedElement element, String javaName, Type type, UriInfo uri,
            HttpHeaders headers) {
        Source source;
        String name;
        List<String> values;
        if (element.isAnnotationPresent(QueryParam.class) || element.isAnnotationPresent(RestQuery.class)) {
            source = Source.QUERY;
            name = named(element.getAnnotation(QueryParam.class), element.getAnnotation(RestQuery.class), javaName);
            values = uri.getQueryParameters().get(name);
        } else if (element.isAnnotationPresent(PathParam.class) || element.isAnnotationPresent(RestPath.class)) {
            source = Source.PATH;
            name = named(element.getAnnotation(PathParam.class), element.getAnnotation(RestPath.class), javaName);
            values = uri.getPathParameters().get(name);
        } else if (element.isAnnotationPresent(HeaderParam.class) || element.isAnnotationPresent(RestHeader.class)) {
            source = Source.HEADER;
            name = named(element.getAnnotation(HeaderParam.class), element.getAnnotation(RestHeader.class), javaName);
            values = headers.getRequestHeader(name);
        } else {
            return Optional.empty();
        }
        if (values == null || values.isEmpty()) {
            DefaultValue defaultValue = element.getAnnotation(DefaultValue.class);
            values = defaultValue == null ? List.of() : List.of(defaultValue.value());
        }
        Class<?> target = elementType(type);
        for (String value : values) {
            if (!converts(value, target)) {
                return Optional.of(new Failure(source, name, message(target)));
            }
        }
        return Optional.empty();
    }

    private static String named(Annotation jaxrs, Annotation rest, String javaName) {
        String name = "";
        if (jaxrs instanceof QueryParam q) {
            name = q.value();
        } else if (jaxrs instanceof PathParam p) {
            name = p.value();
        } else if (jaxrs instanceof HeaderParam h) {
            name = h.value();
        } else if (rest instanceof RestQuery q) {
            name = q.value();
        } else if (rest instanceof RestPath p) {
            name = p.value();
        } else if (rest instanceof RestHeader h) {
            name = h.value();
        }
        return name.isEmpty() ? javaName : name;
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && (Collection.class.isAssignableFrom(raw) || raw == Optional.class)
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return type instanceof Class<?> c ? c : String.class;
    }

    private static boolean converts(String value, Class<?> target) {
        try {
            if (target == String.class || target == Boolean.class || target == boolean.class) {
                return true;
            }
            if (target == int.class || target == Integer.class) {
                Integer.parseInt(value.strip());
            } else if (target == long.class || target == Long.class) {
                Long.parseLong(value.strip());
            } else if (target == short.class || target == Short.class) {
                Short.parseShort(value.strip());
            } else if (target == double.class || target == Double.class) {
                Double.parseDouble(value.strip());
            } else if (target == float.class || target == Float.class) {
                Float.parseFloat(value.strip());
            } else if (target == UUID.class) {
                UUID.fromString(value);
            } else if (target.isEnum()) {
                return Arrays.stream(target.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value))
                        || invokes(target, "fromString", value);
            } else {
                return invokes(target, "fromString", value) && invokes(target, "valueOf", value)
                        && invokesParse(target, value);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** False only when the type has the named static factory and it refuses the value. */
    private static boolean invokes(Class<?> target, String factory, String value) {
        try {
            Method method = target.getMethod(factory, String.class);
            if (!Modifier.isStatic(method.getModifiers())) {
                return true;
            }
            method.invoke(null, value);
            return true;
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return true;
        } catch (java.lang.reflect.InvocationTargetException e) {
            return false;
        }
    }

    private static boolean invokesParse(Class<?> target, String value) {
        try {
            Method method = target.getMethod("parse", CharSequence.class);
            if (!Modifier.isStatic(method.getModifiers())) {
                return true;
            }
            method.invoke(null, value);
            return true;
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return true;
        } catch (java.lang.reflect.InvocationTargetException e) {
            return false;
        }
    }

    private static String message(Class<?> target) {
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class
                || target == short.class || target == Short.class) {
            return "must be a whole number";
        }
        if (target == double.class || target == Double.class || target == float.class || target == Float.class) {
            return "must be a number";
        }
        if (target == UUID.class) {
            return "must be an id (UUID)";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == java.time.LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        return "is not a valid " + target.getSimpleName();
    }
}
