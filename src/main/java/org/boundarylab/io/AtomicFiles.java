package org.boundarylab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Writes files so that a reader (or a crash) sees either the old file or the complete new one,
 * never half of either: the bytes go to a temporary file in the target's own folder (so the
 * final rename stays on one file system), are forced to disk, and the temporary file is then
 * renamed over the target.
 *
 * <p>What the target is decides how it is written:
 * <ul>
 * <li>a regular file, or nothing yet: written atomically as above. The temporary file is named
 *     {@code .NAME.<digits>.tmp} ({@link #tempPrefix}: a name too long to leave room for the
 *     rest is cut and followed by a hash of the whole name, so every legal target name works);</li>
 * <li>a symbolic link: followed (to its end, also when that does not exist yet), and the file it
 *     points to is written atomically in its own folder; the link stays a link pointing where it
 *     pointed;</li>
 * <li>a character device or a named pipe ({@code /dev/null}, {@code /dev/stdout}, a FIFO): written
 *     into directly, never replaced (a rename would put a regular file in its place);</li>
 * <li>a folder, a block device or a socket: refused.</li>
 * </ul>
 *
 * <p>Several files that belong together (a model and its loss log, a training and a test set)
 * go through a {@link Batch}: each is written to its temporary file first, and only when all
 * were written completely are they moved into place; if any fails, every temporary file is
 * deleted and no target changes.
 *
 * <p>After a successful save, temporary files of that same target that a killed save left
 * behind are deleted: only names of the target's own pattern, last modified more than
 * {@link #STALE_AFTER_MILLIS} ms before this save began (a save running in another process
 * keeps its own).
 *
 * <p>Every IOException thrown names the target as the caller gave it (never the temporary file),
 * e.g. {@code out.csv: No space left on device}.
 */
public final class AtomicFiles {
    /** A temporary file untouched this long before a save of its target began is a leftover. */
    public static final long STALE_AFTER_MILLIS = 60_000;
    /** Names up to this many UTF-8 bytes appear whole in their temporary file's name. */
    static final int MAX_NAME_IN_TEMP = 100;
    /** How much of a longer name is kept, before the hash. */
    private static final int KEPT_OF_LONG_NAME = 80;
    private static final int MAX_LINKS = 40;

    /** Produces the file's content; may throw halfway, in which case the target is left as it was. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, ContentWriter content) throws IOException {
        try (Batch batch = batch()) {
            batch.add(target, content);
            batch.commit();
        }
    }

    /** A new, empty set of files to be written together. */
    public static Batch batch() {
        return new Batch();
    }

    /**
     * Files written all or nothing: {@link #add} writes each to its temporary file at once (so a
     * full disk shows up there), {@link #commit} moves them all into place, {@link #close} deletes
     * what was not committed. Use with try-with-resources:
     * <pre>
     * try (AtomicFiles.Batch b = AtomicFiles.batch()) {
     *     b.add(model, out -> ...);
     *     b.add(log, out -> ...);
     *     b.commit();
     * }
     * </pre>
     * Targets that are devices or pipes are written at commit, before any file is moved, so a
     * failure there also leaves every file as it was. Only a failing rename (which needs no
     * space) could leave some targets new and others old.
     */
    public static final class Batch implements AutoCloseable {
        private final List<Staged> staged = new ArrayList<>();
        private final long began = System.currentTimeMillis();
        private boolean done;

        private Batch() {
        }

        /** Writes {@code content} for {@code target} to a temporary file (or keeps it for commit, for a device). */
        public Batch add(Path target, ContentWriter content) throws IOException {
            if (done) {
                throw new IllegalStateException("this batch was already committed or closed");
            }
            Target t = Target.of(target);
            for (Staged s : staged) {
                if (s.target.file.equals(t.file)) {
                    throw new IllegalArgumentException(target + " and " + s.target.given
                            + " are the same file; a batch writes each file once");
                }
            }
            if (t.direct) {
                staged.add(new Staged(t, null, content));
                return this;
            }
            Path temp;
            try {
                temp = Files.createTempFile(t.file.getParent(), tempPrefix(t.file.getFileName().toString()), ".tmp");
            } catch (IOException e) {
                throw named(e, t);
            }
            Staged s = new Staged(t, temp, null);
            staged.add(s);
            try {
                givePermissions(temp, t.file);
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    OutputStream out = Channels.newOutputStream(channel);
                    content.writeTo(out);
                    out.flush();
                    channel.force(true);
                }
            } catch (IOException e) {
                throw named(e, t);
            }
            return this;
        }

        /** Writes the devices, then moves every temporary file over its target. */
        public void commit() throws IOException {
            if (done) {
                throw new IllegalStateException("this batch was already committed or closed");
            }
            for (Staged s : staged) {
                if (s.target.direct) {
                    try (OutputStream out = Files.newOutputStream(s.target.file, StandardOpenOption.WRITE)) {
                        s.content.writeTo(out);
                        out.flush();
                    } catch (IOException e) {
                        throw named(e, s.target);
                    }
                }
            }
            for (Staged s : staged) {
                if (!s.target.direct) {
                    try {
                        try {
                            Files.move(s.temp, s.target.file, StandardCopyOption.ATOMIC_MOVE);
                        } catch (AtomicMoveNotSupportedException e) {
                            // some file systems cannot rename atomically; a plain replace is the best left
                            Files.move(s.temp, s.target.file, StandardCopyOption.REPLACE_EXISTING);
                        }
                    } catch (IOException e) {
                        throw named(e, s.target);
                    }
                    s.moved = true;
                    forceDirectory(s.target.file.getParent());
                }
            }
            done = true;
            for (Staged s : staged) {
                if (!s.target.direct) {
                    removeLeftovers(s.target.file, began - STALE_AFTER_MILLIS);
                }
            }
        }

        /** Deletes the temporary files of a batch that was not committed (or failed while committing). */
        @Override
        public void close() throws IOException {
            done = true;
            IOException first = null;
            for (Staged s : staged) {
                if (s.temp != null && !s.moved) {
                    try {
                        Files.deleteIfExists(s.temp);
                    } catch (IOException e) {
                        if (first == null) {
                            first = named(e, s.target);
                        }
                    }
                }
            }
            staged.clear();
            if (first != null) {
                throw first;
            }
        }
    }

    private static final class Staged {
        final Target target;
        final Path temp;
        final ContentWriter content;
        boolean moved;

        Staged(Target target, Path temp, ContentWriter content) {
            this.target = target;
            this.temp = temp;
            this.content = content;
        }
    }

    /** Where the bytes for a target go: the file at the end of its links, and whether it is written in place. */
    private record Target(Path given, Path file, boolean direct) {

        static Target of(Path given) throws IOException {
            Path file = given.toAbsolutePath();
            for (int hops = 0; Files.isSymbolicLink(file); hops++) {
                if (hops == MAX_LINKS) {
                    throw new FileSystemException(given.toString(), null, "too many levels of symbolic links");
                }
                Path link;
                try {
                    link = Files.readSymbolicLink(file);
                } catch (IOException e) {
                    throw named(e, given);
                }
                if (file.startsWith("/proc") || link.startsWith("/proc")) {
                    // /dev/stdout and friends: a descriptor of this process, which only the kernel can
                    // follow (to a pipe, a terminal or a file the shell opened); write through it in place
                    return inPlace(given);
                }
                file = file.getParent().resolve(link);
            }
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                Path dir = file.getParent();
                if (dir == null || !Files.isDirectory(dir)) {
                    throw new NoSuchFileException(given.toString(), null,
                            "the folder " + (dir == null ? "" : dir) + " does not exist");
                }
                return new Target(given, file, false);
            } catch (IOException e) {
                throw named(e, given);
            }
            if (attributes.isDirectory()) {
                throw new FileSystemException(given.toString(), null, "is a folder, not a file");
            }
            if (attributes.isRegularFile()) {
                return new Target(given, file, false);
            }
            String kind = specialKind(file);
            if (kind != null) {
                throw new FileSystemException(given.toString(), null, "is a " + kind + "; refusing to write into it");
            }
            return new Target(given, file, true);
        }

        private static Target inPlace(Path given) throws IOException {
            Path path = given.toAbsolutePath();
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (IOException e) {
                throw named(e, given);
            }
            if (attributes.isDirectory()) {
                throw new FileSystemException(given.toString(), null, "is a folder, not a file");
            }
            return new Target(given, path, true);
        }

        /** Null for a character device or a pipe (written in place), otherwise what the file is. */
        private static String specialKind(Path file) {
            int mode;
            try {
                mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            } catch (IOException | RuntimeException e) {
                return null; // not a Unix file system: a non-regular file can only be written in place
            }
            return switch (mode & 0170000) {
                case 0060000 -> "block device";
                case 0140000 -> "socket";
                default -> null;
            };
        }
    }

    /**
     * The start of the temporary file names of a target named {@code name}: {@code ".NAME."}, or
     * for a name of more than {@value #MAX_NAME_IN_TEMP} UTF-8 bytes, its first 80 bytes, {@code '~'}
     * and 12 hex digits of the name's SHA-256, so the temporary name stays within 255 bytes.
     */
    public static String tempPrefix(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_NAME_IN_TEMP) {
            return "." + name + ".";
        }
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > KEPT_OF_LONG_NAME) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "." + kept + "~" + HexFormat.of().formatHex(hash, 0, 6) + ".";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whether {@code fileName} is a temporary file of a save of a target named {@code targetName}. */
    public static boolean isTempOf(String targetName, String fileName) {
        String prefix = tempPrefix(targetName);
        if (!fileName.startsWith(prefix) || !fileName.endsWith(".tmp")) {
            return false;
        }
        String middle = fileName.substring(prefix.length(), fileName.length() - 4);
        return !middle.isEmpty() && middle.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Deletes the target's own temporary files last modified before {@code cutoffMillis}; best effort. */
    private static void removeLeftovers(Path target, long cutoffMillis) {
        Path dir = target.getParent();
        String name = target.getFileName().toString();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir,
                p -> isTempOf(name, p.getFileName().toString()))) {
            for (Path p : listing) {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile() && a.lastModifiedTime().toMillis() < cutoffMillis) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // another save may have just renamed or removed it
                }
            }
        } catch (IOException | RuntimeException e) {
            // leftovers only cost disk space; the save itself succeeded
        }
    }

    /**
     * Temporary files are created private (rw-------); the saved file should instead keep the
     * permissions of the file it replaces, or get the usual rw-r--r-- when it is new.
     */
    private static void givePermissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    /** Makes the rename itself durable where the platform allows opening a folder (not on Windows). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the new content is already safely on disk; only the rename's durability is best effort
        }
    }

    private static IOException named(IOException e, Target t) {
        return named(e, t.given);
    }

    /**
     * The same failure, reported against {@code target} as the caller named it: a message such as
     * "No space left on device" gets the file's name in front, and a temporary file's name never
     * shows. The original exception stays attached as the cause.
     */
    static IOException named(IOException e, Path target) {
        String name = target.toString();
        if (e instanceof FileSystemException f && name.equals(f.getFile()) && f.getOtherFile() == null) {
            return e;
        }
        String reason = reason(e);
        IOException n;
        if (e instanceof NoSuchFileException) {
            n = new NoSuchFileException(name, null, reason);
        } else if (e instanceof AccessDeniedException) {
            n = new AccessDeniedException(name, null, reason);
        } else if (e instanceof NotDirectoryException) {
            n = new FileSystemException(name, null, "a folder on the way is not a folder");
        } else if (e instanceof FileAlreadyExistsException) {
            n = new FileSystemException(name, null, "a file of that name appeared while saving");
        } else {
            n = new FileSystemException(name, null, reason);
        }
        n.initCause(e);
        return n;
    }

    /** What went wrong, without file names: the innermost message, e.g. "No space left on device". */
    private static String reason(IOException e) {
        Throwable deepest = e;
        for (Throwable c = e.getCause(); c != null && c != deepest; c = c.getCause()) {
            if (c instanceof IOException && c.getMessage() != null) {
                deepest = c;
            }
        }
        String reason = deepest instanceof FileSystemException f ? f.getReason() : deepest.getMessage();
        if (reason == null || reason.isBlank()) {
            return deepest instanceof NoSuchFileException ? "no such file or folder"
                    : deepest instanceof AccessDeniedException ? "permission denied" : "could not be written";
        }
        return reason;
    }
}
