package org.boundarylab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * "boundary-lab VERSION": the jar manifest's Implementation-Version when running from the jar,
 * otherwise the version Maven filtered into org/boundarylab/version.properties (running from
 * target/classes or an IDE), otherwise "dev".
 */
public final class VersionProvider implements IVersionProvider {
    static final String RESOURCE = "/org/boundarylab/version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"boundary-lab " + version()};
    }

    public static String version() {
        String fromManifest = VersionProvider.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").strip();
                // an unfiltered copy still says ${project.version}
                if (!v.isEmpty() && !v.contains("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to "dev": the version is informative only
        }
        return "dev";
    }
}
