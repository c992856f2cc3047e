package org.boundarylab.ui.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.boundarylab.data.DataFormatException;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.data.Split;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Network;
import org.boundarylab.training.TrainingSnapshot;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.OutputLoss;
import org.boundarylab.workspace.Workspace;
import org.boundarylab.workspace.WorkspaceFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's state to a workspace file and back, through the view-model alone (no toolkit). */
class WorkspaceBridgeTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Waits for the run's newest snapshot to reach the view-model, as the window's pulse would. */
    private static TrainingSnapshot settle(LabViewModel vm, long epoch) throws Exception {
        for (int i = 0; i < 500; i++) {
            vm.run().pulse();
            TrainingSnapshot s = vm.run().snapshotProperty().get();
            if (s != null && s.epoch() == epoch && s.network() != null) {
                return s;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no snapshot at epoch " + epoch + ", have " + vm.run().snapshotProperty().get());
    }

    @Test
    void aSavedLabOpensWithTheSamePointsNetworkEpochAndSettings(@TempDir Path dir) throws Exception {
        LabViewModel vm = new LabViewModel(pool);
        vm.form().textProperty(Field.HIDDEN_LAYERS).set("5,3");
        vm.form().textProperty(Field.L2).set("5e-5");
        vm.form().outputLossProperty().set(OutputLoss.SOFTMAX_CROSS_ENTROPY);
        Split drawn = new Split(new Dataset(new double[][] {{0, 0}, {1, 1}, {0.5, 0.2}, {-1, 0.3}},
                new int[] {0, 1, 1, 0}, 2), new Dataset(new double[][] {{0.2, 0.9}}, new int[] {1}, 2));
        vm.setCustomData(drawn);
        for (int i = 0; i < 25; i++) {
            vm.run().step().get(10, TimeUnit.SECONDS);
        }
        TrainingSnapshot saved = settle(vm, 25);
        Path file = dir.resolve("lab.blab");
        WorkspaceFiles.write(file, WorkspaceBridge.capture(vm));

        LabViewModel other = new LabViewModel(pool);
        Workspace w = WorkspaceFiles.read(file);
        WorkspaceBridge.restore(other, w);
        TrainingSnapshot opened = settle(other, 25);
        assertTrue(other.data().customDataProperty().get());
        assertEquals(drawn, other.data().dataProperty().get());
        assertEquals("5,3", other.form().textProperty(Field.HIDDEN_LAYERS).get());
        assertEquals(OutputLoss.SOFTMAX_CROSS_ENTROPY, other.form().outputLossProperty().get());
        assertEquals(5e-5, Double.parseDouble(other.form().textProperty(Field.L2).get()));
        assertFalse(other.run().playingProperty().get());
        double[][] probe = {{0, 0}, {0.3, -0.7}, {2, 1.5}, {-1.2, 0.4}};
        assertArrayEquals(saved.network().predict(probe), opened.network().predict(probe));
        assertTrue(other.run().history().size() >= 2, "the loss curve comes back");
    }

    @Test
    void generatedDataOpensAsGeneratedNotCustom(@TempDir Path dir) throws Exception {
        LabViewModel vm = new LabViewModel(pool);
        vm.form().datasetProperty().set(DatasetKind.SPIRAL);
        vm.form().textProperty(Field.CLASSES).set("4");
        vm.form().activationProperty().set(Activation.RELU);
        vm.run().step().get(10, TimeUnit.SECONDS);
        settle(vm, 1);
        Path file = dir.resolve("spiral.blab");
        WorkspaceFiles.write(file, WorkspaceBridge.capture(vm));

        LabViewModel other = new LabViewModel(pool);
        WorkspaceBridge.restore(other, WorkspaceFiles.read(file));
        settle(other, 1);
        assertFalse(other.data().customDataProperty().get());
        assertEquals("4", other.form().textProperty(Field.CLASSES).get());
        assertEquals(vm.data().dataProperty().get(), other.data().dataProperty().get());
        assertEquals(Activation.RELU, other.form().activationProperty().get());
    }

    @Test
    void aNetworkOfAnotherShapeSetsTheHiddenLayersAndShowsPaused() throws Exception {
        LabViewModel vm = new LabViewModel(pool);
        Network net = org.boundarylab.nn.Initializer.HE.create(org.boundarylab.nn.Architecture.of(2, new int[] {7},
                1, Activation.TANH, Activation.SIGMOID, org.boundarylab.nn.Loss.BINARY_CROSS_ENTROPY), 9);
        vm.showNetwork(net, 300);
        TrainingSnapshot s = settle(vm, 300);
        assertEquals("7", vm.form().textProperty(Field.HIDDEN_LAYERS).get());
        assertArrayEquals(net.predict(new double[][] {{0.1, 0.2}}), s.network().predict(new double[][] {{0.1, 0.2}}));
        assertFalse(vm.run().playingProperty().get());
        vm.run().reset();
        settle(vm, 0);
    }

    @Test
    void aBadCsvNamesItsLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(bad, "x1,x2,label\n0.1,0.2,0\n0.3,oops,1\n");
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class,
                () -> DataFiles.importData(bad, 0.2, 0));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("bad.csv:3"), e.getMessage());
    }

    @Test
    void anImportedTestSetWidensTheClassesOfBothSets(@TempDir Path dir) throws Exception {
        Path test = dir.resolve("test.csv");
        java.nio.file.Files.writeString(test, "x1,x2,label\n0.1,0.2,0\n0.3,0.4,2\n");
        Split current = new Split(new Dataset(new double[][] {{0, 0}, {1, 1}}, new int[] {0, 1}, 2),
                new Dataset(new double[0][], new int[0], 2));
        Split s = DataFiles.importTestSet(test, current);
        assertEquals(3, s.train().classes());
        assertEquals(3, s.test().classes());
        assertEquals(2, s.test().size());
        assertArrayEquals(current.train().y(), s.train().y());

        Path many = dir.resolve("many.csv");
        java.nio.file.Files.writeString(many, "x1,x2,label\n0.1,0.2,0\n0.3,0.4,12\n");
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class,
                () -> DataFiles.importData(many, 0.2, 0));
        assertTrue(e.getMessage().contains("at most 10 classes"), e.getMessage());
    }
}
