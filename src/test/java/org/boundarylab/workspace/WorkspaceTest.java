package org.boundarylab.workspace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.boundarylab.nn.Network;
import org.junit.jupiter.api.Test;

/** What counts as the same lab when the File menu asks about unsaved work. */
class WorkspaceTest {

    @Test
    void aLabIsTheSameAfterAFileRoundTripAndWithAnotherHistory() throws Exception {
        Workspace w = WorkspaceFilesTest.workspace(3, 12);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkspaceFiles.write(bytes, w);
        Workspace read = WorkspaceFiles.read(new ByteArrayInputStream(bytes.toByteArray()), "lab.blab");
        assertTrue(read.sameLabAs(w));
        assertTrue(w.sameLabAs(new Workspace(w.settings(), w.train(), w.test(), w.network().copy(), null, w.epoch())),
                "the loss history is not part of it");
    }

    @Test
    void anyOtherEpochParameterPointOrSettingMakesAnotherLab() {
        Workspace w = WorkspaceFilesTest.workspace(3, 12);
        assertFalse(w.sameLabAs(new Workspace(w.settings(), w.train(), w.test(), w.network(), null, 13)));
        Network nudged = w.network().copy();
        nudged.setWeight(1, 0, 0, Math.nextUp(nudged.weight(1, 0, 0)));
        assertFalse(w.sameLabAs(new Workspace(w.settings(), w.train(), w.test(), nudged, null, w.epoch())));
        Workspace morePoints = WorkspaceFilesTest.workspace(4, 12);
        assertFalse(w.sameLabAs(new Workspace(w.settings(), morePoints.train(), w.test(), w.network(), null, w.epoch())));
        assertFalse(w.sameLabAs(new Workspace(w.settings().withWeightSeed(w.settings().weightSeed() + 1), w.train(), w.test(),
                w.network(), null, w.epoch())));
    }
}
