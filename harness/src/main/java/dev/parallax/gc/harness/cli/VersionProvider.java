package dev.parallax.gc.harness.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code parallax --version}: the project version Maven wrote into {@code version.properties}, and the JDK. */
public final class VersionProvider implements IVersionProvider {
    private static final String RESOURCE = "/dev/parallax/gc/harness/version.properties";

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {
                "parallax-gc " + properties.getProperty("version", "(unknown version)"),
                "JDK " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
