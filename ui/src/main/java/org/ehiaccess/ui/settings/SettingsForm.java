package org.ehiaccess.ui.settings;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ehiaccess.ui.client.intake.ClinicSettings;
import org.ehiaccess.ui.client.intake.DayUnit;
import org.ehiaccess.ui.client.intake.Manner;
import org.ehiaccess.ui.client.ProblemDetails;
import org.ehiaccess.ui.client.intake.RequesterType;
import org.ehiaccess.ui.web.FieldMessages;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The clinic settings form: time zone, closure days and the response policy, as typed. The internal
 * targets are rows of parallel lists ({@code targetRequesterType}, {@code targetManner},
 * {@code targetAmount}, {@code targetUnit}); a row without an amount is left out.
 */
public class SettingsForm {

    static final Map<String, String> LABELS = labels();
    /** Empty rows offered for new internal targets. */
    static final int NEW_ROWS = 2;
    private static final Pattern ROW = Pattern.compile("\\[(\\d+)]");

    /** US zones a clinic is likely in; the current zone is always offered too. */
    static final List<String> ZONES = List.of("America/New_York", "America/Detroit", "America/Indiana/Indianapolis",
            "America/Chicago", "America/Denver", "America/Phoenix", "America/Boise", "America/Los_Angeles",
            "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico", "Pacific/Guam", "America/St_Thomas",
            "Pacific/Pago_Pago", "UTC");

    @RestForm
    public String version;
    @RestForm
    public String timeZone;
    @RestForm
    public String closures;
    @RestForm
    public String defaultAmount;
    @RestForm
    public String defaultUnit;
    @RestForm
    public List<String> targetRequesterType;
    @RestForm
    public List<String> targetManner;
    @RestForm
    public List<String> targetAmount;
    @RestForm
    public List<String> targetUnit;
    @RestForm
    public String stateCode;
    @RestForm
    public String stateCitation;
    @RestForm
    public String stateAmount;
    @RestForm
    public String stateUnit;
    @RestForm
    public String alertThresholds;
    @RestForm
    public String denialAmount;
    @RestForm
    public String denialUnit;

    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private boolean conflict;

    /** One internal target row as typed. */
    public record TargetRow(int index, String requesterType, String manner, String amount, String unit) {
        public int number() {
            return index + 1;
        }
    }

    static SettingsForm of(ClinicSettings s) {
        SettingsForm form = new SettingsForm();
        form.version = String.valueOf(s.version());
        form.timeZone = s.timeZone();
        form.closures = String.join("\n", s.closures().stream().map(LocalDate::toString).toList());
        ClinicSettings.ResponsePolicy p = s.responsePolicy();
        if (p != null) {
            form.defaultAmount = amount(p.defaultInternalTarget());
            form.defaultUnit = unit(p.defaultInternalTarget());
            form.targetRequesterType = new ArrayList<>();
            form.targetManner = new ArrayList<>();
            form.targetAmount = new ArrayList<>();
            form.targetUnit = new ArrayList<>();
            for (ClinicSettings.TargetRule rule : p.internalTargets()) {
                form.targetRequesterType.add(rule.requesterType() == null ? "" : rule.requesterType());
                form.targetManner.add(rule.manner() == null ? "" : rule.manner());
                form.targetAmount.add(amount(rule.target()));
                form.targetUnit.add(unit(rule.target()));
            }
            if (p.stateOverride() != null) {
                form.stateCode = p.stateOverride().state();
                form.stateCitation = p.stateOverride().citation();
                form.stateAmount = amount(p.stateOverride().deadline());
                form.stateUnit = unit(p.stateOverride().deadline());
            }
            form.alertThresholds = String.join(", ", p.alertThresholds().stream().map(String::valueOf).toList());
            form.denialAmount = amount(p.denialReviewTarget());
            form.denialUnit = unit(p.denialReviewTarget());
        }
        return form.normalized();
    }

