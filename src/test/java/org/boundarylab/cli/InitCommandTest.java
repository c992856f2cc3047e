package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.boundarylab.io.ModelFile;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheInitialiserNetworkForTheSeed() throws Exception {
        Path out = dir.resolve("m.json");
        CliRun.of("init", "--layers", "2,5,3,1", "--hidden", "tanh", "--output", "sigmoid",
                "--loss", "binary_cross_entropy", "--init", "uniform", "--seed", "7", "--out", out.toString()).ok();
        ModelFile file = ModelFiles.readFull(out);
        Architecture arch = new Architecture(new int[] {2, 5, 3, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        assertEquals(arch, file.network().architecture());
        Network expected = Initializer.UNIFORM.create(arch, 7);
        assertEquals(0.0, expected.maxAbsDifference(file.network()));
        assertEquals(Map.of("method", "uniform", "seed", 7), file.extras().get("initialization"));
    }

    @Test
    void sameSeedSameFileOtherSeedOtherWeights() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path c = dir.resolve("c.json");
        CliRun.of("init", "--layers", "2,4,1", "--seed", "3", "--out", a.toString()).ok();
        CliRun.of("init", "--layers", "2,4,1", "--seed", "3", "--out", b.toString()).ok();
        CliRun.of("init", "--layers", "2,4,1", "--seed", "4", "--out", c.toString()).ok();
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertNotEquals(Files.readString(a), Files.readString(c));
    }

    @Test
    void outputAndLossDefaultToTheNaturalPair() throws Exception {
        Path one = dir.resolve("one.json");
        Path three = dir.resolve("three.json");
        CliRun.of("init", "--layers", "2,3,1", "--out", one.toString()).ok();
        CliRun.of("init", "--layers", "2,3,3", "--out", three.toString()).ok();
        Architecture a1 = ModelFiles.read(one).architecture();
        Architecture a3 = ModelFiles.read(three).architecture();
        assertEquals(Activation.SIGMOID, a1.output());
        assertEquals(Loss.BINARY_CROSS_ENTROPY, a1.loss());
        assertEquals(Activation.SOFTMAX, a3.output());
        assertEquals(Loss.CROSS_ENTROPY, a3.loss());
        assertEquals(Activation.TANH, a3.hidden());
    }

    @Test
    void badListsAndShapesAreRefused() {
        String out = dir.resolve("m.json").toString();
        CliRun.of("init", "--layers", "5,,x", "--out", out)
                .refused("--layers", "'5,,x'", "item 2 is empty", "item 3 'x' is not a whole number");
        CliRun.of("init", "--layers", "2,0,1", "--out", out).refused("--layers: layer 2 (units) must be at least 1, got 0");
        CliRun.of("init", "--layers", "2", "--out", out).refused("the number of layers must be at least 2");
        CliRun.of("init", "--layers", "2,100000,1", "--out", out)
                .refused("--layers: the layers have 100,003 units in all; a network may have at most 10,000");
        CliRun.of("init", "--layers", "2,4400,4400,1", "--out", out)
                .refused("--layers: the layers make 19,382,001 parameters; a network may have at most 10,000,000");
        CliRun.of("init", "--layers", "2,5,101", "--out", out).refused("--layers: the output layer has 101 units");
        CliRun.of("init", "--layers", "2,3,1", "--output", "softmax", "--out", out)
                .refused("softmax needs at least 2 output units");
        CliRun.of("init", "--layers", "2,3,2", "--hidden", "softmax", "--out", out)
                .refused("softmax can only be the output activation");
        CliRun.of("init", "--layers", "2,3,1", "--hidden", "swish", "--out", out)
                .refused("--hidden", "unknown activation 'swish'");
        CliRun.of("init", "--layers", "2,3,1", "--init", "zeros", "--out", out).refused("unknown initialiser 'zeros'");
        CliRun.of("init", "--layers", "2,3,1", "--out", dir.resolve("missing/m.json").toString())
                .refused("does not exist");
        CliRun.of("init", "--layers", "2,3,1").refused("Missing required option", "--out");
        assertFalse(Files.exists(Path.of(out)));
    }
}
