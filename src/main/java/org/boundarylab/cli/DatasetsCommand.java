package org.boundarylab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.data.Generators;
import org.boundarylab.data.Split;
import org.boundarylab.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Generates a 2-D data set as CSV, optionally split into stratified train and test files. */
@Command(name = "datasets", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = "Generate a 2-D data set (CSV with header x1,x2,label), optionally split into train and test.")
final class DatasetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--kind", required = true, paramLabel = "KIND", converter = Converters.DatasetKindConverter.class,
            description = "moons, circles, xor, gaussian or spiral.")
    DatasetKind kind;

    @Option(names = "--samples", defaultValue = "200", paramLabel = "N",
            description = "Number of points (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--noise", defaultValue = "0.2", paramLabel = "X",
            description = "Standard deviation of the Gaussian noise added to each point, 0 to 1000 (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--test-ratio", paramLabel = "R",
            description = "Fraction of the points held out for testing, between 0 and 1 (needs --test-out); it must"
                    + " hold out points of at least two classes.")
    Double testRatio;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv",
            description = "Where to write the points (the training part when splitting).")
    Path out;

    @Option(names = "--test-out", paramLabel = "FILE.csv", description = "Where to write the test part.")
    Path testOut;

    @Override
    public Integer call() throws Exception {
        Checks checks = new Checks(spec);
        checks.atLeast("--samples", samples, 2);
        checks.atMost("--samples", samples, Generators.MAX_SAMPLES);
        checks.nonNegative("--noise", noise);
        if (noise > Generators.MAX_NOISE) {
            throw checks.error("--noise must be at most " + Generators.MAX_NOISE + " (the shapes are a few units"
                    + " across), got " + noise);
        }
        checks.writableTarget("--out", out);
        if (testRatio != null && testOut == null) {
            throw checks.error("--test-ratio needs --test-out, the file for the test part");
        }
        if (testOut != null && testRatio == null) {
            throw checks.error("--test-out needs --test-ratio, the fraction of points to hold out (e.g. 0.2)");
        }
        if (testOut != null) {
            checks.openInterval("--test-ratio", testRatio, 0, 1);
            checks.writableTarget("--test-out", testOut);
            checks.notOverwriting("--test-out", testOut, "--out", out);
        }

        Dataset all = Generators.generate(kind, samples, noise, seed);
        String settings = String.format(Locale.ROOT, "%s, noise %s, seed %d", kind.id(), noise, seed);
        if (testOut == null) {
            CsvDatasets.write(all, out);
            spec.commandLine().getOut().printf("wrote %d points to %s (%s)%n", all.size(), out, settings);
        } else {
            Split split = Split.stratified(all, testRatio, seed);
            // the test file must be one the readers take: at least two classes, so at least two points
            int testClasses = (int) java.util.Arrays.stream(split.test().y()).distinct().count();
            if (testClasses < 2) {
                throw checks.error(String.format(Locale.ROOT, "--test-ratio %s holds out %s of the %d points; the test"
                                + " file needs points of at least two classes: give a larger --test-ratio or more --samples",
                        testRatio, split.test().size() == 0 ? "none" : split.test().size() == 1 ? "1"
                                : split.test().size() + ", all of one class,", all.size()));
            }
            // both files or neither: a full disk while writing the second leaves the first as it was
            try (AtomicFiles.Batch batch = AtomicFiles.batch()) {
                batch.add(out, CsvDatasets.content(split.train()));
                batch.add(testOut, CsvDatasets.content(split.test()));
                batch.commit();
            }
            spec.commandLine().getOut().printf("wrote %d training points to %s and %d test points to %s (%s)%n",
                    split.train().size(), out, split.test().size(), testOut, settings);
        }
        return Cli.OK;
    }
}
