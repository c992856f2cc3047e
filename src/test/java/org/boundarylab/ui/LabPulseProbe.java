package org.boundarylab.ui;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.boundarylab.ui.InputRules.Field;

/**
 * Measures how smoothly the window keeps drawing while training runs: the gaps between
 * pulses (AnimationTimer ticks) over a few seconds of Play. Not a test (timings vary with the
 * machine); run it by hand:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp ...
 * org.boundarylab.ui.LabPulseProbe <samples> <hidden> <redrawEvery> <seconds>}.
 */
public final class LabPulseProbe {
    private LabPulseProbe() {
    }

    public static void main(String[] args) throws Exception {
        String samples = args.length > 0 ? args[0] : "400";
        String hidden = args.length > 1 ? args[1] : "5,3";
        String redraw = args.length > 2 ? args[2] : "1";
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        long[] gaps = new long[seconds * 200];
        int[] count = {0};
        AtomicReference<LabViewModel> model = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        long[] lastTick = {System.nanoTime()};
        if (Boolean.getBoolean("probe.stalls")) {
            // prints what the FX thread is doing whenever it has not ticked for half a second
            Thread watchdog = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (System.nanoTime() - lastTick[0] > 500_000_000L) {
                        Thread.getAllStackTraces().forEach((t, st) -> {
                            if (t.getName().contains("JavaFX Application")) {
                                System.err.println("FX stalled:");
                                for (int i = 0; i < Math.min(12, st.length); i++) {
                                    System.err.println("   " + st[i]);
                                }
                            }
                        });
                    }
                }
            });
            watchdog.setDaemon(true);
            watchdog.start();
        }
        Platform.runLater(() -> {
            LabApp.LabWindow w = LabApp.load();
            Stage stage = new Stage();
            stage.setScene(LabApp.scene(w));
            stage.show();
            LabViewModel vm = w.controller().viewModel();
            vm.textProperty(Field.SAMPLES).set(samples);
            vm.textProperty(Field.HIDDEN_LAYERS).set(hidden);
            vm.textProperty(Field.REDRAW_EVERY).set(redraw);
            model.set(vm);
            vm.play();
            // the first second (class loading, JIT) is left out: the figure is the steady state
            long from = System.nanoTime() + 1_000_000_000L;
            long until = from + seconds * 1_000_000_000L;
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    lastTick[0] = t;
                    if (last != 0 && last > from && count[0] < gaps.length) {
                        gaps[count[0]++] = t - last;
                    }
                    last = t;
                    if (t > until) {
                        stop();
                        vm.pause();
                        done.countDown();
                    }
                }
            }.start();
        });
        done.await();
        long[] g = Arrays.copyOf(gaps, count[0]);
        Arrays.sort(g);
        LabViewModel vm = model.get();
        System.out.printf("samples %s, hidden %s, redraw every %s: %d pulses in %d s, gap median %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms; %s epochs, %s epochs/s%n",
                samples, hidden, redraw, g.length, seconds, g[g.length / 2] / 1e6, g[(int) (g.length * 0.99)] / 1e6,
                g[g.length - 1] / 1e6, vm.epochTextProperty().get(), vm.speedTextProperty().get());
        Platform.exit();
        System.exit(0);
    }
}
