package org.boundarylab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorsTest {

    @Test
    void moonsAndCirclesReproduceScikitLearnGeometryForEveryGoldenCase() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/golden/datasets-noise-free.json")) {
            assertNotNull(in, "golden/datasets-noise-free.json is on the test class path");
            root = new ObjectMapper().readTree(in);
        }
        assertEquals("golden-datasets/1", root.get("format").asText());
        Set<String> generators = new HashSet<>();
        int checked = 0;
        for (JsonNode c : root.get("cases")) {
            String generator = c.get("generator").asText();
            int n = c.get("n_samples").asInt();
            Dataset d = switch (generator) {
                case "make_moons" -> Generators.moons(n, 0.0, 7);
                case "make_circles" -> Generators.circles(n, 0.0, c.get("factor").asDouble(), 7);
                default -> throw new AssertionError("golden case for an unknown generator: " + generator);
            };
            JsonNode x = c.get("x");
            JsonNode y = c.get("y");
            assertEquals(x.size(), d.size(), generator + " n=" + n + " size");
            assertEquals(2, d.classes());
            for (int i = 0; i < d.size(); i++) {
                String where = generator + " n=" + n + " row " + i;
                assertEquals(x.get(i).get(0).asDouble(), d.x1(i), 1e-12, where + " x1");
                assertEquals(x.get(i).get(1).asDouble(), d.x2(i), 1e-12, where + " x2");
                assertEquals(y.get(i).asInt(), d.label(i), where + " label");
            }
            generators.add(generator);
            checked++;
        }
        assertEquals(5, checked, "golden cases checked");
        assertEquals(Set.of("make_moons", "make_circles"), generators);
    }

    @Test
    void linspaceFollowsNumpy() {
        assertArrayEquals(new double[] {0, 0.5, 1.0}, Generators.linspace(1.0, 3, true));
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75}, Generators.linspace(1.0, 4, false));
        assertArrayEquals(new double[] {0}, Generators.linspace(Math.PI, 1, true));
        assertArrayEquals(new double[0], Generators.linspace(Math.PI, 0, true));
        double[] t = Generators.linspace(Math.PI, 101, true);
        assertEquals(Math.PI, t[100], 0.0, "the end point is exact");
    }

    @Test
    void sameSeedGivesIdenticalDataForEveryKind() {
        for (DatasetKind kind : DatasetKind.values()) {
            Dataset a = Generators.generate(kind, 301, 0.2, 42);
            Dataset b = Generators.generate(kind, 301, 0.2, 42);
            Dataset c = Generators.generate(kind, 301, 0.2, 43);
            assertEquals(a, b, kind + " with the same seed");
            for (int i = 0; i < a.size(); i++) {
                assertEquals(Double.doubleToRawLongBits(a.x1(i)), Double.doubleToRawLongBits(b.x1(i)));
                assertEquals(Double.doubleToRawLongBits(a.x2(i)), Double.doubleToRawLongBits(b.x2(i)));
            }
            assertNotEquals(a, c, kind + " with another seed");
            assertEquals(301, a.size());
        }
    }

    @Test
    void noiseIsGaussianWithTheGivenStandardDeviation() {
        int n = 40_000;
        double noise = 0.1;
        Dataset clean = Generators.moons(n, 0.0, 1);
        Dataset noisy = Generators.moons(n, noise, 1);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            for (double d : new double[] {noisy.x1(i) - clean.x1(i), noisy.x2(i) - clean.x2(i)}) {
                sum += d;
                sumSq += d * d;
            }
        }
        double mean = sum / (2 * n);
        double std = Math.sqrt(sumSq / (2 * n) - mean * mean);
        // 80,000 draws: the standard error of the mean is 0.1/283 = 0.00035, of the std about 0.00025
        assertEquals(0.0, mean, 0.002);
        assertEquals(noise, std, 0.002);
        assertArrayEquals(clean.y(), noisy.y(), "noise moves points, not labels");
    }

    @Test
    void circlesOddCountPutsTheExtraPointInside() {
        Dataset d = Generators.circles(51, 0.0, 0.8, 0);
        assertArrayEquals(new int[] {25, 26}, d.classCounts());
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.x1(i), d.x2(i));
            assertEquals(d.label(i) == 0 ? 1.0 : 0.8, r, 1e-12, "radius of row " + i);
        }
    }

    @Test
    void xorLabelsFollowTheQuadrantSignProductAndStayBalanced() {
        Dataset d = Generators.xor(400, 0.0, 5);
        assertArrayEquals(new int[] {200, 200}, d.classCounts());
        for (int i = 0; i < d.size(); i++) {
            double product = d.x1(i) * d.x2(i);
            assertEquals(product > 0 ? 0 : 1, d.label(i), "row " + i);
            assertTrue(Math.abs(d.x1(i)) >= Generators.XOR_MARGIN && Math.abs(d.x1(i)) <= 1);
            assertTrue(Math.abs(d.x2(i)) >= Generators.XOR_MARGIN && Math.abs(d.x2(i)) <= 1);
        }
        Dataset noisy = Generators.xor(400, 0.3, 5);
        assertArrayEquals(d.y(), noisy.y(), "noise jitters points but keeps their quadrant labels");
        assertFalse(d.equals(noisy));
    }

    @Test
    void gaussianBlobsHaveSeparatedCentresForEachClass() {
        for (int classes = 2; classes <= 6; classes++) {
            Dataset d = Generators.gaussian(3000 + classes, classes, 0.0, 9);
            assertEquals(classes, d.classes());
            int[] counts = d.classCounts();
            for (int c = 0; c < classes; c++) {
                assertEquals(3000 / classes + (c < (3000 + classes) % classes ? 1 : 0) + 1, counts[c], "share of class " + c);
            }
            double[][] means = new double[classes][2];
            for (int i = 0; i < d.size(); i++) {
                means[d.label(i)][0] += d.x1(i) / counts[d.label(i)];
                means[d.label(i)][1] += d.x2(i) / counts[d.label(i)];
            }
            for (int a = 0; a < classes; a++) {
                for (int b = a + 1; b < classes; b++) {
                    double gap = Math.hypot(means[a][0] - means[b][0], means[a][1] - means[b][1]);
                    assertTrue(gap > 1.3, classes + " blobs: centres " + a + " and " + b + " are " + gap + " apart");
                }
            }
        }
    }

    @Test
    void spiralArmsWindOutwardsOnePerClass() {
        Dataset d = Generators.spirals(300, 3, 0.0, 0);
        assertEquals(3, d.classes());
        assertArrayEquals(new int[] {100, 100, 100}, d.classCounts());
        for (int arm = 0; arm < 3; arm++) {
            int first = arm * 100;
            assertEquals(arm, d.label(first));
            assertEquals(0.1, Math.hypot(d.x1(first), d.x2(first)), 1e-12, "arm starts near the centre");
            assertEquals(Generators.SPIRAL_RADIUS, Math.hypot(d.x1(first + 99), d.x2(first + 99)), 1e-12, "arm ends at the outer radius");
            double previous = 0;
            for (int k = 0; k < 100; k++) {
                double r = Math.hypot(d.x1(first + k), d.x2(first + k));
                assertTrue(r > previous, "radius grows along the arm");
                previous = r;
            }
        }
    }

    @Test
    void generateUsesTheDocumentedDefaults() {
        assertEquals(Generators.circles(100, 0.1, 0.5, 3), Generators.generate(DatasetKind.CIRCLES, 100, 0.1, 3));
        assertEquals(Generators.gaussian(100, 2, 0.1, 3), Generators.generate(DatasetKind.GAUSSIAN, 100, 0.1, 3));
        assertEquals(Generators.spirals(100, 2, 0.1, 3), Generators.generate(DatasetKind.SPIRAL, 100, 0.1, 3));
        assertEquals(Generators.moons(100, 0.1, 3), Generators.generate(DatasetKind.MOONS, 100, 0.1, 3));
        assertEquals(Generators.xor(100, 0.1, 3), Generators.generate(DatasetKind.XOR, 100, 0.1, 3));
    }

    @Test
    void badParametersAreRefusedWithTheReason() {
        assertMessage("sample count must be between 2 and 1000000, got 1", () -> Generators.moons(1, 0, 0));
        assertMessage("sample count must be between 2 and 1000000, got 1000001", () -> Generators.xor(1_000_001, 0, 0));
        assertMessage("sample count must be between 4 and 1000000, got 3", () -> Generators.gaussian(3, 4, 0, 0));
        assertMessage("noise must be a number from 0 to 1000.0, got -0.1", () -> Generators.moons(10, -0.1, 0));
        assertMessage("noise must be a number from 0 to 1000.0, got NaN", () -> Generators.moons(10, Double.NaN, 0));
        assertMessage("noise must be a number from 0 to 1000.0, got Infinity",
                () -> Generators.moons(10, Double.POSITIVE_INFINITY, 0));
        assertMessage("circles factor must be at least 0 and below 1, got 1.0", () -> Generators.circles(10, 0, 1.0, 0));
        assertMessage("number of arms must be between 2 and 10, got 1", () -> Generators.spirals(10, 1, 0, 0));
        assertMessage("number of classes must be between 2 and 10, got 11", () -> Generators.gaussian(100, 11, 0, 0));
    }

    @Test
    void kindsParseFromTheirIdsAndCommonSpellings() {
        for (DatasetKind kind : DatasetKind.values()) {
            assertEquals(kind, DatasetKind.parse(kind.id()));
            assertEquals(kind, DatasetKind.parse(" " + kind.id().toUpperCase() + " "));
            assertEquals(kind, DatasetKind.parse(kind.displayName()));
        }
        assertEquals(DatasetKind.SPIRAL, DatasetKind.parse("spirals"));
        assertEquals(DatasetKind.GAUSSIAN, DatasetKind.parse("blobs"));
        assertEquals("gaussian", DatasetKind.GAUSSIAN.id());
        assertMessage("unknown dataset kind 'swirl' (expected one of moons, circles, xor, gaussian, spiral)",
                () -> DatasetKind.parse("swirl"));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }
}
