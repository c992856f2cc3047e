package org.boundarylab.training.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.boundarylab.data.Dataset;

/** A seeded subset of n rows that keeps each class's share (largest remainders), for size sweeps. */
final class StratifiedSubset {
    private StratifiedSubset() {
    }

    static Dataset of(Dataset data, int n, long seed) {
        if (n > data.size()) {
            throw new IllegalArgumentException("a training-set size of " + n + " is larger than the "
                    + data.size() + " training examples available");
        }
        if (n == data.size()) {
            return data;
        }
        int classes = data.classes();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int r = 0; r < data.size(); r++) {
            byClass.get(data.y()[r]).add(r);
        }
        Random rng = new Random(seed);
        int[] take = new int[classes];
        double[] remainder = new double[classes];
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            double exact = (double) n * byClass.get(c).size() / data.size();
            take[c] = (int) Math.floor(exact);
            remainder[c] = exact - take[c];
            assigned += take[c];
        }
        while (assigned < n) {
            int best = -1;
            for (int c = 0; c < classes; c++) {
                if (take[c] < byClass.get(c).size() && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            take[best]++;
            remainder[best] = -1;
            assigned++;
        }
        int[] rows = new int[n];
        int k = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            // partial Fisher-Yates: the first take[c] entries become a uniform sample
            for (int i = 0; i < take[c]; i++) {
                int j = i + rng.nextInt(members.size() - i);
                Integer tmp = members.get(i);
                members.set(i, members.get(j));
                members.set(j, tmp);
                rows[k++] = members.get(i);
            }
        }
        Arrays.sort(rows);
        return data.subset(rows);
    }
}
