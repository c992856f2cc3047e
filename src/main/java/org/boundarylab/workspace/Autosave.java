package org.boundarylab.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * The workspace kept on exit and offered back on the next start. The file lives at
 * {@code ~/.boundary-lab/autosave.blab}, or wherever the system property
 * {@value #LOCATION_PROPERTY} points (tests, portable installs).
 *
 * <p>Use: on start, {@link #found()} says whether there is something to offer (and how old it
 * is); {@link #load()} reads it, {@link #discard()} drops it once restored or declined. On exit,
 * {@link #save(Workspace)}.
 */
public final class Autosave {
    public static final String LOCATION_PROPERTY = "boundarylab.autosave";

    private final Path location;

    public Autosave(Path location) {
        if (location == null) {
            throw new IllegalArgumentException("autosave location must be given");
        }
        this.location = location;
    }

    /** The location from the system property, else {@code ~/.boundary-lab/autosave.blab}. */
    public static Path defaultLocation() {
        String override = System.getProperty(LOCATION_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".boundary-lab", "autosave" + WorkspaceFiles.EXTENSION);
    }

    public static Autosave atDefaultLocation() {
        return new Autosave(defaultLocation());
    }

    public Path location() {
        return location;
    }

    /** When the autosave was written, if there is one to offer. */
    public Optional<FileTime> found() {
        try {
            return Files.isRegularFile(location) ? Optional.of(Files.getLastModifiedTime(location)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The autosaved workspace, or empty when there is none. A damaged file throws with its reason. */
    public Optional<Workspace> load() throws WorkspaceFormatException, IOException {
        if (!Files.isRegularFile(location)) {
            return Optional.empty();
        }
        return Optional.of(WorkspaceFiles.read(location));
    }

    /** The autosaved workspace with what had to be left out of it (see {@link WorkspaceFiles#open}). */
    public Optional<WorkspaceFiles.Opened> open() throws WorkspaceFormatException, IOException {
        if (!Files.isRegularFile(location)) {
            return Optional.empty();
        }
        return Optional.of(WorkspaceFiles.open(location));
    }

    /** Writes the workspace atomically, creating the folder when needed. */
    public void save(Workspace workspace) throws IOException {
        Path parent = location.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        WorkspaceFiles.write(location, workspace);
    }

    /**
     * Deletes temporary files that saves killed midway left beside the autosave (the autosave
     * itself is never touched). Only files older than a minute go, so a save running in another
     * instance keeps its own.
     */
    public int removeLeftovers() {
        Path dir = location.toAbsolutePath().getParent();
        String prefix = "." + location.getFileName() + ".";
        int removed = 0;
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        long cutoff = System.currentTimeMillis() - 60_000;
        try (var listing = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path p : listing) {
                if (Files.getLastModifiedTime(p).toMillis() < cutoff && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            // leftovers only cost disk space; failing to remove them must not stop the start
        }
        return removed;
    }

    /** Removes the autosave (after it was restored or declined). */
    public void discard() throws IOException {
        Files.deleteIfExists(location);
    }
}
