package org.boundarylab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reading a user's file within bounds: at most so many bytes, whatever the file is (a regular
 * file is refused by its size before a byte is read; a device or a pipe such as {@code /dev/zero}
 * is read with a cap), and checked to be UTF-8 text as it is read, with the line of the first bad
 * byte. Problems the caller can see before reading are refused through its own exception type
 * ({@link Refusal}); failures of the file system are IOExceptions that name the file.
 */
public final class InputFiles {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Makes the caller's exception from a message that already names the file. */
    @FunctionalInterface
    public interface Refusal<E extends Exception> {
        E refuse(String message);
    }

    private InputFiles() {
    }

    /** 3 when the bytes start with a UTF-8 byte order mark (to be skipped), else 0. */
    public static int bomLength(byte[] bytes) {
        return bytes.length >= 3 && Arrays.equals(bytes, 0, 3, BOM, 0, 3) ? 3 : 0;
    }

    /**
     * Opens {@code file} for reading as UTF-8 text of at most {@code maxBytes}: a folder and a
     * regular file larger than that are refused at once; reading past {@code maxBytes} (a device,
     * a pipe, a file that grew) or reaching a byte that is not UTF-8 throws a {@link TextException}
     * whose message names the file (and the line, for a bad byte), ready for the user:
     * {@code data.csv:1501: not UTF-8 text (byte 0xe9), so not a data file}. Line numbers count
     * LF, CRLF and a lone CR as one line end each. The stream hands on every byte as read (a byte
     * order mark included).
     */
    public static <E extends Exception> InputStream open(Path file, long maxBytes, String kind, Refusal<E> refusal)
            throws E, IOException {
        String name = file.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw AtomicFiles.named(e, file);
        }
        if (attributes.isDirectory()) {
            throw new FileSystemException(name, null, "is a folder, not " + kind);
        }
        if (attributes.isRegularFile() && attributes.size() > maxBytes) {
            throw refusal.refuse(name + ": " + size(attributes.size()) + " is too large for " + kind
                    + " (at most " + size(maxBytes) + ")");
        }
        try {
            return new CheckedText(Files.newInputStream(file), file, maxBytes, kind);
        } catch (IOException e) {
            throw AtomicFiles.named(e, file);
        }
    }

    /** Input that is not what it should be (too long, not UTF-8); the message names the file. */
    public static final class TextException extends IOException {
        private static final long serialVersionUID = 1L;

        public TextException(String message) {
            super(message);
        }
    }

    /** Passes bytes on while counting them against the cap and checking them as UTF-8 (RFC 3629). */
    private static final class CheckedText extends InputStream {
        private final InputStream in;
        private final Path file;
        private final long maxBytes;
        private final String kind;
        private long count;
        private int line = 1;
        private boolean afterCr;
        /** Continuation bytes still due, and the range the next one must lie in. */
        private int due;
        private int low = 0x80;
        private int high = 0xBF;
        private int lead;

        CheckedText(InputStream in, Path file, long maxBytes, String kind) {
            this.in = in;
            this.file = file;
            this.maxBytes = maxBytes;
            this.kind = kind;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, (int) Math.min(len, Math.max(1, maxBytes + 1 - count)));
            } catch (IOException e) {
                throw AtomicFiles.named(e, file);
            }
            if (n < 0) {
                if (due > 0) {
                    throw bad(lead, "ends in the middle of a character");
                }
                return n;
            }
            count += n;
            if (count > maxBytes) {
                throw new TextException(file + ": more than " + size(maxBytes) + " of data, too much for " + kind);
            }
            for (int i = off; i < off + n; i++) {
                check(b[i] & 0xff);
            }
            return n;
        }

        private void check(int c) throws TextException {
            if (due > 0) {
                if (c < low || c > high) {
                    throw bad(lead, null); // the character that starts there is not complete
                }
                due--;
                low = 0x80;
                high = 0xBF;
                return;
            }
            if (c == '\n') {
                if (!afterCr) {
                    line++;
                }
                afterCr = false;
                return;
            }
            afterCr = c == '\r';
            if (afterCr) {
                line++;
            }
            if (c < 0x80) {
                return;
            }
            lead = c;
            if (c >= 0xC2 && c <= 0xDF) {
                due = 1;
            } else if (c == 0xE0) {
                due = 2;
                low = 0xA0;
            } else if (c >= 0xE1 && c <= 0xEF) {
                due = 2;
                high = c == 0xED ? 0x9F : 0xBF;
            } else if (c == 0xF0) {
                due = 3;
                low = 0x90;
            } else if (c >= 0xF1 && c <= 0xF3) {
                due = 3;
            } else if (c == 0xF4) {
                due = 3;
                high = 0x8F;
            } else {
                throw bad(c, null);
            }
        }

        private TextException bad(int b, String what) {
            return new TextException(file + ":" + line + ": not UTF-8 text ("
                    + (what != null ? "the file " + what : String.format(Locale.ROOT, "byte 0x%02x", b))
                    + "), so not " + kind);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** "300 MB", "1.5 KB", "17 bytes". */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v))
                + " " + units[u];
    }
}
