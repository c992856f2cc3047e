package org.boundarylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CliTest {
    @Test
    void versionComesFromTheBuild() {
        CliRun run = CliRun.of("--version").ok();
        // under Maven the filtered version.properties gives the project's version
        assertTrue(run.out().strip().matches("boundary-lab \\d+\\.\\d+\\.\\d+.*"), run.out());
        assertEquals("boundary-lab " + VersionProvider.version(), run.out().strip());
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help").ok();
        for (String command : new String[] {"init", "datasets", "train", "evaluate", "help"}) {
            assertTrue(run.out().contains(command), run.out());
        }
        CliRun train = CliRun.of("train", "--help").ok();
        assertTrue(train.out().contains("--learning-rate"), train.out());
        CliRun viaHelp = CliRun.of("help", "init").ok();
        assertTrue(viaHelp.out().contains("--layers"), viaHelp.out());
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun.of().refused("no command given", "train", "see 'boundary-lab --help'");
    }

    @Test
    void unknownCommandsAndOptionsAreOneLine() {
        CliRun.of("trian").refused("trian");
        CliRun.of("init", "--layers", "2,1", "--out", "x.json", "--sed", "3").refused("--sed", "--seed");
    }
}
