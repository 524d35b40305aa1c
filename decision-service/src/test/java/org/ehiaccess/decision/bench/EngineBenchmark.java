package org.ehiaccess.decision.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ehiaccess.decision.engine.CaseInput;
import org.ehiaccess.decision.engine.DecisionEngine;
import org.ehiaccess.decision.engine.FactValidator;
import org.ehiaccess.decision.rules.RuleCatalog;
import org.ehiaccess.platform.time.BusinessCalendar;

/**
 * Evaluations per second in-process, on whatever cores the JVM is given (bench/decision/run.sh pins it to one).
 * Rounds over the public scenarios: "evaluate" on validated cases, "validate+evaluate" from raw bodies.
 * Usage: EngineBenchmark [rounds] [seconds per round]
 */
public final class EngineBenchmark {

    private static long sink;

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        DecisionEngine engine = new DecisionEngine(RuleCatalog.load(), () -> LocalDate.of(2026, 11, 23),
                RuleCatalog.CURRENT::equals, 72);
        FactValidator validator = engine.validator();
        BusinessCalendar calendar = BusinessCalendar.federal();
        List<Map<String, Object>> bodies = BenchCases.bodies();
        List<CaseInput> cases = bodies.stream()
                .map(body -> validator.validate(body.get("practice"), body.get("facts")).input()).toList();

        System.out.printf("decision engine, %d cases, %d available processor(s)%n", cases.size(),
                Runtime.getRuntime().availableProcessors());
        run("warm-up", seconds * 2, () -> evaluateAll(engine, cases, calendar));
        double[] evaluate = new double[rounds];
        double[] full = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            evaluate[round] = run("evaluate          round " + (round + 1), seconds, () -> evaluateAll(engine, cases, calendar));
            full[round] = run("validate+evaluate round " + (round + 1), seconds,
                    () -> validateAndEvaluateAll(engine, validator, bodies, calendar));
        }
        System.out.printf("MEDIAN evaluate: %,.0f evaluations/s; validate+evaluate: %,.0f evaluations/s (sink %d)%n",
                BenchCases.median(evaluate), BenchCases.median(full), sink);
    }

    private static int evaluateAll(DecisionEngine engine, List<CaseInput> cases, BusinessCalendar calendar) {
        for (CaseInput input : cases) {
            sink += engine.evaluate(input, calendar).verdict().ordinal();
        }
        return cases.size();
    }

    private static int validateAndEvaluateAll(DecisionEngine engine, FactValidator validator,
            List<Map<String, Object>> bodies, BusinessCalendar calendar) {
        for (Map<String, Object> body : bodies) {
            CaseInput input = validator.validate(body.get("practice"), body.get("facts")).input();
            sink += engine.evaluate(input, calendar).summary().length();
        }
        return bodies.size();
    }

    private static double run(String label, double seconds, java.util.function.IntSupplier batch) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < deadline) {
            count += batch.getAsInt();
        }
        double perSecond = count / ((System.nanoTime() - start) / 1e9);
        System.out.printf("  %-28s %,12.0f evaluations/s%n", label, perSecond);
        return perSecond;
    }
}
