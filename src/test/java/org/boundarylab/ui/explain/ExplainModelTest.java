package org.boundarylab.ui.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.boundarylab.data.Dataset;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Gradients;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Optimizer;
import org.boundarylab.nn.Trainer;
import org.boundarylab.nn.TrainingOptions;
import org.boundarylab.training.SharedPool;
import org.boundarylab.ui.ExplainedPoint;
import org.boundarylab.ui.ExplainedPoint.Numbers;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.OutputLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Explain panel's state without the toolkit: its numbers are the engine's gradient of the
 * chosen point (and its central differences) for every hidden activation with every output the
 * lab offers; its step is one trainer epoch to the bit; Apply and Undo restore the network bit
 * for bit.
 */
class ExplainModelTest {
    /** The FX thread's stand-in: what the model hands back runs here, on the test's thread. */
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();

    private void until(BooleanSupplier done, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            Runnable r = inbox.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
        }
    }

    private LabViewModel lab(Activation hidden, OutputLoss head) throws Exception {
        LabViewModel vm = new LabViewModel(SharedPool.get());
        vm.form().textProperty(Field.SAMPLES).set("120");
        vm.form().textProperty(Field.HIDDEN_LAYERS).set("5,3");
        vm.form().activationProperty().set(hidden);
        vm.form().outputLossProperty().set(head);
        vm.form().textProperty(Field.L2).set("0.01");
        vm.run().session().started().get(10, TimeUnit.SECONDS);
        vm.run().pulse();
        for (int i = 0; i < 5; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        vm.run().pulse();
        return vm;
    }

    private ExplainModel explain(LabViewModel vm) {
        ExplainModel m = new ExplainModel(vm.run(), new ExplainedPoint(), SharedPool.get(), inbox::add);
        m.activeProperty().set(true);
        return m;
    }

    static Stream<Arguments> combinations() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Activation hidden : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.RELU,
                Activation.LEAKY_RELU, Activation.LINEAR}) {
            for (OutputLoss head : OutputLoss.values()) {
                b.add(Arguments.of(hidden, head));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("combinations")
    void numbersAreTheEnginesGradientOfThePointAndOneEpochsStep(Activation hidden, OutputLoss head) throws Exception {
        LabViewModel vm = lab(hidden, head);
        ExplainModel m = explain(vm);
        Dataset train = vm.data().dataProperty().get().train();
        m.choosePoint(train.x1(3), train.x2(3), train.label(3), "train point 4");
        until(() -> m.numbersProperty().get() != null, "the numbers");
        Numbers n = m.numbersProperty().get();
        Network net = vm.run().snapshotProperty().get().network();
        assertTrue(n.network().sameBits(net));

        double[][] x = {{train.x1(3), train.x2(3)}};
        int[] y = {train.label(3)};
        Gradients g = net.gradients(x, y, org.boundarylab.nn.Regularization.NONE);
        assertEquals(g.loss(), n.point().loss());
        double h = 1e-6;
        for (int l = 0; l < net.architecture().depth(); l++) {
            for (int j = 0; j < net.architecture().width(l + 1); j++) {
                assertEquals(g.bias(l, j), n.point().gradBias(l, j));
                for (int i = 0; i < net.architecture().width(l); i++) {
                    assertEquals(g.weight(l, i, j), n.point().gradWeight(l, i, j));
                    Network probe = net.copy();
                    double w = probe.weight(l, i, j);
                    probe.setWeight(l, i, j, w + h);
                    double up = probe.loss(x, y, org.boundarylab.nn.Regularization.NONE);
                    probe.setWeight(l, i, j, w - h);
                    double down = probe.loss(x, y, org.boundarylab.nn.Regularization.NONE);
                    double numeric = (up - down) / (2 * h);
                    double analytic = n.point().gradWeight(l, i, j);
                    boolean kink = (hidden == Activation.RELU || hidden == Activation.LEAKY_RELU)
                            && Math.abs(up - down) > 0 && nearKink(n);
                    if (!kink) {
                        assertEquals(numeric, analytic, 2e-6 * Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic)),
                                "dW[" + l + "][" + i + "][" + j + "]");
                    }
                }
            }
        }

        // the step: one full-batch gradient-descent epoch of the trainer on the run's own data
        Features f = vm.run().shownFeaturesProperty().get();
        Network trained = net.copy();
        new Trainer(trained, f.map(train.x()), train.y(), new TrainingOptions(Optimizer.Kind.GD, 0.3,
                new org.boundarylab.nn.Regularization(0.01, 0), 0, 0)).epoch(true);
        assertNotNull(n.batch());
        assertEquals(0.3, n.batch().learningRate());
        assertTrue(n.batch().after().sameBits(trained), "one epoch of gd, to the bit");
    }

    private static boolean nearKink(Numbers n) {
        for (int l = 0; l < n.point().depth() - 1; l++) {
            for (int j = 0; j < n.point().architecture().width(l + 1); j++) {
                if (Math.abs(n.point().z(l, j)) < 1e-4) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void applyAndUndoRestoreTheNetworkBitForBit() throws Exception {
        LabViewModel vm = lab(Activation.TANH, OutputLoss.SIGMOID_CROSS_ENTROPY);
        ExplainModel m = explain(vm);
        m.chooseSpot(0.25, -0.5);
        until(() -> m.canApplyProperty().get(), "a step to apply");
        assertFalse(m.canUndoProperty().get());
        Network start = vm.run().snapshotProperty().get().network();
        Network after = m.numbersProperty().get().batch().after();
        long epoch = vm.run().snapshotProperty().get().epoch();

        var applied = m.applyUpdate();
        until(applied::isDone, "the step");
        vm.run().pulse();
        assertTrue(vm.run().snapshotProperty().get().network().sameBits(after));
        assertEquals(epoch, vm.run().snapshotProperty().get().epoch(), "a change by hand, not an epoch");
        assertEquals(start.architecture().parameterCount(), m.lastStepProperty().get().size());
        until(() -> m.canUndoProperty().get(), "undo");
        // the numbers follow the network the step left
        until(() -> m.numbersProperty().get() != null && m.numbersProperty().get().network().sameBits(after),
                "the numbers after the step");

        var undone = m.undo();
        until(undone::isDone, "undo");
        vm.run().pulse();
        assertTrue(vm.run().snapshotProperty().get().network().sameBits(start), "back to the bit");
        until(() -> !m.canUndoProperty().get(), "nothing left to undo");

        // training on from the step makes it permanent: Undo no longer applies
        until(() -> m.canApplyProperty().get(), "a step to apply again");
        var again = m.applyUpdate();
        until(again::isDone, "the step");
        vm.run().pulse();
        until(() -> m.canUndoProperty().get(), "undo");
        vm.run().step().get(10, TimeUnit.SECONDS);
        vm.run().pulse();
        until(() -> !m.canUndoProperty().get(), "undo gone after an epoch");
        m.undo();
        assertTrue(m.messageProperty().get().contains("cannot be taken back")
                || m.messageProperty().get().contains("no step"), m.messageProperty().get());
    }

    @Test
    void closedPanelWorksNothingOut() throws Exception {
        LabViewModel vm = lab(Activation.TANH, OutputLoss.SIGMOID_CROSS_ENTROPY);
        ExplainModel m = explain(vm);
        m.activeProperty().set(false);
        m.chooseSpot(0, 0);
        Thread.sleep(200);
        inbox.forEach(Runnable::run);
        assertNull(m.numbersProperty().get());
        assertFalse(m.canApplyProperty().get());
        m.applyUpdate();
        assertTrue(m.messageProperty().get().startsWith("Choose a point"), m.messageProperty().get());
    }

    @Test
    void notationReads() {
        assertEquals("W²₁₃", "W" + ExplainedPoint.sup(2) + ExplainedPoint.subPair(1, 3));
        assertEquals("₁,₁₂", ExplainedPoint.subPair(1, 12));
        assertEquals("−0.05708", ExplainedPoint.num(-0.05708123));
        assertEquals("0.3627", ExplainedPoint.num(0.36270001));
        assertEquals("1", ExplainedPoint.num(1.0));
        assertEquals("1.235e−7", ExplainedPoint.num(1.2345e-7));
    }
}
