package org.boundarylab.ui.sweep;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import javafx.scene.control.Tab;
import org.boundarylab.nn.Network;
import org.boundarylab.training.sweep.SweepResult;
import org.boundarylab.training.sweep.SweepRunner;
import org.boundarylab.ui.LabController;
import org.boundarylab.ui.LabViewModel;

/**
 * The sweep view as the lab window's "Sweep" tab: it sweeps the lab's current data and settings,
 * and a clicked thumbnail opens its network in the Lab tab, paused. Sweeps run on a pool of
 * their own (one thread per core, below the window's priority), so the lab's training and
 * pictures keep the shared pool; the pool stops when the window closes.
 */
public final class SweepTab {
    private final SweepView view;
    private final Tab tab;

    private SweepTab(LabController lab) {
        LabViewModel vm = lab.viewModel();
        view = SweepView.load();
        ExecutorService pool = SweepRunner.newPool(Runtime.getRuntime().availableProcessors());
        SweepController sweep = view.controller();
        sweep.setExecutor(pool);
        sweep.setContext(vm::sweepContext);
        sweep.setOnOpenNetwork(net -> {
            if (!lab.mayReplaceLab("opening this network from the sweep")) {
                return;
            }
            vm.showNetwork(net, epochsOf(net));
            lab.tabs().getSelectionModel().select(0);
        });
        tab = new Tab("Sweep", view.root());
        tab.setId("sweepTab");
        tab.getProperties().put(SweepTab.class, this);
        lab.tabs().getTabs().add(tab);
        lab.onShutdown(() -> {
            sweep.shutdown();
            pool.shutdownNow();
        });
    }

    public static SweepTab install(LabController lab) {
        return new SweepTab(lab);
    }

    public SweepView view() {
        return view;
    }

    public Tab tab() {
        return tab;
    }

    /** The epochs the clicked network was trained for (the run whose weights it carries). */
    private long epochsOf(Network net) {
        for (SweepResult r : view.controller().model().results()) {
            if (r.hasNetwork() && r.network().architecture().equals(net.architecture())
                    && Arrays.deepEquals(r.network().weightMatrices(), net.weightMatrices())) {
                return r.epochs();
            }
        }
        return 0;
    }
}
