package org.boundarylab.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaveTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultLocationIsInTheHomeFolderUnlessOverridden() {
        String before = System.getProperty(Autosave.LOCATION_PROPERTY);
        try {
            System.clearProperty(Autosave.LOCATION_PROPERTY);
            assertEquals(Path.of(System.getProperty("user.home"), ".boundary-lab", "autosave.blab"),
                    Autosave.defaultLocation());
            System.setProperty(Autosave.LOCATION_PROPERTY, dir.resolve("mine.blab").toString());
            assertEquals(dir.resolve("mine.blab"), Autosave.atDefaultLocation().location());
        } finally {
            if (before == null) {
                System.clearProperty(Autosave.LOCATION_PROPERTY);
            } else {
                System.setProperty(Autosave.LOCATION_PROPERTY, before);
            }
        }
    }

    @Test
    void savedOnExitFoundAndRestoredOnTheNextStart() throws Exception {
        Autosave autosave = new Autosave(dir.resolve("folder-made-on-save").resolve("autosave.blab"));
        assertEquals(Optional.empty(), autosave.found());
        assertEquals(Optional.empty(), autosave.load());
        Workspace w = WorkspaceFilesTest.workspace(3, 25);
        autosave.save(w);
        assertTrue(autosave.found().isPresent());
        Workspace back = autosave.load().orElseThrow();
        assertEquals(25, back.epoch());
        assertEquals(0.0, w.network().maxAbsDifference(back.network()));
        autosave.discard();
        assertFalse(autosave.found().isPresent());
    }

    @Test
    void aDamagedAutosaveSaysSoInsteadOfRestoringHalf() throws Exception {
        Autosave autosave = new Autosave(dir.resolve("autosave.blab"));
        Files.writeString(autosave.location(), "{\"format\": \"boundary-lab-workspace/1\", \"settings\": {}");
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class, autosave::load);
        assertTrue(e.getMessage().startsWith(autosave.location() + ": not valid JSON"), e.getMessage());
    }

    @Test
    void leftoversOfKilledSavesAreRemovedButRecentOnesKept() throws Exception {
        Autosave autosave = new Autosave(dir.resolve("autosave.blab"));
        Path old = Files.writeString(dir.resolve(".autosave.blab.123.tmp"), "half");
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path recent = Files.writeString(dir.resolve(".autosave.blab.456.tmp"), "in progress");
        Path other = Files.writeString(dir.resolve(".other.blab.1.tmp"), "not ours");
        Files.setLastModifiedTime(other, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        assertEquals(1, autosave.removeLeftovers());
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent));
        assertTrue(Files.exists(other));
    }
}
