package dev.parallax.gc.runtime;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.strategy.Axis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Named strategy sets for common needs, selectable with {@code --profile NAME} (the profile's
 * settings lie beneath the config file and the flags, which override them) and usable as Guice
 * modules ({@link #module()}) beside a {@link GcRuntimeModule}.
 */
public enum Profile {
    /** The shortest GCBench bodies: stop-the-world mark-sweep with precise roots and allocation polls. */
    THROUGHPUT("stop-the-world mark-sweep, precise stack and global roots, low-bit tags, polls at allocation: "
            + "the least work per object", "mark-sweep", "precise,globals", "allocation"),
    /** Short pauses and a short wait for a safepoint: the incremental collector, polls at loop back-edges. */
    LOW_LATENCY("incremental mark-sweep (pauses of a bounded step), precise stack and global roots, low-bit tags, "
            + "polls at loop back-edges: short pauses and a short time to safepoint", "incremental", "precise,globals",
            "back-edge"),
    /** For a runtime whose compiled code has no stack maps: conservative stack scanning with a non-moving collector. */
    CONSERVATIVE_STACK("mark-sweep with conservative stack scanning (for code without stack maps) and precise "
            + "global roots, low-bit tags, polls at allocation", "mark-sweep", "conservative,globals", "allocation");

    private final String description;
    private final Map<String, String> settings;

    Profile(String description, String collector, String roots, String safepoints) {
        this.description = description;
        Map<String, String> s = new LinkedHashMap<>();
        s.put("collector", collector);
        s.put("roots", roots);
        s.put("tags", "low-bit");
        s.put("safepoints", safepoints);
        this.settings = java.util.Collections.unmodifiableMap(s);
    }

    /** The name users select, e.g. {@code low-latency}. */
    public String profileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One sentence on what it chooses and why. */
    public String description() {
        return description;
    }

    /** Its settings as config keys ({@code collector}, {@code roots}, {@code tags}, {@code safepoints}). */
    public Map<String, String> settings() {
        return settings;
    }

    /**
     * The profile's strategies as one Guice module (from the providers on the class path), to install
     * beside a {@link GcRuntimeModule}; {@code Modules.override(profile.module()).with(...)} swaps an axis.
     */
    public Module module() {
        StrategyCatalog catalog = StrategyCatalog.discover();
        List<Module> modules = new ArrayList<>();
        modules.add(catalog.require(Axis.COLLECTOR, settings.get("collector")).module());
        for (String root : settings.get("roots").split(",")) {
            modules.add(catalog.require(Axis.ROOTS, root).module());
        }
        modules.add(catalog.require(Axis.TAGS, settings.get("tags")).module());
        modules.add(catalog.require(Axis.SAFEPOINTS, settings.get("safepoints")).module());
        return Modules.combine(modules);
    }

    /**
     * The profile called {@code name}.
     *
     * @throws GcConfigException naming the valid profiles (and the nearest one)
     */
    public static Profile named(String name) {
        List<String> names = Arrays.stream(values()).map(Profile::profileName).toList();
        for (Profile p : values()) {
            if (p.profileName().equals(name)) {
                return p;
            }
        }
        throw new GcConfigException("unknown profile '" + name + "'" + NearestName.hint(name, names)
                + "; valid profiles: " + String.join(", ", names));
    }
}
