package org.boundarylab.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boundarylab.training.SharedPool;
import org.boundarylab.training.sweep.SweepRunner;
import org.junit.jupiter.api.Test;

/**
 * The window keeps its FX and render threads ahead of training by running every training
 * thread at {@link Thread#MIN_PRIORITY} and, on Linux, starting the JVM with flags that make
 * the OS honour that (nice 19). Both halves are checked here: the threads' priority, and the
 * flags in every launch of the window (docs/PERFORMANCE.md, "In the window").
 */
class ThreadPrioritiesTest {
    static final String POLICY = "-XX:ThreadPriorityPolicy=1";
    static final String NICE_19 = "-XX:JavaPriority1_To_OSPriority=19";

    @Test
    void sharedPoolThreadsRunAtTheLowestPriority() throws Exception {
        assertEquals(Thread.MIN_PRIORITY, SharedPool.get().submit(() -> Thread.currentThread().getPriority()).get());
    }

    @Test
    void sweepPoolThreadsRunAtTheLowestPriority() throws Exception {
        ExecutorService pool = SweepRunner.newPool(1);
        try {
            assertEquals(Thread.MIN_PRIORITY, pool.submit(() -> Thread.currentThread().getPriority()).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mavenRunOnLinuxPassesThePriorityFlags() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher profile = Pattern.compile("<profile>\\s*<id>linux-thread-priorities</id>(.*?)</profile>",
                Pattern.DOTALL).matcher(pom);
        assertTrue(profile.find(), "pom.xml has the linux-thread-priorities profile");
        String body = profile.group(1);
        assertTrue(body.contains("<os><name>Linux</name></os>"), "the profile is for Linux only");
        assertTrue(body.contains("<artifactId>javafx-maven-plugin</artifactId>"), "it configures javafx:run");
        assertTrue(body.contains("<option>" + POLICY + "</option>"), POLICY);
        assertTrue(body.contains("<option>" + NICE_19 + "</option>"), NICE_19);
    }

    @Test
    void linuxAppImagePassesThePriorityFlags() throws IOException {
        String script = Files.readString(Path.of("packaging/build.sh"));
        Matcher linux = Pattern.compile("\\n\\s*linux\\) app_args\\+=\\((.*?)\\) ;;", Pattern.DOTALL).matcher(script);
        assertTrue(linux.find(), "build.sh adds Linux-only jpackage arguments");
        assertTrue(linux.group(1).contains("--java-options " + POLICY), POLICY);
        assertTrue(linux.group(1).contains("--java-options " + NICE_19), NICE_19);
    }
}
