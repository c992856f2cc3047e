package org.boundarylab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every entry of a folder with a digest of its content, to show that a refused command wrote nothing. */
record FolderState(Map<String, String> entries) {

    static FolderState of(Path dir) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String what;
                if (Files.isSymbolicLink(p)) {
                    what = "link to " + Files.readSymbolicLink(p);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    what = digest(Files.readAllBytes(p));
                } else {
                    what = Files.isDirectory(p) ? "folder" : "special";
                }
                entries.put(p.getFileName().toString(), what);
            }
        }
        return new FolderState(entries);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
