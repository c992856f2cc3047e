package org.boundarylab.ui.sweep;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import javafx.scene.control.Tab;
import org.boundarylab.nn.Network;
import org.boundarylab.training.sweep.SweepResult;
import org.boundarylab.training.sweep.SweepRunner;
import org.boundarylab.ui.LabViewModel;
import org.boundarylab.ui.Lifecycle;
import org.boundarylab.ui.ReplaceGuard;
import org.boundarylab.ui.TabHost;

/**
 * The sweep view as the lab window's "Sweep" tab: it sweeps the lab's current data and settings,
 * and a clicked thumbnail opens its network in the Lab tab, paused. Sweeps run on a pool of
 * their own (one thread per core, below the window's priority), so the lab's training and
 * pictures keep the shared pool; the pool stops when the window closes.
 */
public final class SweepTab {
    private final SweepView view;
    private final Tab tab;

    private SweepTab(LabViewModel vm, TabHost tabs, ReplaceGuard guard, Lifecycle lifecycle) {
        view = SweepView.load();
        ExecutorService pool = SweepRunner.newPool(Runtime.getRuntime().availableProcessors());
        SweepController sweep = view.controller();
        sweep.setExecutor(pool);
        sweep.setContext(vm::sweepContext);
        sweep.setOnOpenNetwork(net -> {
            if (!guard.mayReplaceLab("opening this network from the sweep")) {
                return;
            }
            vm.showNetwork(net, epochsOf(net));
            tabs.selectLab();
        });
        tab = new Tab("Sweep", view.root());
        tab.setId("sweepTab");
        tabs.addTab(tab);
        lifecycle.onShutdown(() -> {
            sweep.shutdown();
            pool.shutdownNow();
        });
    }

    /** Adds the Sweep tab; opening a network from it asks {@code guard} first. */
    public static SweepTab install(LabViewModel vm, TabHost tabs, ReplaceGuard guard, Lifecycle lifecycle) {
        return new SweepTab(vm, tabs, guard, lifecycle);
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
