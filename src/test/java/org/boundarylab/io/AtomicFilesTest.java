package org.boundarylab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesANewFileAndReplacesAnOldOne() throws Exception {
        Path file = dir.resolve("a.txt");
        AtomicFiles.writeString(file, "first");
        assertEquals("first", Files.readString(file));
        AtomicFiles.writeString(file, "second, longer");
        assertEquals("second, longer", Files.readString(file));
        assertEquals(List.of(file), list());
    }

    @Test
    void aWriterThatFailsMidwayLeavesTheOldFileIntact() throws Exception {
        Path file = dir.resolve("model.json");
        AtomicFiles.writeString(file, "old content");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half of the new cont".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals(file + ": disk full", e.getMessage(), "the message names the target, not the temporary file");
        assertEquals("old content", Files.readString(file));
        assertEquals(List.of(file), list(), "the temporary file is removed");
    }

    @Test
    void aRuntimeFailureMidwayAlsoLeavesNoTrace() throws Exception {
        Path file = dir.resolve("new.json");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of(), list(), "neither target nor temporary file exists");
    }

    @Test
    void aMissingFolderIsReported() {
        Path file = dir.resolve("no/such/folder/m.json");
        assertThrows(NoSuchFileException.class, () -> AtomicFiles.writeString(file, "x"));
    }

    @Test
    void newFilesAreReadableByOthersAndReplacedFilesKeepTheirPermissions() throws Exception {
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
        Path fresh = dir.resolve("fresh.json");
        AtomicFiles.writeString(fresh, "x");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));

        Path kept = dir.resolve("kept.json");
        Files.writeString(kept, "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.writeString(kept, "new");
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    }

    @Test
    void aNameOfAnyLegalLengthCanBeSavedAndTheMessagesNameTheTarget() throws Exception {
        Path file = dir.resolve("m".repeat(230) + ".csv");
        AtomicFiles.writeString(file, "long name");
        assertEquals("long name", Files.readString(file));
        Path longest = dir.resolve("é".repeat(127) + "x"); // 255 bytes, the most a Linux name may have
        AtomicFiles.writeString(longest, "longest");
        assertEquals(2, list().size());

        Path tooLong = dir.resolve("n".repeat(300));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(tooLong, "x"));
        assertTrue(e.getMessage().startsWith(tooLong.toString() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
        assertEquals(2, list().size(), "no temporary file left");
    }

    @Test
    void temporaryNamesFollowTheTargetsOwnPattern() {
        assertEquals(".model.json.", AtomicFiles.tempPrefix("model.json"));
        String longName = "a".repeat(230);
        String prefix = AtomicFiles.tempPrefix(longName);
        assertTrue(prefix.length() < 100 && prefix.startsWith("." + "a".repeat(80) + "~"), prefix);
        assertNotEquals(prefix, AtomicFiles.tempPrefix("a".repeat(229) + "b"), "names that share a start differ");
        assertTrue(AtomicFiles.isTempOf("model.json", ".model.json.123456.tmp"));
        assertFalse(AtomicFiles.isTempOf("model.json", ".model.json.old.tmp"));
        assertFalse(AtomicFiles.isTempOf("model.json", ".model.json.bak.123.tmp"));
        assertFalse(AtomicFiles.isTempOf("model.json", ".model.json2.123.tmp"));
        assertFalse(AtomicFiles.isTempOf("a.json", ".b.json.1.tmp"));
    }

    @Test
    void aSaveRemovesOldLeftoversOfKilledSavesOfTheSameFileOnly() throws Exception {
        Path file = dir.resolve("model.json");
        FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Path stale = Files.writeString(dir.resolve(".model.json.123.tmp"), "half");
        Files.setLastModifiedTime(stale, hourAgo);
        Path recent = Files.writeString(dir.resolve(".model.json.456.tmp"), "another save in progress");
        Path otherTarget = Files.writeString(dir.resolve(".other.json.1.tmp"), "not ours");
        Files.setLastModifiedTime(otherTarget, hourAgo);
        Path notATemp = Files.writeString(dir.resolve(".model.json.backup.tmp"), "the user's");
        Files.setLastModifiedTime(notATemp, hourAgo);
        Path similar = Files.writeString(dir.resolve(".model.json2.7.tmp"), "another file's");
        Files.setLastModifiedTime(similar, hourAgo);

        AtomicFiles.writeString(file, "new");
        assertFalse(Files.exists(stale), "the old leftover of this file is removed");
        assertTrue(Files.exists(recent) && Files.exists(otherTarget) && Files.exists(notATemp) && Files.exists(similar));

        // a failed save removes nothing but its own temporary file
        Path stale2 = Files.writeString(dir.resolve(".model.json.789.tmp"), "half");
        Files.setLastModifiedTime(stale2, hourAgo);
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            throw new IOException("No space left on device");
        }));
        assertTrue(Files.exists(stale2));
        assertEquals("new", Files.readString(file));
    }

    @Test
    void aBatchMovesAllFilesIntoPlaceOrNone() throws Exception {
        Path a = dir.resolve("train.csv");
        Path b = dir.resolve("test.csv");
        Files.writeString(a, "old a");
        IOException e;
        try (AtomicFiles.Batch batch = AtomicFiles.batch()) {
            batch.add(a, out -> out.write("new a".getBytes(StandardCharsets.UTF_8)));
            e = assertThrows(IOException.class, () -> batch.add(b, out -> {
                out.write("half".getBytes(StandardCharsets.UTF_8));
                throw new IOException("No space left on device");
            }));
        }
        assertEquals(b + ": No space left on device", e.getMessage());
        assertEquals("old a", Files.readString(a), "the first file was written but never moved into place");
        assertEquals(List.of(a), list(), "no temporary files, no second file");

        try (AtomicFiles.Batch batch = AtomicFiles.batch()) {
            batch.add(a, out -> out.write("new a".getBytes(StandardCharsets.UTF_8)));
            batch.add(b, out -> out.write("new b".getBytes(StandardCharsets.UTF_8)));
            assertEquals("old a", Files.readString(a), "nothing moves before commit");
            batch.commit();
        }
        assertEquals("new a", Files.readString(a));
        assertEquals("new b", Files.readString(b));
        assertEquals(List.of(b, a), list());
    }

    @Test
    void aBatchLeftWithoutCommitChangesNothing() throws Exception {
        Path a = dir.resolve("a.csv");
        try (AtomicFiles.Batch batch = AtomicFiles.batch()) {
            batch.add(a, out -> out.write(1));
        }
        assertEquals(List.of(), list());
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws Exception {
        Path realDir = Files.createDirectory(dir.resolve("real"));
        Path real = Files.writeString(realDir.resolve("model.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real", "model.json"));
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link), "still a link");
        assertEquals(Path.of("real", "model.json"), Files.readSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        try (var s = Files.list(realDir)) {
            assertEquals(List.of(real), s.toList(), "the temporary file was made beside the real file");
        }

        // a link to a file that does not exist yet creates that file
        Path dangling = Files.createSymbolicLink(dir.resolve("later.json"), realDir.resolve("later.json"));
        AtomicFiles.writeString(dangling, "created");
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("created", Files.readString(realDir.resolve("later.json")));
    }

    @Test
    void aDeviceIsWrittenIntoNeverReplaced() throws Exception {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
        AtomicFiles.writeString(devNull, "into the void");
        assertFalse(Files.isRegularFile(devNull), "/dev/null is still a device");
        assertEquals(0, Files.size(devNull));

        Path devFull = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(devFull) && !Files.isRegularFile(devFull));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(devFull, "x".repeat(100_000)));
        assertTrue(e.getMessage().startsWith("/dev/full: "), e.getMessage());
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("space"), e.getMessage());
        assertFalse(Files.isRegularFile(devFull));
    }

    @Test
    void aNamedPipeIsWrittenIntoNeverReplaced() throws Exception {
        Path fifo = dir.resolve("pipe");
        Assumptions.assumeTrue(mkfifo(fifo));
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        AtomicFiles.writeString(fifo, "through the pipe");
        assertEquals("through the pipe", reader.get(10, TimeUnit.SECONDS));
        assertFalse(Files.isRegularFile(fifo), "still a pipe");
        assertEquals(List.of(fifo), list());
    }

    @Test
    void aFolderIsRefusedByName() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(folder, "x"));
        assertEquals(folder + ": is a folder, not a file", e.getMessage());
    }

    static boolean mkfifo(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<Path> list() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
