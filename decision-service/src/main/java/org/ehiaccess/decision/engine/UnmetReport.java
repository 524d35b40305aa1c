package org.ehiaccess.decision.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ehiaccess.decision.rules.Condition;
import org.ehiaccess.decision.rules.logic.Failure;

/**
 * Words an unmet condition for people: the paragraph(s) failed, the facts behind it and why. Failures of sibling
 * top-level paragraphs are cited together ("171.203(a)-(b)"); failures of different sub-paragraphs are reported
 * one by one ("171.302(b)(2)" and "171.302(b)(1)"), since each is its own defect.
 */
final class UnmetReport {

    private static final Pattern TOP_LEVEL = Pattern.compile("^(\\d+\\.\\d+)\\(([a-z])\\)$");

    private UnmetReport() {
    }

    static List<UnmetCondition> of(List<Judgement.Unmet> unmet) {
        List<UnmetCondition> report = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Judgement.Unmet entry : unmet) {
            for (UnmetCondition line : of(entry.condition(), entry.failures())) {
                if (seen.add(line.condition() + "|" + line.cfr())) {
                    report.add(line);
                }
            }
        }
        return report;
    }

    static List<UnmetCondition> of(Condition condition, List<Failure> failures) {
        Map<String, List<Failure>> byCfr = new LinkedHashMap<>();
        for (Failure failure : failures) {
            String cfr = failure.cfr() != null ? failure.cfr() : condition.cfr();
            byCfr.computeIfAbsent(cfr, key -> new ArrayList<>()).add(failure);
        }
        String merged = mergedTopLevel(byCfr.keySet());
        if (merged != null) {
            return List.of(line(condition, merged, failures));
        }
        List<UnmetCondition> lines = new ArrayList<>();
        byCfr.forEach((cfr, group) -> lines.add(line(condition, cfr, group)));
        return lines;
    }

    /** "171.203(a)" and "171.203(b)" become "171.203(a)-(b)"; null unless all are top-level paragraphs of one section. */
    private static String mergedTopLevel(Set<String> citations) {
        if (citations.size() < 2) {
            return null;
        }
        String section = null;
        TreeSet<Character> letters = new TreeSet<>();
        for (String cfr : citations) {
            Matcher matcher = TOP_LEVEL.matcher(cfr);
            if (!matcher.matches() || (section != null && !section.equals(matcher.group(1)))) {
                return null;
            }
            section = matcher.group(1);
            letters.add(matcher.group(2).charAt(0));
        }
        boolean consecutive = letters.last() - letters.first() == letters.size() - 1;
        if (consecutive) {
            return section + "(" + letters.first() + ")-(" + letters.last() + ")";
        }
        return section + letters.stream().map(c -> "(" + c + ")").collect(Collectors.joining(", "));
    }

    private static UnmetCondition line(Condition condition, String cfr, List<Failure> failures) {
        Set<String> facts = new LinkedHashSet<>();
        Map<String, Object> recorded = new LinkedHashMap<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (Failure failure : failures) {
            facts.addAll(failure.recorded().keySet());
            recorded.putAll(failure.recorded());
            reasons.add(failure.detail() != null ? failure.detail()
                    : "Required: " + (failure.requirement() != null ? failure.requirement() : condition.requirement()));
        }
        String reason = String.join(" ", reasons);
        if (!recorded.isEmpty() && failures.stream().allMatch(f -> f.detail() == null)) {
            reason += " Recorded: " + recorded.entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("; ")) + ".";
        }
        return new UnmetCondition(condition.id(), cfr, List.copyOf(facts), reason);
    }
}
