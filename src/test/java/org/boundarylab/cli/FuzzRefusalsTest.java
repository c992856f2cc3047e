package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.boundarylab.data.CsvDatasets;
import org.boundarylab.data.Generators;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.lessons.BuiltInLessons;
import org.boundarylab.lessons.LessonFiles;
import org.boundarylab.lessons.LessonFormatException;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.text.Excerpt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws generated bad data files, model files, lesson files and arguments at the readers and the
 * commands (in-process) and checks the refusal contract for each: exit status 2, exactly one line
 * on standard error of at most 200 characters, naming the file or the option, without control
 * characters, stack traces or parser internals, and no output file created or changed. Every case
 * is bad by construction (a generator that made a good file would fail the test). Seeded: the same
 * cases every run, a few seconds in all. A failure prints the case's number and kind.
 */
class FuzzRefusalsTest {
    private static final long SEED = 20_241_206L;
    private static final int CASES_PER_KIND = 12;
    private static final String[] NASTY = {"\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u202e", "\u2028",
        "\ufeff", "\ud800", "\\", "\"", "'", ","};

    @TempDir
    Path dir;
    Path model;
    Path data;
    Path test;
    Path out;
    String validModel;
    String validCsv;
    String validLesson;
    final Random random = new Random(SEED);

    @BeforeEach
    void goodFiles() throws Exception {
        model = dir.resolve("m.json");
        data = dir.resolve("d.csv");
        test = dir.resolve("t.csv");
        out = dir.resolve("out.json");
        Architecture arch = new Architecture(new int[] {2, 3, 1}, Activation.TANH, Activation.SIGMOID,
                Loss.BINARY_CROSS_ENTROPY);
        ModelFiles.write(model, Initializer.GLOROT.create(arch, 1), Map.of());
        validModel = Files.readString(model);
        CsvDatasets.write(Generators.moons(24, 0.1, 1), data);
        validCsv = Files.readString(data);
        CsvDatasets.write(Generators.moons(12, 0.1, 2), test);
        Files.writeString(out, "a previous model that must survive");
        validLesson = LessonFiles.toJson(BuiltInLessons.all().get(0));
    }

    // ---------------------------------------------------------------- data files

    @Test
    void badDataFiles() throws Exception {
        int kinds = 12;
        for (int c = 0; c < kinds * CASES_PER_KIND; c++) {
            int kind = c % kinds;
            Path bad = dir.resolve("bad" + c + ".csv");
            byte[] bytes = badCsv(kind);
            Files.write(bad, bytes);
            String[] args = c % 2 == 0
                    ? new String[] {"evaluate", "--model", model.toString(), "--data", bad.toString()}
                    : new String[] {"train", "--model", model.toString(), "--data", bad.toString(), "--epochs", "2",
                        "--learning-rate", "0.1", "--out", out.toString()};
            refused("csv case " + c + " (kind " + kind + ")", args, bad.toString());
            Files.delete(bad);
        }
    }

