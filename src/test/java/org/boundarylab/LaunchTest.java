package org.boundarylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which starts open the window (and which workspace) and which run a command: decided without a display. */
class LaunchTest {
    private static final Predicate<String> COMMANDS = Main::isCommand;

    private static Launch of(String... args) {
        return Launch.of(List.of(args), COMMANDS);
    }

    @Test
    void noArgumentsOrOnlyTheSmokeTestOpenAnEmptyWindow() {
        assertEquals(new Launch(Launch.Kind.WINDOW, Optional.empty(), false, List.of()), of());
        assertEquals(new Launch(Launch.Kind.WINDOW, Optional.empty(), true, List.of()), of("--smoke-test"));
    }

    @Test
    void aBlabPathOpensThatWorkspaceEvenWhenItIsMissing(@TempDir Path dir) {
        Path file = dir.resolve("Lesson one.blab");
        Launch launch = of(file.toString());
        assertTrue(launch.window());
        assertEquals(Optional.of(file), launch.workspace(), "a missing file gets File > Open's message, in the window");
        assertFalse(launch.smokeTest());
        Path upper = dir.resolve("UPPER.BLAB");
        assertEquals(Optional.of(upper), of(upper.toString()).workspace(), "the extension in any case");
    }

    @Test
    void aRelativePathIsMadeAbsolute() {
        Launch launch = of("lab.blab");
        assertEquals(Optional.of(Path.of("lab.blab").toAbsolutePath().normalize()), launch.workspace());
    }

    @Test
    void theSmokeTestMayCarryAWorkspaceOnEitherSide() {
        Path file = Path.of("x.blab").toAbsolutePath();
        for (Launch launch : List.of(of("--smoke-test", "x.blab"), of("x.blab", "--smoke-test"))) {
            assertTrue(launch.window());
            assertTrue(launch.smokeTest());
            assertEquals(Optional.of(file), launch.workspace());
        }
    }

    @Test
    void anExistingWorkspaceUnderAnotherNameIsSniffed(@TempDir Path dir) throws Exception {
        Path renamed = dir.resolve("lab.json");
        Files.writeString(renamed, "{\"format\": \"boundary-lab-workspace/1\", \"settings\": {}}");
        assertEquals(Optional.of(renamed), of(renamed.toString()).workspace());

        Path model = dir.resolve("model.json");
        Files.writeString(model, "{\"format\": \"boundary-lab-model/1\"}");
        assertEquals(Launch.Kind.COMMAND, of(model.toString()).kind(), "not a workspace: picocli says so");
    }

    @Test
    void commandsOptionsAndEveryLongerLineStayTheCommandLine(@TempDir Path dir) throws Exception {
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"--help"}, new String[] {"train"},
                new String[] {"help"}, new String[] {"train", "--model", "a.blab"}, new String[] {"a.blab", "b.blab"},
                new String[] {"--smoke-test", "--smoke-test"}, new String[] {"nonsense"})) {
            Launch launch = of(args);
            assertEquals(Launch.Kind.COMMAND, launch.kind(), String.join(" ", args));
            assertEquals(List.of(args), launch.commandArgs());
        }
        // a command's name wins over a workspace file of that name in the working folder
        assertEquals(Launch.Kind.COMMAND, Launch.of(List.of("sweep"), COMMANDS).kind());
    }

    @Test
    void olderMacOsProcessSerialNumbersAreIgnored() {
        assertTrue(of("-psn_0_12345").window());
        assertEquals(Optional.of(Path.of("a.blab").toAbsolutePath()), of("-psn_0_1", "a.blab").workspace());
    }
}
