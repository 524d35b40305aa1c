package org.ehiaccess.reporting.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The quarterly review's sample: stratified by legal basis, so that a basis with a single denial is still drawn, and
 * reproducible: the same population and seed give the same sample on any machine ({@link Random} is a specified
 * linear congruential generator, and the population is put in a fixed order before drawing).
 */
public final class Sampler {

    /** Below this many denials the review takes them all; above, {@link #MIN_SIZE} or 10 %, whichever is larger. */
    public static final int MIN_SIZE = 20;

    /** One denial or limitation the sample may draw, with its stratum (the legal basis, or "unrecorded"). */
    public record Candidate(UUID requestId, String stratum) {
    }

    /** A stratum's size in the population and how many of it were drawn. */
    public record Stratum(String stratum, int population, int drawn) {
    }

    /** The drawn candidates, in drawing order (stratum by stratum), and each stratum's allocation. */
    public record Sample(List<Candidate> drawn, List<Stratum> strata) {
    }

    private Sampler() {
    }

    /** The default size for a population of {@code n}: all if at most 20, else max(20, 10 % rounded up). */
    public static int defaultSize(int n) {
        return n <= MIN_SIZE ? n : Math.max(MIN_SIZE, (n + 9) / 10);
    }

    /**
     * Draws {@code size} candidates (at least one of every stratum, so the size is raised to the number of strata,
     * and at most the whole population), the rest allocated in proportion to the strata's sizes by largest
     * remainder; within a stratum, a seeded partial Fisher-Yates shuffle of the candidates ordered by request id.
     */
    public static Sample draw(List<Candidate> population, int size, long seed) {
        Map<String, List<Candidate>> strata = new TreeMap<>();
        population.stream().sorted(Comparator.comparing(Candidate::requestId))
                .forEach(c -> strata.computeIfAbsent(c.stratum(), k -> new ArrayList<>()).add(c));
        int n = Math.min(population.size(), Math.max(size, strata.size()));
        Map<String, Integer> allocation = allocate(strata, n);
        Random random = new Random(seed);
        List<Candidate> drawn = new ArrayList<>();
        List<Stratum> summary = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> stratum : strata.entrySet()) {
            List<Candidate> members = new ArrayList<>(stratum.getValue());
            int take = allocation.get(stratum.getKey());
            for (int i = 0; i < take; i++) {
                int j = i + random.nextInt(members.size() - i);
                Candidate chosen = members.get(j);
                members.set(j, members.get(i));
                members.set(i, chosen);
                drawn.add(chosen);
            }
            summary.add(new Stratum(stratum.getKey(), stratum.getValue().size(), take));
        }
        return new Sample(drawn, summary);
    }

    /** One per stratum, then the rest in proportion to each stratum's remaining members (largest remainder). */
    private static Map<String, Integer> allocate(Map<String, List<Candidate>> strata, int n) {
        Map<String, Integer> allocation = new LinkedHashMap<>();
        strata.keySet().forEach(k -> allocation.put(k, 1));
        int rest = n - strata.size();
        long capacity = strata.values().stream().mapToLong(m -> m.size() - 1).sum();
        if (rest <= 0 || capacity == 0) {
            return allocation;
        }
        Map<String, Long> remainders = new LinkedHashMap<>();
        int given = 0;
        for (Map.Entry<String, List<Candidate>> stratum : strata.entrySet()) {
            long share = (long) rest * (stratum.getValue().size() - 1);
            int whole = (int) (share / capacity);
            allocation.merge(stratum.getKey(), whole, Integer::sum);
            remainders.put(stratum.getKey(), share % capacity);
            given += whole;
        }
        List<String> byRemainder = new ArrayList<>(remainders.keySet());
        // largest remainder first; ties in stratum order, so the allocation never depends on anything but the counts
        byRemainder.sort(Comparator.comparing((String k) -> remainders.get(k)).reversed());
        for (int i = 0; given < rest; i++, given++) {
            allocation.merge(byRemainder.get(i), 1, Integer::sum);
        }
        return allocation;
    }
}