    private byte[] badCsv(int kind) {
        List<String> lines = new ArrayList<>(validCsv.lines().toList());
        int row = 1 + random.nextInt(lines.size() - 1);
        String[] f = lines.get(row).split(",");
        switch (kind) {
            case 0 -> {
                f[random.nextInt(2)] = pick("nan", "-Infinity", "inf", "1e400", "0x1F", "1.2.3", "", "1e", ".",
                        "12abc", digits(1000 + random.nextInt(2000)), "1" + nasty() + "2");
                lines.set(row, String.join(",", f));
            }
            case 1 -> {
                f[2] = pick("-1", "100", "0.5", "cat", "", digits(500), "1e3", "2" + nasty() + "1", "+-1");
                lines.set(row, String.join(",", f));
            }
            case 2 -> {
                byte[] text = join(lines).getBytes(StandardCharsets.UTF_8);
                byte[][] bad = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0,
                    (byte) 0x80}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
                    {(byte) 0xE9}};
                return insert(text, random.nextInt(text.length + 1), bad[random.nextInt(bad.length)]);
            }
            case 3 -> lines.add(1 + random.nextInt(lines.size()), randomText(1001 + random.nextInt(30_000)));
            case 4 -> lines.set(0, pick("x1,x2", "a,b,c", "x1,x2,label,extra", "1,2,0", randomText(1 + random.nextInt(900)),
                    "x1;x2;label", "x1,x2,lab" + nasty() + "el"));
            case 5 -> lines.set(row, random.nextBoolean() ? f[0] + "," + f[1] : lines.get(row) + ",7");
            case 6 -> lines.add(1 + random.nextInt(lines.size() - 2), pick("", "   ", "\t"));
            case 7 -> {
                for (int r = 1; r < lines.size(); r++) {
                    String[] g = lines.get(r).split(",");
                    lines.set(r, g[0] + "," + g[1] + ",0");
                }
            }
            case 8 -> {
                return pick("", "\n\n", "   \n", "x1,x2,label\n", "x1,x2,label\n\n\n", "\ufeff").getBytes(StandardCharsets.UTF_8);
            }
            case 9 -> {
                byte[] text = join(lines).getBytes(StandardCharsets.UTF_8);
                byte[] zeros = new byte[1 + random.nextInt(5000)];
                return insert(text, text.length - 1 - random.nextInt(5), zeros);
            }
            case 10 -> {
                double far = (1 + random.nextDouble()) * Math.pow(10, 6 + random.nextInt(300)) * (random.nextBoolean() ? 1 : -1);
                f[random.nextInt(2)] = Double.toString(far);
                lines.set(row, String.join(",", f));
            }
            default -> {
                f[random.nextInt(2)] = pick("NaN", "+nan", "Infinity", "-inf", "INF");
                lines.set(row, String.join(",", f));
            }
        }
        return join(lines).getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- model files

    @Test
    void badModelFiles() throws Exception {
        int kinds = 12;
        for (int c = 0; c < kinds * CASES_PER_KIND; c++) {
            int kind = c % kinds;
            Path bad = dir.resolve("bad" + c + ".json");
            Files.write(bad, badModel(kind));
            String[] args = c % 2 == 0
                    ? new String[] {"evaluate", "--model", bad.toString(), "--data", data.toString()}
                    : new String[] {"train", "--model", bad.toString(), "--data", data.toString(), "--epochs", "2",
                        "--learning-rate", "0.1", "--out", out.toString()};
            refused("model case " + c + " (kind " + kind + ")", args, bad.toString());
            Files.delete(bad);
        }
    }

    private byte[] badModel(int kind) {
        String json = validModel;
        switch (kind) {
            case 0 -> {
                int at = nthNumberInWeights(json);
                int end = at;
                while (end < json.length() && "-+.0123456789eE".indexOf(json.charAt(end)) >= 0) {
                    end++;
                }
                json = json.substring(0, at) + pick("\"0.5\"", "null", "true", "NaN", "-Infinity", "1e400", "[1]", "{}",
                        digits(1001 + random.nextInt(2000)), "\"" + nasty() + "\"", "0x10", ".5") + json.substring(end);
            }
            case 1 -> json = json.substring(0, random.nextInt(json.lastIndexOf('}')));
            case 2 -> {
                byte[] text = json.getBytes(StandardCharsets.UTF_8);
                byte[][] bad = {{(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xED, (byte) 0xB0, (byte) 0x80}};
                return insert(text, random.nextInt(text.length), bad[random.nextInt(bad.length)]);
            }
            case 3 -> {
                int at = random.nextInt(json.length());
                char control = (char) (int) pick(0, 1, 7, 8, 11, 12, 14, 27, 31);
                json = json.substring(0, at) + control + json.substring(at);
            }
            case 4 -> json = json.replace("[ 2, 3, 1 ]", pick("[ 2, 4000000, 1 ]", "[ 2, 0, 1 ]", "[ 2, -3, 1 ]",
                    "[ 2, 3.5, 1 ]", "[ 2 ]", "[ ]", "[ 2, 3, 101 ]", "[ 2, 99999999999, 1 ]", "\"2,3,1\"",
                    "[ 2, 3, 1, 1 ]", "[ 7, 3, 1 ]", "[ " + "1, ".repeat(20_000) + "1 ]"));
            case 5 -> {
                String key = pick("format", "layers", "weights", "biases", "loss", "hidden_activation");
                json = replaceFirst(json, "\"" + key + "\" : ", "\"" + key + "_gone\" : ");
            }
            case 6 -> json = replaceFirst(json, "\"loss\" : ", "\"loss\" : \"mean_squared_error\", \"loss\" : ");
            case 7 -> json = json.stripTrailing() + pick("}", " {}", "x", "[", " 1", "\"", "\u0000");
            case 8 -> json = json.replace("\"boundary-lab-model/1\"", "\"" + pick("boundary-lab-model/2", "",
                    "\\u0007".repeat(1 + random.nextInt(3000)), "x".repeat(1 + random.nextInt(5000))) + "\"");
            case 9 -> {
                int depth = 65 + random.nextInt(5000);
                json = replaceFirst(json, "\\{", "{\"deep\": " + "[".repeat(depth) + "]".repeat(depth) + ", ");
            }
            case 10 -> json = replaceFirst(json, "\\{", "{\"note\": \"" + "n".repeat(1_000_001 + random.nextInt(1000)) + "\", ");
            default -> json = json.replace("\"tanh\"", "\"" + pick("tanhh", "softmax", "", randomText(2000)
                    .replace("\\", "/").replace("\"", "'"), "Tan\\u0000h") + "\"");
        }
        assertFalse(json.equals(validModel), "model mutation " + kind + " did not apply");
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private int nthNumberInWeights(String json) {
        int start = json.indexOf("\"weights\"");
        int end = json.indexOf("\"biases\"");
        List<Integer> starts = new ArrayList<>();
        for (int i = start; i < end; i++) {
            char ch = json.charAt(i);
            char before = json.charAt(i - 1);
            if ((ch == '-' || Character.isDigit(ch)) && (before == ' ' || before == '[')) {
                starts.add(i);
            }
        }
        return starts.get(random.nextInt(starts.size()));
    }

    // ---------------------------------------------------------------- lesson files

    @Test
    void badLessonFiles() throws Exception {
        int kinds = 10;
        for (int c = 0; c < kinds * CASES_PER_KIND; c++) {
            int kind = c % kinds;
            Path bad = dir.resolve("lesson" + c + ".json");
            Files.write(bad, badLesson(kind));
            String what = "lesson case " + c + " (kind " + kind + ")";
            String message = null;
            try {
                LessonFiles.read(bad);
                fail(what + ": a bad lesson was accepted: " + Excerpt.of(Files.readString(bad), 150));
            } catch (LessonFormatException e) {
                message = e.getMessage();
            } catch (IOException e) {
                message = e.getMessage();
            }
            // lesson messages are shown in the window, not a terminal: the same rules, a longer line allowed
            assertOneCleanLine(what, message, 300);
            assertTrue(message.startsWith(bad + ":"), what + ": names the file: " + message);
            Files.delete(bad);
        }
    }

    private byte[] badLesson(int kind) {
        String json = validLesson;
        switch (kind) {
            case 0 -> json = json.substring(0, random.nextInt(json.lastIndexOf('}')));
            case 1 -> {
                byte[] text = json.getBytes(StandardCharsets.UTF_8);
                return insert(text, random.nextInt(text.length), new byte[] {(byte) (int) pick(0x80, 0xFF, 0xC3, 0xF8)});
            }
            case 2 -> {
                int at = random.nextInt(json.length());
                json = json.substring(0, at) + (char) (int) pick(0, 1, 7, 27, 31) + json.substring(at);
            }
            case 3 -> json = replaceFirst(json, "\"learning_rate\" : [^,\\n]+", "\"learning_rate\" : "
                    + pick("\"fast\"", "-1", "1e400", "NaN", "0", "1000", "[0.5]", digits(900)));
            case 4 -> {
                StringBuilder widths = new StringBuilder();
                int n = 101 + random.nextInt(200_000);
                for (int w = 0; w < n; w++) {
                    widths.append(w == 0 ? "" : ",").append(1 + w % 1000);
                }
                json = replaceFirst(json, "\\{", "{\"sweep_widths\": [" + widths + "], ");
            }
            case 5 -> json = replaceFirst(json, "\\{", "{\"expect\": {\"min_train_accuracy\": 0.9, \"max_train_accuracy\": "
                    + (0.89 * random.nextDouble()) + "}, ");
            case 6 -> json = replaceFirst(json, "\"id\" : \"[^\"]*\"", "\"id\" : \"" + pick("Bad Id", "",
                    "x".repeat(65 + random.nextInt(5000)), "a\\u0000b", "\\u202eevil") + "\"");
            case 7 -> json = replaceFirst(json, "\"hidden_activation\" : \"[^\"]*\"", "\"hidden_activation\" : \""
                    + pick("swish", "\\u001b[31m" + "r".repeat(3000), "") + "\"");
            case 8 -> {
                int depth = 33 + random.nextInt(3000);
                json = replaceFirst(json, "\\{", "{\"deep\": " + "[".repeat(depth) + "]".repeat(depth) + ", ");
            }
            default -> json = json.stripTrailing() + pick("}", "x", " []", "\u0000");
        }
        assertFalse(json.equals(validLesson), "lesson mutation " + kind + " did not apply");
        return json.getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- arguments

    @Test
    void badArguments() throws Exception {
        String o = out.toString();
        String d = data.toString();
        String t = test.toString();
        String m = model.toString();
        for (int c = 0; c < 16 * CASES_PER_KIND; c++) {
            int kind = c % 16;
            String option;
            String[] args;
            switch (kind) {
                case 0 -> {
                    option = "--layers";
                    args = new String[] {"init", option, pick("", ",", "2,,1", "2,x,1", "0,1", "2,-1,1", "2",
                            "2,99999999999,1", "2,4400,4400,1", "2,3,101", "_,3,1x", "2," + evil() + ",1",
                            "2," + "1,".repeat(10_000) + "1"), "--out", o};
                }
                case 1 -> {
                    option = "--samples";
                    args = new String[] {"datasets", "--kind", "moons", option, pick("-5", "0", "1", "1000001",
                            "1e9", "abc", "", evil()), "--out", o};
                }
                case 2 -> {
                    option = "--noise";
                    args = new String[] {"datasets", "--kind", "moons", option, pick("-1", "NaN", "Infinity", "1e308",
                            "1000.5", "x", evil()), "--out", o};
                }
                case 3 -> {
                    option = "--test-ratio";
                    args = new String[] {"datasets", "--kind", "moons", "--samples", "20", option,
                            pick("0", "1", "-0.5", "1e-9", "NaN", "2", "0.01", evil()), "--out", o,
                            "--test-out", dir.resolve("test-part.csv").toString()};
                }
                case 4 -> {
                    option = "--kind";
                    args = new String[] {"datasets", option, pick("moonz", "", "MOONS!", "xor2", evil()), "--out", o};
                }
                case 5 -> {
                    option = "--epochs";
                    args = trainArgs(m, d, o, option, pick("0", "-1", "x", "99999999999", "1.5", evil()));
                }
                case 6 -> {
                    option = "--learning-rate";
                    args = trainArgs(m, d, o, option, pick("0", "-1", "NaN", "Infinity", "1e309", "x", evil()));
                }
                case 7 -> {
                    option = "--batch-size";
                    args = trainArgs(m, d, o, option, pick("0", "-3", "x", "1e3"));
                }
                case 8 -> {
                    option = "--log-every";
                    args = trainArgs(m, d, o, option, pick("0", "-1", "x"));
                }
                case 9 -> {
                    option = pick("--l2", "--l1");
                    args = trainArgs(m, d, o, option, pick("-1", "NaN", "Infinity", "y"));
                }
                case 10 -> {
                    option = "--optimizer";
                    args = trainArgs(m, d, o, option, pick("sgdd", "", evil()));
                }
                case 11 -> {
                    option = "--hidden";
                    args = sweepArgs(d, t, o, option, pick("0", "1001", "1,,2", "x", "1.5", "1,1",
                            "1,".repeat(100 + random.nextInt(900)) + "1", evil()));
                }
                case 12 -> {
                    option = "--seeds";
                    args = sweepArgs(d, t, o, "--hidden", "2", option, pick("0", "101", "-1", "x"));
                }
                case 13 -> {
                    option = "--threads";
                    args = sweepArgs(d, t, o, "--hidden", "2", option, pick("0", "257", "-2"));
                }
                case 14 -> {
                    option = "--hidden-activation";
                    args = sweepArgs(d, t, o, "--hidden", "2", option, pick("softmax", "relu6", evil()));
                }
                default -> {
                    option = "--b" + "o".repeat(1 + random.nextInt(3000)) + "gus";
                    args = pick(trainArgs(m, d, o, option), sweepArgs(d, t, o, "--hidden", "2", option),
                            new String[] {"evaluate", "--model", m, "--data", d, option},
                            new String[] {"datasets", "--kind", "xor", "--out", o, option},
                            new String[] {"init", "--layers", "2,1", "--out", o, option});
                }
            }
            refused("argument case " + c + " (" + Excerpt.of(String.join(" ", args), 80) + ")", args,
                    option.length() > 60 ? option.substring(0, 40) : option);
        }
    }

    private String[] trainArgs(String m, String d, String o, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--model", m, "--data", d, "--out", o));
        if (!Arrays.asList(extra).contains("--epochs")) {
            a.addAll(List.of("--epochs", "2"));
        }
        if (!Arrays.asList(extra).contains("--learning-rate")) {
            a.addAll(List.of("--learning-rate", "0.1"));
        }
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private String[] sweepArgs(String d, String t, String o, String... extra) {
        List<String> a = new ArrayList<>(List.of("sweep", "--data", d, "--test", t, "--out", o, "--epochs", "2",
                "--learning-rate", "0.1", "--quiet"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    // ---------------------------------------------------------------- the contract

    private void refused(String what, String[] args, String named) throws IOException {
        FolderState before = FolderState.of(dir);
        CliRun run = CliRun.of(args);
        assertEquals(2, run.status(), what + ": exit status; stderr: " + Excerpt.line(run.err(), 300));
        assertEquals("", run.out(), what + ": nothing on standard output");
        assertTrue(run.err().startsWith("error: ") && run.err().endsWith("\n"), what + ": " + run.err());
        assertOneCleanLine(what, run.err().substring(0, run.err().length() - 1), 200);
        assertTrue(run.err().contains(named), what + ": should name " + Excerpt.of(named, 80) + ": " + run.err());
        assertEquals(before, FolderState.of(dir), what + ": no output created or changed");
    }

    private static void assertOneCleanLine(String what, String line, int max) {
        assertFalse(line.contains("\n") || line.contains("\r"), what + ": one line: " + Excerpt.line(line, 300));
        assertTrue(line.length() <= max, what + ": " + line.length() + " characters: " + line);
        assertTrue(line.codePoints().noneMatch(Excerpt::unsafe), what + ": control characters: " + Excerpt.of(line, 300));
        for (String internal : List.of("Exception", "at org.", "at com.", "[Source", "StreamRead", "JsonToken")) {
            assertFalse(line.contains(internal), what + ": '" + internal + "' in " + line);
        }
    }

    // ---------------------------------------------------------------- helpers

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String nasty() {
        return NASTY[random.nextInt(NASTY.length)];
    }

    private String evil() {
        return nasty() + randomText(random.nextInt(3000)) + nasty();
    }

    private String digits(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('0' + (i == 0 ? 1 + random.nextInt(9) : random.nextInt(10)));
        }
        return new String(c);
    }

    /** Printable ASCII with control characters mixed in, no line ends. */
    private String randomText(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(20) == 0 ? (char) random.nextInt(9) : (char) (' ' + random.nextInt(95)));
        }
        return s.toString();
    }

    /** String.replaceFirst with the replacement taken literally (backslashes and dollars included). */
    private static String replaceFirst(String text, String regex, String replacement) {
        return text.replaceFirst(regex, java.util.regex.Matcher.quoteReplacement(replacement));
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    private static byte[] insert(byte[] text, int at, byte[] piece) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(text.length + piece.length);
        b.write(text, 0, at);
        b.write(piece, 0, piece.length);
        b.write(text, at, text.length - at);
        return b.toByteArray();
    }
}
