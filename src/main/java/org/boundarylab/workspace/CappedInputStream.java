package org.boundarylab.workspace;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most a given number of bytes and then fails, naming the file: a device or a pipe
 * has no size to check up front, and {@code /dev/zero} never ends.
 */
final class CappedInputStream extends FilterInputStream {
    private final long cap;
    private final String name;
    private long read;

    CappedInputStream(InputStream in, long cap, String name) {
        super(in);
        this.cap = cap;
        this.name = name;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) throws IOException {
        read += n;
        if (read > cap) {
            throw new TooLargeException(name + ": more than " + String.format(java.util.Locale.ROOT, "%,.0f MB",
                    cap / 1e6) + " of text, far too large for a workspace file");
        }
    }

    /** The cap was passed. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }
}
