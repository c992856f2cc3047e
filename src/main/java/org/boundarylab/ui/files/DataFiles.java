package org.boundarylab.ui.files;

import java.io.IOException;
import java.nio.file.Path;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.DataFormatException;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Generators;
import org.boundarylab.data.Split;

/**
 * CSV files in and out of the lab (the command line's format, header {@code x1,x2,label}). An
 * import either succeeds as a whole or throws with the file, the line and the reason; the lab
 * changes only after it succeeded. No toolkit needed.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /** A file as the lab's whole data, split into training and test as generated data is. */
    public static Split importData(Path file, double testShare, long seed) throws DataFormatException, IOException {
        Dataset all = read(file);
        return Split.stratified(all, testShare, seed);
    }

    /** A file as the test set, beside the current training set; the class count grows to cover both. */
    public static Split importTestSet(Path file, Split current) throws DataFormatException, IOException {
        Dataset test = read(file);
        int classes = Math.max(current.train().classes(), test.classes());
        return new Split(withClasses(current.train(), classes), withClasses(test, classes));
    }

    private static Dataset read(Path file) throws DataFormatException, IOException {
        Dataset d = CsvDatasets.read(file);
        if (d.classes() > Generators.MAX_CLASSES) {
            throw new DataFormatException(file.toString(), 0, "labels go up to " + (d.classes() - 1)
                    + "; the lab handles at most " + Generators.MAX_CLASSES + " classes (labels 0.."
                    + (Generators.MAX_CLASSES - 1) + ")");
        }
        return d;
    }

    static Dataset withClasses(Dataset d, int classes) {
        return d.classes() == classes ? d : new Dataset(d.x(), d.y(), classes);
    }

    public static void export(Dataset d, Path file) throws IOException {
        CsvDatasets.write(d, file);
    }
}