    SettingsForm normalized() {
        version = strip(version);
        timeZone = strip(timeZone);
        closures = closures == null ? "" : closures.strip();
        defaultAmount = strip(defaultAmount);
        defaultUnit = strip(defaultUnit);
        targetRequesterType = list(targetRequesterType);
        targetManner = list(targetManner);
        targetAmount = list(targetAmount);
        targetUnit = list(targetUnit);
        stateCode = strip(stateCode).toUpperCase(Locale.US);
        stateCitation = strip(stateCitation);
        stateAmount = strip(stateAmount);
        stateUnit = strip(stateUnit);
        alertThresholds = strip(alertThresholds);
        denialAmount = strip(denialAmount);
        denialUnit = strip(denialUnit);
        return this;
    }

    int editedVersion() {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The API body, or null when something cannot even be read (its message is set). */
    ClinicSettings.Update toUpdate() {
        if (timeZone.isEmpty()) {
            errors.put("timeZone", "Choose the clinic's time zone");
        } else {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                errors.put("timeZone", "Choose a time zone from the list");
            }
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        for (String token : closures.split("[\\s,;]+")) {
            if (token.isBlank()) {
                continue;
            }
            try {
                days.add(LocalDate.parse(token.strip()));
            } catch (DateTimeParseException e) {
                errors.putIfAbsent("closures", "\"" + token.strip() + "\" is not a date. Write each closure day as "
                        + "year-month-day, for example 2026-12-24, one per line");
            }
        }
        ClinicSettings.Deadline defaultTarget = deadline("defaultTarget", defaultAmount, defaultUnit, true);
        List<ClinicSettings.TargetRule> rules = new ArrayList<>();
        for (TargetRow row : rows(false)) {
            if (row.amount().isEmpty()) {
                continue;
            }
            ClinicSettings.Deadline target = deadline("targets", row.amount(), row.unit(), true);
            if (target != null) {
                rules.add(new ClinicSettings.TargetRule(emptyToNull(row.requesterType()), emptyToNull(row.manner()), target));
            }
        }
        ClinicSettings.StateOverride state = null;
        if (!stateCode.isEmpty() || !stateCitation.isEmpty() || !stateAmount.isEmpty()) {
            ClinicSettings.Deadline deadline = deadline("stateOverride", stateAmount, stateUnit, true);
            state = new ClinicSettings.StateOverride(emptyToNull(stateCode), emptyToNull(stateCitation), deadline);
        }
        List<Integer> thresholds = new ArrayList<>();
        for (String token : alertThresholds.split("[\\s,;%]+")) {
            if (token.isBlank()) {
                continue;
            }
            try {
                thresholds.add(Integer.parseInt(token.strip()));
            } catch (NumberFormatException e) {
                errors.putIfAbsent("alertThresholds", "Write the warning points as whole percents, for example 50, 80");
            }
        }
        ClinicSettings.Deadline denial = denialAmount.isEmpty() ? null
                : deadline("denialReview", denialAmount, denialUnit, true);
        if (!errors.isEmpty()) {
            return null;
        }
        return new ClinicSettings.Update(timeZone, List.copyOf(days), new ClinicSettings.ResponsePolicy(defaultTarget,
                rules, state, thresholds.stream().distinct().sorted().toList(), denial));
    }

    /** The API's messages beside the sections they concern. */
    void reject(ProblemDetails problem) {
        for (ProblemDetails.FieldProblem error : problem.errors()) {
            String apiField = error.field() == null ? "" : error.field();
            String field = sectionOf(apiField);
            String message = error.message() == null ? "" : error.message();
            if (field == null) {
                problems.add(apiField + ": " + message);
                continue;
            }
            String sentence = FieldMessages.sentence(field, message, LABELS, null);
            if ("targets".equals(field)) {
                Matcher row = ROW.matcher(apiField);
                if (row.find()) {
                    sentence = "Row " + (Integer.parseInt(row.group(1)) + 1) + ": " + sentence;
                }
            } else if ("stateOverride".equals(field) && apiField.endsWith("state")) {
                sentence = "State " + message;
            }
            errors.putIfAbsent(field, sentence);
        }
        if (errors.isEmpty() && problems.isEmpty()) {
            problems.add(problem.detail() != null ? problem.detail() : problem.title());
        }
    }

    static String sectionOf(String apiField) {
        if (apiField.contains("defaultInternalTarget")) {
            return "defaultTarget";
        }
        if (apiField.contains("internalTargets")) {
            return "targets";
        }
        if (apiField.contains("stateOverride")) {
            return "stateOverride";
        }
        if (apiField.contains("alertThresholds")) {
            return "alertThresholds";
        }
        if (apiField.contains("denialReviewTarget")) {
            return "denialReview";
        }
        if (apiField.startsWith("closures")) {
            return "closures";
        }
        if (apiField.startsWith("timeZone")) {
            return "timeZone";
        }
        return null;
    }

    void conflict() {
        conflict = true;
    }

    void problem(String message) {
        problems.add(message);
    }

    // --- read by the template -----------------------------------------------------------------

    public boolean conflicted() {
        return conflict;
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !problems.isEmpty();
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<Message> fieldMessages() {
        return LABELS.keySet().stream().filter(errors::containsKey).map(f -> new Message(f, errors.get(f))).toList();
    }

    public record Message(String field, String message) {
    }

    /** The typed rows and, to add targets, {@value #NEW_ROWS} empty ones. */
    public List<TargetRow> targetRows() {
        return rows(true);
    }

    public List<Zone> zones() {
        List<String> ids = new ArrayList<>(ZONES);
        if (!timeZone.isEmpty() && !ids.contains(timeZone)) {
            ids.add(0, timeZone);
        }
        return ids.stream().map(id -> new Zone(id, label(id))).toList();
    }

    public record Zone(String id, String label) {
    }

    public List<RequesterType> requesterTypes() {
        return Arrays.asList(RequesterType.values());
    }

    public List<Manner> manners() {
        return Arrays.asList(Manner.values());
    }

    public List<DayUnit> units() {
        return Arrays.asList(DayUnit.values());
    }

    // --- helpers ------------------------------------------------------------------------------

    private List<TargetRow> rows(boolean withNew) {
        int count = Math.max(Math.max(targetRequesterType.size(), targetManner.size()),
                Math.max(targetAmount.size(), targetUnit.size()));
        List<TargetRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TargetRow row = new TargetRow(rows.size(), at(targetRequesterType, i), at(targetManner, i), at(targetAmount, i),
                    at(targetUnit, i));
            if (!withNew || !row.amount().isEmpty() || !row.requesterType().isEmpty() || !row.manner().isEmpty()) {
                rows.add(row);
            }
        }
        if (withNew) {
            for (int i = 0; i < NEW_ROWS; i++) {
                rows.add(new TargetRow(rows.size(), "", "", "", DayUnit.calendar_days.wire()));
            }
        }
        return rows;
    }

    private ClinicSettings.Deadline deadline(String field, String amount, String unit, boolean required) {
        if (amount.isEmpty()) {
            if (required) {
                errors.putIfAbsent(field, LABELS.get(field) + ": enter a number of days");
            }
            return null;
        }
        int days;
        try {
            days = Integer.parseInt(amount);
        } catch (NumberFormatException e) {
            errors.putIfAbsent(field, LABELS.get(field) + ": enter a whole number of days, for example 10");
            return null;
        }
        DayUnit dayUnit = Arrays.stream(DayUnit.values()).filter(u -> u.wire().equals(unit)).findFirst()
                .orElse(DayUnit.calendar_days);
        return new ClinicSettings.Deadline(days, dayUnit);
    }

    static String label(String zoneId) {
        try {
            ZoneId zone = ZoneId.of(zoneId);
            return zone.getDisplayName(TextStyle.FULL, Locale.US) + " (" + zoneId + ")";
        } catch (DateTimeException e) {
            return zoneId;
        }
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
    }

    private static String amount(ClinicSettings.Deadline d) {
        return d == null || d.amount() == null ? "" : String.valueOf(d.amount());
    }

    private static String unit(ClinicSettings.Deadline d) {
        return d == null || d.unit() == null ? DayUnit.calendar_days.wire() : d.unit().wire();
    }

    private static List<String> list(List<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("timeZone", "Time zone");
        labels.put("closures", "Closure days");
        labels.put("defaultTarget", "Default internal target");
        labels.put("targets", "Internal target");
        labels.put("stateOverride", "State deadline");
        labels.put("alertThresholds", "Warning points");
        labels.put("denialReview", "Review of a denial");
        return java.util.Collections.unmodifiableMap(labels);
    }
}
