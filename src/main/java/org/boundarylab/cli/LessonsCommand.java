package org.boundarylab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.boundarylab.lessons.BuiltInLessons;
import org.boundarylab.lessons.Expectation;
import org.boundarylab.lessons.Lesson;
import org.boundarylab.lessons.LessonFiles;
import org.boundarylab.lessons.LessonFormatException;
import org.boundarylab.lessons.LessonRunner;
import org.boundarylab.lessons.SweepFinding;
import org.boundarylab.training.sweep.SettingStats;
import org.boundarylab.training.sweep.SweepRunner;
import org.boundarylab.training.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The lessons without the window: list them, or run them and check every promise they make. */
@Command(name = "lessons", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the built-in lessons, or run lessons headless and check what they promise.",
        subcommands = {LessonsCommand.ListLessons.class, LessonsCommand.CheckLessons.class})
final class LessonsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no lessons command given; use list or check");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "The built-in lessons in menu order: id, kind, epochs and title.")
    static final class ListLessons implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Lesson l : BuiltInLessons.all()) {
                out.printf(Locale.ROOT, "%-24s %-30s %s%n", l.id(), kind(l), l.title());
            }
            return Cli.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Runs lessons to their epochs without the window (sweeps on all cores) and prints each "
                    + "promise with PASS or FAIL and the value measured; a sweep lesson first prints its per-width "
                    + "table and finding. Exit status 0 when every promise holds, 1 when one does not, 2 for a "
                    + "lesson that cannot be read."})
    static final class CheckLessons implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID|FILE", arity = "0..*",
                description = "Built-in lesson ids or lesson files; none: every built-in lesson.")
        List<String> names = new ArrayList<>();

        @Override
        public Integer call() {
            List<Lesson> lessons = resolve(names);
            PrintWriter out = spec.commandLine().getOut();
            int failed = 0;
            int checks = 0;
            ExecutorService pool = SweepRunner.newPool(Runtime.getRuntime().availableProcessors());
            try {
                for (Lesson l : lessons) {
                    out.printf(Locale.ROOT, "lesson %s \"%s\" (%s)%n", l.id(), l.title(), kind(l));
                    LessonRunner.Outcome o = LessonRunner.check(l, pool);
                    if (o.table() != null) {
                        printTable(out, LessonRunner.sweepSpec(l), o.table());
                        SweepFinding.of(o.table()).ifPresent(f -> out.println("  finding: " + f));
                    } else {
                        printRun(out, o.points().get(0).result());
                    }
                    int[] counts = printChecks(out, o);
                    Optional<LessonRunner.Outcome> ex = LessonRunner.checkExercise(l);
                    if (ex.isPresent()) {
                        out.println("  exercise: " + l.exercise().text());
                        printRun(out, ex.get().points().get(0).result());
                        int[] more = printChecks(out, ex.get());
                        counts[0] += more[0];
                        counts[1] += more[1];
                    }
                    checks += counts[0];
                    failed += counts[1];
                    out.println();
                    out.flush();
                }
            } finally {
                pool.shutdownNow();
            }
            out.printf(Locale.ROOT, "%d lesson%s, %d promise%s: %s%n", lessons.size(), lessons.size() == 1 ? "" : "s",
                    checks, checks == 1 ? "" : "s", failed == 0 ? "all PASS" : failed + " FAIL");
            return failed == 0 ? Cli.OK : 1;
        }

        /** Every name as a lesson, refusing the first unknown or unreadable one before running any. */
        private static List<Lesson> resolve(List<String> names) {
            if (names.isEmpty()) {
                return BuiltInLessons.all();
            }
            List<Lesson> out = new ArrayList<>();
            for (String n : names) {
                Path p = Path.of(n);
                if (n.endsWith(LessonFiles.EXTENSION) || n.contains("/") || n.contains("\\") || Files.exists(p)) {
                    try {
                        out.add(LessonFiles.read(p));
                    } catch (LessonFormatException e) {
                        throw new UserError(e.getMessage());
                    } catch (IOException e) {
                        throw new UserError(Cli.describe(e));
                    }
                } else {
                    Optional<Lesson> l = BuiltInLessons.all().stream().filter(b -> b.id().equals(n)).findFirst();
                    out.add(l.orElseThrow(() -> new UserError("no built-in lesson '" + n
                            + "' (see 'boundary-lab lessons list'), and no file of that name")));
                }
            }
            return out;
        }
    }

    private static String kind(Lesson l) {
        if (l.isSweep()) {
            return String.format(Locale.ROOT, "sweep: %d widths x %d seeds, %,d epochs", l.sweepWidths().length,
                    l.sweepSeeds(), l.settings().epochs());
        }
        return String.format(Locale.ROOT, "run: %,d epochs%s", l.settings().epochs(),
                l.exercise() == null ? "" : " + exercise");
    }

    /** Prints the outcome's checks; returns {checks, failed}. */
    private static int[] printChecks(PrintWriter out, LessonRunner.Outcome o) {
        if (o.checks().isEmpty()) {
            out.println("  (the " + o.part() + " promises nothing to check)");
        }
        int failed = 0;
        for (Expectation.Check c : o.checks()) {
            out.println("  " + c.line());
            if (!c.passed()) {
                failed++;
            }
        }
        return new int[] {o.checks().size(), failed};
    }

    private static void printRun(PrintWriter out, LessonRunner.Result r) {
        out.printf(Locale.ROOT, "  epoch %,d: train accuracy %.4f, test accuracy %s, train loss %.4f, test loss %s%n",
                r.epochs(), r.trainAccuracy(), Double.isNaN(r.testAccuracy()) ? "none"
                        : String.format(Locale.ROOT, "%.4f", r.testAccuracy()), r.trainLoss(),
                Double.isNaN(r.testLoss()) ? "none" : String.format(Locale.ROOT, "%.4f", r.testLoss()));
    }

    private static void printTable(PrintWriter out, SweepSpec spec, List<SettingStats> table) {
        out.printf(Locale.ROOT, "  %-8s %4s  %-15s  %-15s  %-17s  %-17s%n", "width", "runs", "train acc", "test acc",
                "train loss", "test loss");
        for (SettingStats s : table) {
            if (s.allDiverged()) {
                out.printf(Locale.ROOT, "  %-8s %4d  diverged (all %d runs)%n", s.label(), s.runs(), s.runs());
                continue;
            }
            out.printf(Locale.ROOT, "  %-8s %4d  %.3f +- %.3f  %.3f +- %.3f  %.4f +- %.4f  %.4f +- %.4f%n", s.label(),
                    s.runs(), s.meanTrainAccuracy(), s.stdTrainAccuracy(), s.meanTestAccuracy(), s.stdTestAccuracy(),
                    s.meanTrainLoss(), s.stdTrainLoss(), s.meanTestLoss(), s.stdTestLoss());
        }
    }
}
