package org.boundarylab.ui;

import org.boundarylab.ui.app.LabApp;
import org.boundarylab.ui.app.LabWindow;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.data.Split;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.Regularization;
import org.boundarylab.nn.Trainer;
import org.boundarylab.nn.TrainingOptions;
import org.boundarylab.ui.InputRules.Field;

/**
 * The window measured while it trains, for issue 6: pulse-to-pulse gaps of the FX thread
 * (median, 99th percentile, maximum) with a profile of what the FX thread was doing whenever
 * it had not ticked for {@value #STALL_MS} ms; training speed in the window against the same
 * network and data trained by a bare {@link Trainer} loop in the same JVM; and, in memory
 * mode, the used heap after a GC every few seconds of a long run. Not a test (timings vary
 * with the machine); run it by hand, settings as system properties:
 *
 * <pre>
 * java [-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw] -cp target/classes:target/test-classes:$(cat target/cp.txt)
 *   -Dprobe.samples=20000 -Dprobe.classes=6 -Dprobe.hidden=256,256,256,256,256,256 -Dprobe.redraw=1
 *   -Dprobe.seconds=40 -Dprobe.diagram=open|closed -Dprobe.mode=pulse|memory -Dprobe.every=10
 *   -Dprobe.profile=true|false -Dprobe.play=true|false
 *   org.boundarylab.ui.LabWindowProbe
 * </pre>
 */
public final class LabWindowProbe {
    static final int STALL_MS = 20;

    private LabWindowProbe() {
    }

