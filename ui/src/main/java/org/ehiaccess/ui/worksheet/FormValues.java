package org.ehiaccess.ui.worksheet;

import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * Every field of the posted form. A worksheet step's fields are named by the catalog's fact IDs, so they cannot be
 * declared as {@code @RestForm} parameters; they are read from the form the framework has already parsed (the CSRF
 * check parses it first, so the body stream is no longer there to read).
 */
final class FormValues {

    private final Map<String, List<String>> values;

    private FormValues(Map<String, List<String>> values) {
        this.values = values;
    }

    static FormValues current() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        FormData form = context == null ? null : context.getFormData();
        if (form != null) {
            for (String name : form) {
                Deque<FormValue> deque = form.get(name);
                List<String> list = new ArrayList<>();
                if (deque != null) {
                    for (FormValue value : deque) {
                        if (!value.isFileItem()) {
                            list.add(value.getValue());
                        }
                    }
                }
                values.put(name, list);
            }
        }
        return new FormValues(values);
    }

    static FormValues of(Map<String, List<String>> values) {
        return new FormValues(new LinkedHashMap<>(values));
    }

    String first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
