package org.boundarylab.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The jpackage commands packaging/build.sh runs on each system, as its {@code --dry-run} prints
 * them (no jar, JDK or jmods needed, so every system's commands are checked on any one): the
 * Windows installer per user without administrator rights, with a Start-menu entry, a shortcut,
 * an upgrade code that never changes and a console launcher beside the windowed one; the macOS
 * bundle's identifier, icon, category and version (never starting with 0); the Linux packages'
 * desktop entry and dependencies; and on all three the {@code .blab} file association.
 */
class InstallerCommandsTest {
    static final String UPGRADE_UUID = "6f1c3a52-2b1e-4c55-9d3e-0a8b5d7e4c21";
    static final String MIME_TYPE = "application/x-boundary-lab";

    /** One printed jpackage command: its options with their values (flags map to ""), in order. */
    record Command(List<String> words) {
        String type() {
            return value("--type");
        }

        String value(String option) {
            List<String> all = values(option);
            assertEquals(1, all.size(), option + " given once in " + words);
            return all.get(0);
        }

        List<String> values(String option) {
            List<String> found = new ArrayList<>();
            for (int i = 1; i < words.size(); i++) {
                if (words.get(i).equals(option)) {
                    boolean flag = i + 1 >= words.size() || words.get(i + 1).startsWith("--");
                    found.add(flag ? "" : words.get(i + 1));
                }
            }
            return found;
        }

        boolean has(String option) {
            return words.contains(option);
        }
    }

    static List<Command> dryRun(String os, String version, String types) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(bash(), "packaging/build.sh", "--version", version, "--dry-run",
                "--os", os, "--types", types);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "build.sh --dry-run finished");
        assertEquals(0, p.exitValue(), out);
        List<Command> commands = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (line.startsWith("jpackage ")) {
                commands.add(new Command(words(line)));
            }
        }
        assertFalse(commands.isEmpty(), out);
        return commands;
    }

    /** A line as a POSIX shell splits it (plain words and single-quoted ones, as build.sh prints them). */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * bash from the PATH. On Windows not the one in System32, which is WSL's and would run the
     * script in another system: Git for Windows' (the CI job runs Maven from its bash).
     */
    static String bash() {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
                Path candidate = Path.of(dir, windows ? "bash.exe" : "bash");
                if (Files.isExecutable(candidate)
                        && !(windows && dir.toLowerCase(Locale.ROOT).contains("system32"))) {
                    return candidate.toString();
                }
            }
        }
        return "bash";
    }

    static Command only(List<Command> commands, String type) {
        List<Command> of = commands.stream().filter(c -> c.type().equals(type)).toList();
        assertEquals(1, of.size(), "one jpackage --type " + type);
        return of.get(0);
    }

    static Properties properties(String file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(Path.of(file))));
        return p;
    }

    /** The .blab association file: the extension, the MIME type, and an icon of the system's kind that exists. */
    static void assertBlabAssociation(Command c, String iconSuffix) throws IOException {
        String file = c.value("--file-associations");
        Properties fa = properties(file);
        assertEquals("blab", fa.getProperty("extension"), file);
        assertEquals(MIME_TYPE, fa.getProperty("mime-type"), file);
        String icon = fa.getProperty("icon");
        assertTrue(icon.endsWith(iconSuffix) && Files.isRegularFile(Path.of(icon)), file + " icon " + icon);
        assertFalse(fa.getProperty("description", "").isBlank(), file + " has a description");
    }

    static void assertCommonApp(Command c, String appVersion) {
        assertEquals("boundary-lab", c.value("--name"));
        assertEquals(appVersion, c.value("--app-version"));
    }

    @Test
    void windowsInstallsPerUserWithMenuShortcutFixedUpgradeCodeAndAConsoleLauncher() throws Exception {
        List<Command> commands = dryRun("windows", "0.1.0", "app-image msi");
        Command image = only(commands, "app-image");
        assertCommonApp(image, "0.1.0");
        assertEquals("org.boundarylab.Main", image.value("--main-class"));
        assertTrue(image.value("--icon").endsWith(".ico") && Files.isRegularFile(Path.of(image.value("--icon"))));
        // the windowed launcher is the app's own; the second one, with a console, runs the command line
        String launcher = image.value("--add-launcher");
        assertTrue(launcher.startsWith("boundary-lab-cli="), launcher);
        Properties cli = properties(launcher.substring(launcher.indexOf('=') + 1));
        assertEquals("true", cli.getProperty("win-console"));
        assertFalse(image.has("--win-console"), "the main launcher stays windowed");

        Command msi = only(commands, "msi");
        assertTrue(msi.has("--win-per-user-install"), "installs without administrator rights");
        assertTrue(msi.has("--win-menu"), "Start-menu entry");
        assertEquals("Boundary Lab", msi.value("--win-menu-group"));
        assertTrue(msi.has("--win-shortcut"), "desktop shortcut");
        assertEquals(UPGRADE_UUID, msi.value("--win-upgrade-uuid"));
        assertEquals("target/dist/boundary-lab", msi.value("--app-image"), "packs the app image made before");
        assertBlabAssociation(msi, ".ico");

        // the upgrade code is the same for every version, so a newer .msi replaces an older one
        Command later = only(dryRun("windows", "2.3.4-SNAPSHOT", "app-image msi"), "msi");
        assertEquals(UPGRADE_UUID, later.value("--win-upgrade-uuid"));
        assertEquals("2.3.4", later.value("--app-version"));
    }

    @Test
    void macBundleHasItsIdentifierIconCategoryAndAVersionNotStartingWithZero() throws Exception {
        List<Command> commands = dryRun("mac", "0.1.0", "app-image dmg");
        for (Command c : List.of(only(commands, "app-image"), only(commands, "dmg"))) {
            assertCommonApp(c, "1.1.0");
            assertEquals("org.boundarylab.app", c.value("--mac-package-identifier"));
            assertEquals("Boundary Lab", c.value("--mac-package-name"));
            assertEquals("education", c.value("--mac-app-category"));
            assertEquals("packaging/macos/boundary-lab.icns", c.value("--icon"));
            assertTrue(Files.isRegularFile(Path.of(c.value("--icon"))));
        }
        // the .blab types live in the bundle's Info.plist: the .dmg is made from the input, with them
        Command dmg = only(commands, "dmg");
        assertFalse(dmg.has("--app-image"));
        assertBlabAssociation(dmg, ".icns");

        Map<String, String> versions = Map.of("0.1.0-SNAPSHOT", "1.1.0", "0.9", "1.9", "0", "1", "1.2.3", "1.2.3",
                "10.0.1", "10.0.1");
        for (Map.Entry<String, String> v : versions.entrySet()) {
            Command image = only(dryRun("mac", v.getKey(), "app-image"), "app-image");
            assertEquals(v.getValue(), image.value("--app-version"), "pom version " + v.getKey());
        }
    }

    @Test
    void linuxPackagesCarryTheDesktopEntryDependenciesAndTheBlabType() throws Exception {
        List<Command> commands = dryRun("linux", "0.1.0", "app-image deb rpm");
        Command image = only(commands, "app-image");
        assertCommonApp(image, "0.1.0");
        assertEquals(List.of("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19"),
                image.values("--java-options"));

        Command deb = only(commands, "deb");
        Command rpm = only(commands, "rpm");
        assertTrue(List.of(deb.value("--linux-package-deps").split(",\\s*")).containsAll(
                List.of("libgtk-3-0", "desktop-file-utils", "shared-mime-info")), deb.value("--linux-package-deps"));
        assertTrue(List.of(rpm.value("--linux-package-deps").split(",\\s*")).containsAll(
                List.of("gtk3", "desktop-file-utils", "shared-mime-info")), rpm.value("--linux-package-deps"));
        for (Command c : List.of(deb, rpm)) {
            assertEquals("/opt", c.value("--install-dir"));
            assertEquals("packaging/linux", c.value("--resource-dir"));
            assertTrue(c.has("--linux-shortcut"));
            assertBlabAssociation(c, ".png");
        }
        // the desktop entry jpackage takes from the resource folder: menu, launcher with the file, type
        List<String> entry = Files.readAllLines(Path.of("packaging/linux/boundary-lab.desktop"));
        assertTrue(entry.contains("Exec=/opt/boundary-lab/bin/boundary-lab %f"), "a double-clicked file is passed on");
        assertTrue(entry.contains("MimeType=" + MIME_TYPE + ";"));
        assertTrue(entry.contains("Categories=Education;Science;"));
        // and the package scripts register (and remove) what jpackage makes of the association
        String postinst = Files.readString(Path.of("packaging/linux/postinst"));
        String prerm = Files.readString(Path.of("packaging/linux/prerm"));
        for (String made : List.of("boundary-lab-boundary-lab.desktop", "boundary-lab-boundary-lab-MimeInfo.xml",
                "application-x-boundary-lab.png")) {
            assertTrue(postinst.contains(made), "postinst installs " + made);
            assertTrue(prerm.contains(made), "prerm removes " + made);
        }
    }

    @Test
    void aZipNeedsNoJpackageAndATypeOfAnotherSystemIsRefused() throws Exception {
        List<Command> a = dryRun("windows", "1.0.0", "app-image msi zip");
        assertEquals(2, a.size(), "the zip is made without jpackage");
        assertNotEquals(a.get(0), a.get(1));
        ProcessBuilder pb = new ProcessBuilder(bash(), "packaging/build.sh", "--version", "1.0", "--dry-run",
                "--os", "windows", "--types", "deb").redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertNotEquals(0, p.exitValue());
        assertTrue(out.contains("type 'deb' cannot be made for windows"), out);
    }
}