    public static void main(String[] args) throws Exception {
        String samples = System.getProperty("probe.samples", "20000");
        String classes = System.getProperty("probe.classes", "6");
        String hidden = System.getProperty("probe.hidden", "256,256,256,256,256,256");
        String redraw = System.getProperty("probe.redraw", "1");
        int seconds = Integer.getInteger("probe.seconds", 40);
        boolean diagramOpen = !System.getProperty("probe.diagram", "open").equals("closed");
        boolean memoryMode = System.getProperty("probe.mode", "pulse").equals("memory");
        int every = Integer.getInteger("probe.every", 10);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        long[] gaps = new long[seconds * 250 + 1000];
        int[] count = {0};
        // when each gap over STALL_MS ended, as JVM uptime (the clock of -Xlog:gc), to line up with GC pauses
        List<String> longGaps = new ArrayList<>();
        long uptimeNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        AtomicReference<LabViewModel> model = new AtomicReference<>();
        AtomicReference<Thread> fxThread = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        long[] lastTick = {System.nanoTime()};
        long warmUp = 3_000_000_000L; // class loading, JIT and the first epochs are left out
        long[] window = new long[2];
        // [time, epoch] of the first snapshot after the warm-up and of the last one before the end
        long[][] epochMarks = {null, null};
        // the FX thread's /proc schedstat (ns run, ns waited runnable, slices) as the window opens and closes
        long[][] fxSched = {null, null};

        Platform.runLater(() -> {
            fxThread.set(Thread.currentThread());
            LabWindow w = LabApp.load();
            Stage stage = new Stage();
            stage.setScene(LabApp.scene(w));
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
            LabViewModel vm = w.controller().viewModel();
            if (!diagramOpen) {
                ((Button) stage.getScene().lookup("#diagramCollapse")).fire();
            }
            if (!classes.isEmpty()) {
                vm.form().datasetProperty().set(DatasetKind.GAUSSIAN);
                vm.form().textProperty(Field.CLASSES).set(classes);
            }
            vm.form().textProperty(Field.SAMPLES).set(samples);
            vm.form().textProperty(Field.HIDDEN_LAYERS).set(hidden);
            vm.form().textProperty(Field.REDRAW_EVERY).set(redraw);
            model.set(vm);
            vm.run().addFeaturedSnapshotListener((s, inputs) -> {
                long t = System.nanoTime();
                if (window[0] == 0 || t < window[0]) {
                    return;
                }
                if (epochMarks[0] == null) {
                    epochMarks[0] = new long[] {t, s.epoch()};
                } else if (t <= window[1]) {
                    epochMarks[1] = new long[] {t, s.epoch()};
                }
            });
            if (!"false".equals(System.getProperty("probe.play"))) {
                vm.run().play(); // -Dprobe.play=false: the idle window, for the gaps it has without training
            }
            window[0] = System.nanoTime() + warmUp;
            window[1] = window[0] + seconds * 1_000_000_000L;
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    lastTick[0] = t;
                    if (fxSched[0] == null && t > window[0]) {
                        fxSched[0] = schedstat();
                    }
                    if (last != 0 && last > window[0] && count[0] < gaps.length) {
                        gaps[count[0]++] = t - last;
                        if (t - last > STALL_MS * 1_000_000L && longGaps.size() < 60) {
                            longGaps.add(String.format(Locale.ROOT, "%.3fs:%.1fms", (t - uptimeNanos) / 1e9,
                                    (t - last) / 1e6));
                        }
                    }
                    last = t;
                    if (t > window[1]) {
                        fxSched[1] = schedstat();
                        stop();
                        vm.run().pause();
                        done.countDown();
                    }
                }
            }.start();
        });

        Map<String, Integer> stallProfile = new HashMap<>();
        // The profile takes thread dumps (safepoints of up to ~15 ms) in the middle of stalls, so it
        // lengthens the gaps it looks at: -Dprobe.profile=false for the gap figures alone.
        boolean profile = !"false".equals(System.getProperty("probe.profile"));
        Thread sampler = new Thread(() -> {
            if (profile) {
                sampleStalls(fxThread, lastTick, window, stallProfile, done);
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        // -Dprobe.sentinel=true: a plain thread at the FX thread's priority sleeps 1 ms at a time
        // and notes when a sleep lasts more than probe.sentinelMs (default 6), to tell a late
        // pulse the whole process (or the OS) was late for from one JavaFX held back
        List<String> lateWakes = java.util.Collections.synchronizedList(new ArrayList<>());
        long lateNanos = (long) (Double.parseDouble(System.getProperty("probe.sentinelMs", "6")) * 1e6);
        // sleeps in the measured window, and how many of them were late
        java.util.concurrent.atomic.AtomicIntegerArray sleeps = new java.util.concurrent.atomic.AtomicIntegerArray(2);
        if (Boolean.getBoolean("probe.sentinel")) {
            Thread sentinel = new Thread(() -> {
                while (done.getCount() > 0) {
                    long before = System.nanoTime();
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long after = System.nanoTime();
                    boolean measured = after > window[0] && after < window[1];
                    sleeps.addAndGet(0, measured ? 1 : 0);
                    sleeps.addAndGet(1, measured && after - before > lateNanos ? 1 : 0);
                    if (after - before > lateNanos && measured && lateWakes.size() < 60) {
                        lateWakes.add(String.format(Locale.ROOT, "%.3fs:%.1fms", (after - uptimeNanos) / 1e9,
                                (after - before) / 1e6));
                    }
                }
            }, "probe-sentinel");
            sentinel.setDaemon(true);
            sentinel.start();
        }
        List<String> heap = new ArrayList<>();
        if (memoryMode) {
            MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
            long t0 = System.nanoTime();
            while (!done.await(every, java.util.concurrent.TimeUnit.SECONDS)) {
                System.gc();
                long used = mx.getHeapMemoryUsage().getUsed();
                String line = String.format(Locale.ROOT, "t %4.0f s  heap used after GC %6.1f MB  epoch %s",
                        (System.nanoTime() - t0) / 1e9, used / 1048576.0, model.get().status().epochTextProperty().get());
                heap.add(line);
                System.out.println(line);
            }
        }
        // CPU of every thread over the window, to see who shares the cores with the FX thread
        while (window[0] == 0 || System.nanoTime() < window[0]) {
            Thread.sleep(5);
        }
        Map<String, long[]> cpuBefore = threadTimes();
        long cpuFrom = System.nanoTime();
        done.await();
        Map<String, long[]> cpuAfter = threadTimes();
        double cpuSeconds = (System.nanoTime() - cpuFrom) / 1e9;
        sampler.join();

        long[] g = Arrays.copyOf(gaps, count[0]);
        Arrays.sort(g);
        LabViewModel vm = model.get();
        System.out.printf(Locale.ROOT, "samples %s, classes %s, hidden %s, redraw every %s, diagram %s%n",
                samples, classes.isEmpty() ? "moons" : classes, hidden, redraw, diagramOpen ? "open" : "closed");
        System.out.printf(Locale.ROOT, "pulses %d in %d s: gap median %.1f ms, p99 %.1f ms, max %.1f ms;"
                        + " gaps over %d ms: %d%n",
                g.length, seconds, g[g.length / 2] / 1e6, g[Math.min(g.length - 1, (int) (g.length * 0.99))] / 1e6,
                g[g.length - 1] / 1e6, STALL_MS, Arrays.stream(g).filter(x -> x > STALL_MS * 1_000_000L).count());
        System.out.println("gaps over " + STALL_MS + " ms, ending at JVM uptime: " + String.join(" ", longGaps));
        if (Boolean.getBoolean("probe.sentinel")) {
            System.out.printf(Locale.ROOT, "sentinel's 1 ms sleeps: %d, %d of them over %.1f ms; the first 60, ending"
                    + " at JVM uptime: %s%n", sleeps.get(0), sleeps.get(1), lateNanos / 1e6, String.join(" ", lateWakes));
        }
        if (!stallProfile.isEmpty()) {
            System.out.println("FX thread during stalls (samples every ms, top frames):");
            stallProfile.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                    .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
        }
        System.out.println("OS nice of the threads (Linux): " + niceValues());
        System.out.println("CPU over the window, % of one core (Linux): " + cpuShares(cpuBefore, cpuAfter, cpuSeconds));
        if (fxSched[0] != null && fxSched[1] != null && fxSched[1][2] > 0) {
            System.out.printf(Locale.ROOT, "FX thread over the window (Linux schedstat): ran %.0f ms, waited runnable for"
                            + " a core %.0f ms, in %d slices%n", (fxSched[1][0] - fxSched[0][0]) / 1e6,
                    (fxSched[1][1] - fxSched[0][1]) / 1e6, fxSched[1][2] - fxSched[0][2]);
        }
        double windowRate = Double.NaN;
        if (epochMarks[0] != null && epochMarks[1] != null && epochMarks[1][0] > epochMarks[0][0]) {
            windowRate = (epochMarks[1][1] - epochMarks[0][1]) * 1e9 / (epochMarks[1][0] - epochMarks[0][0]);
        }
        System.out.printf(Locale.ROOT, "window: %.2f epochs/s (epochs %d..%d), session's own figure %s epochs/s%n",
                windowRate, epochMarks[0] == null ? -1 : epochMarks[0][1], epochMarks[1] == null ? -1
                        : epochMarks[1][1], vm.status().speedTextProperty().get());
        if (!memoryMode) {
            while (vm.run().session().isPlaying()) {
                Thread.sleep(20);
            }
            // on a pool thread, at the priority the app's own training runs at
            double bare = org.boundarylab.training.SharedPool.get()
                    .submit(() -> bareTrainerRate(vm, Math.max(5, seconds / 2))).get();
            System.out.printf(Locale.ROOT, "bare Trainer loop: %.2f epochs/s; window / bare = %.2f%n",
                    bare, windowRate / bare);
            double headless = headlessSessionRate(vm, Math.max(5, seconds / 2));
            System.out.printf(Locale.ROOT, "the same session without a window (measuring its snapshots, drawing"
                    + " nothing): %.2f epochs/s; window / headless = %.2f%n", headless, windowRate / headless);
        } else if (heap.size() >= 12) {
            System.out.println("first minute: " + heap.get(0) + " ... " + heap.get(60 / every - 1));
            System.out.println("last minute:  " + heap.get(heap.size() - 60 / every) + " ... "
                    + heap.get(heap.size() - 1));
        }
        Platform.exit();
        System.exit(0);
    }

    /** Every millisecond: if the FX thread has not ticked for STALL_MS, count where it is. */
    private static void sampleStalls(AtomicReference<Thread> fx, long[] lastTick, long[] window,
                                     Map<String, Integer> profile, CountDownLatch done) {
        Thread renderer = null;
        while (done.getCount() > 0) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            Thread t = fx.get();
            long now = System.nanoTime();
            if (t == null || window[0] == 0 || now < window[0] || now - lastTick[0] < STALL_MS * 1_000_000L) {
                continue;
            }
            StackTraceElement[] st = t.getStackTrace();
            String key = "FX: " + describe(st);
            if (st.length > 0 && (st[0].getMethodName().equals("park") || st[0].getMethodName().equals("wait"))) {
                // the FX thread waits, usually for the render thread to finish the last frame
                if (renderer == null) {
                    renderer = Thread.getAllStackTraces().keySet().stream()
                            .filter(r -> r.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
                }
                if (renderer != null) {
                    key += " | renderer: " + describe(renderer.getStackTrace());
                }
            }
            synchronized (profile) {
                profile.merge(key, 1, Integer::sum);
            }
        }
    }

    /**
     * The nice value of the window's threads as the OS sees them, from /proc (Linux only): by
     * native thread name, e.g. {@code boundary-lab-wo=19 QuantumRenderer=0}; empty elsewhere.
     */
    /** The calling thread's ns on a core, ns runnable but waiting for one, and slices (zeros off Linux). */
    private static long[] schedstat() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/schedstat"))
                    .trim().split(" ");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])};
        } catch (java.io.IOException | RuntimeException e) {
            return new long[3];
        }
    }

    /** Every thread of the process as "tid name" -> {user + system clock ticks, nice}; empty off Linux. */
    private static Map<String, long[]> threadTimes() {
        Map<String, long[]> times = new HashMap<>();
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) {
            return times;
        }
        try (var dirs = java.nio.file.Files.list(tasks)) {
            for (java.nio.file.Path d : (Iterable<java.nio.file.Path>) dirs::iterator) {
                try {
                    String stat = java.nio.file.Files.readString(d.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // fields 14, 15 and 19 of proc(5): utime, stime, nice
                    times.put(d.getFileName() + " " + name, new long[] {
                            Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[16])});
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return times;
        }
        return times;
    }

    /** Threads that used at least 0.5% of a core between the two readings, busiest first. */
    private static String cpuShares(Map<String, long[]> before, Map<String, long[]> after, double seconds) {
        double ticksPerSecond = 100; // USER_HZ, 100 on every Linux build that matters here
        StringBuilder out = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new double[] {
                        100 * (e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0])
                                / ticksPerSecond / seconds, e.getValue()[1]}))
                .filter(e -> e.getValue()[0] >= 0.5)
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> out.append(String.format(Locale.ROOT, "%s (nice %d) %.1f  ",
                        e.getKey().substring(e.getKey().indexOf(' ') + 1), (int) e.getValue()[1], e.getValue()[0])));
        return out.toString().trim();
    }

    private static String niceValues() {
        Map<String, java.util.TreeSet<String>> byName = new java.util.TreeMap<>();
        threadTimes().forEach((tidAndName, times) -> {
            String name = tidAndName.substring(tidAndName.indexOf(' ') + 1).replaceAll("-?[0-9]+$", "");
            byName.computeIfAbsent(name, k -> new java.util.TreeSet<>()).add(Long.toString(times[1]));
        });
        StringBuilder out = new StringBuilder();
        byName.forEach((name, nices) -> {
            if (name.startsWith("boundary") || name.startsWith("sweep")
                    || name.contains("Quantum") || name.contains("JavaFX") || name.equals("java")) {
                out.append(name).append('=').append(String.join("/", nices)).append("  ");
            }
        });
        return out.toString().trim();
    }

    /** The top frame and the first of the project's own frames below it. */
    private static String describe(StackTraceElement[] st) {
        if (st.length == 0) {
            return "(no stack)";
        }
        String own = "";
        for (StackTraceElement e : st) {
            if (e.getClassName().startsWith("org.boundarylab") && !e.getClassName().contains("Probe")) {
                own = " <- " + e;
                break;
            }
        }
        if (own.isEmpty() && st[0].isNativeMethod()) {
            // waiting or parked: say on what, a few callers up
            StringBuilder callers = new StringBuilder();
            for (int i = 1; i < Math.min(st.length, 5); i++) {
                callers.append(" <- ").append(st[i].getClassName().replaceAll(".*\\.", "")).append('.')
                        .append(st[i].getMethodName());
            }
            own = callers.toString();
        }
        return st[0] + own;
    }

    /**
     * The window's run as a {@link org.boundarylab.training.TrainingSession} on the same pool with
     * nobody drawing: snapshots at the window's interval, each measured (train and test loss
     * and accuracy) as in the window, and dropped. Epochs a second between the first snapshot
     * after a 1 s warm-up and the last before {@code seconds} more.
     */
    /** The window's data, inputs, first network and training options, for runs outside the window. */
    private record Setup(Split split, Features inputs, Network network, TrainingOptions options) {
    }

    private static Setup setup(LabViewModel vm) {
        Split split = vm.data().dataProperty().get();
        Features inputs = vm.form().featuresProperty().get();
        OutputLoss out = vm.form().outputLossProperty().get();
        Architecture arch = Architecture.of(2, vm.form().hiddenLayers(), out.outputsFor(split.train().classes()),
                vm.form().activationProperty().get(), out.activation(), out.loss()).withInputs(inputs.count());
        Network net = vm.form().initializerProperty().get().create(arch, vm.form().longValue(Field.WEIGHT_SEED));
        return new Setup(split, inputs, net, vm.form().trainingOptions());
    }

    private static double headlessSessionRate(LabViewModel vm, int seconds) throws InterruptedException {
        Setup setup = setup(vm);
        Split split = setup.split();
        Features inputs = setup.inputs();
        Network net = setup.network();
        int every = Integer.parseInt(vm.form().textProperty(Field.REDRAW_EVERY).get().trim());
        long start = System.nanoTime() + 1_000_000_000L;
        long end = start + seconds * 1_000_000_000L;
        long[][] marks = {null, null};
        try (org.boundarylab.training.TrainingSession session = new org.boundarylab.training.TrainingSession(net,
                inputs.map(split.train().x()), split.train().y(), inputs.map(split.test().x()), split.test().y(),
                setup.options(),
                org.boundarylab.training.SharedPool.get())) {
            session.setSnapshotEvery(every);
            session.addListener(snap -> {
                long now = System.nanoTime();
                synchronized (marks) {
                    if (now >= start && now <= end) {
                        if (marks[0] == null) {
                            marks[0] = new long[] {now, snap.epoch()};
                        }
                        marks[1] = new long[] {now, snap.epoch()};
                    }
                }
            });
            session.start().join();
            session.play();
            while (System.nanoTime() < end + 200_000_000L) {
                Thread.sleep(50);
            }
            session.pause();
        }
        synchronized (marks) {
            if (marks[0] == null || marks[1][0] <= marks[0][0]) {
                return Double.NaN;
            }
            return (marks[1][1] - marks[0][1]) * 1e9 / (marks[1][0] - marks[0][0]);
        }
    }

    /** The same network and data as the window's run, trained by a bare loop for about {@code seconds}. */
    private static double bareTrainerRate(LabViewModel vm, int seconds) {
        Setup setup = setup(vm);
        Split split = setup.split();
        Features inputs = setup.inputs();
        Network net = setup.network();
        Trainer trainer = new Trainer(net, inputs.map(split.train().x()), split.train().y(),
                setup.options());
        long warm = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warm) {
            trainer.epoch(false);
        }
        long from = System.nanoTime();
        long until = from + seconds * 1_000_000_000L;
        int epochs = 0;
        long t;
        do {
            trainer.epoch(false);
            epochs++;
            t = System.nanoTime();
        } while (t < until);
        return epochs * 1e9 / (t - from);
    }
}
