package org.boundarylab.ui.diagram;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.boundarylab.ui.InputRules.Field;
import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;
import org.boundarylab.ui.LabViewModel;

/**
 * Measures what the network diagram costs the FX thread while training plays: the time of each
 * picture it puts on screen (pixels into every unit's image, links stroked), and the gaps
 * between pulses. Not a test (timings vary with the machine); run it by hand:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp ...
 * org.boundarylab.ui.diagram.DiagramProbe <hidden> <seconds> [pinned]}.
 */
public final class DiagramProbe {
    private DiagramProbe() {
    }

    public static void main(String[] args) throws Exception {
        String hidden = args.length > 0 ? args[0] : "5,3";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        boolean pin = args.length > 2 && args[2].equals("pinned");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        long[] gaps = new long[seconds * 200];
        int[] count = {0};
        AtomicReference<LabViewModel> model = new AtomicReference<>();
        AtomicReference<NetworkDiagram> diagram = new AtomicReference<>();
        AtomicReference<long[]> before = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            LabWindow w = LabApp.load();
            Stage stage = new Stage();
            stage.setScene(LabApp.scene(w));
            stage.show();
            LabViewModel vm = w.controller().viewModel();
            NetworkDiagram d = w.diagram();
            vm.form().textProperty(Field.HIDDEN_LAYERS).set(hidden);
            vm.form().textProperty(Field.REDRAW_EVERY).set("1");
            model.set(vm);
            diagram.set(d);
            vm.run().play();
            long from = System.nanoTime() + 1_000_000_000L;
            long until = from + seconds * 1_000_000_000L;
            new AnimationTimer() {
                private long last;
                private boolean pinned;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (pin && !pinned && d.unitNodes().length > 1) {
                        d.pin(1, 0);
                        pinned = true;
                    }
                    if (before.get() == null && t > from) {
                        before.set(d.frameCosts());
                    }
                    if (last != 0 && last > from && count[0] < gaps.length) {
                        gaps[count[0]++] = t - last;
                    }
                    last = t;
                    if (t > until) {
                        stop();
                        vm.run().pause();
                        done.countDown();
                    }
                }
            }.start();
        });
        done.await();
        long[] all = diagram.get().frameCosts();
        long[] c = Arrays.copyOfRange(all, Math.min(all.length, before.get().length), all.length);
        Arrays.sort(c);
        long[] g = Arrays.copyOf(gaps, count[0]);
        Arrays.sort(g);
        System.out.printf("hidden %s%s: %d diagram pictures in %d s, FX cost median %.2f ms, p99 %.2f ms, max %.2f ms;"
                        + " %d pulses, gap median %.1f ms, p99 %.1f ms; %s epochs%n",
                hidden, pin ? " (a unit pinned)" : "", c.length, seconds, c[c.length / 2] / 1e6,
                c[Math.min(c.length - 1, (int) (c.length * 0.99))] / 1e6, c[c.length - 1] / 1e6, g.length,
                g[g.length / 2] / 1e6, g[(int) (g.length * 0.99)] / 1e6, model.get().status().epochTextProperty().get());
        Platform.exit();
        System.exit(0);
    }
}
