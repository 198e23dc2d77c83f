package dev.parallax.gc.collectors.marksweep;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.parallax.gc.api.collector.Collector;

import java.util.Objects;

/**
 * The mark-sweep collector as a Guice module: binds {@code Collector} to {@link MarkSweepCollector}.
 * Install it, one module per axis, beside the runtime's {@code GcRuntimeModule} to build a runtime
 * from your own injector; its provider selects it by name for config files and flags. Without an
 * argument the mark placement comes from the bound {@code GcConfig}'s option {@code mark-sweep.marks};
 * {@code new MarkSweepModule(Marks.HEADER)} fixes it in code.
 */
public final class MarkSweepModule extends AbstractModule {
    private final MarkSweepCollector.Marks marks;

    /** The mark placement from the config's options (default: a side bitmap). */
    public MarkSweepModule() {
        this.marks = null;
    }

    /** @param marks where the collector keeps its marks, whatever the config says */
    public MarkSweepModule(MarkSweepCollector.Marks marks) {
        this.marks = Objects.requireNonNull(marks, "marks");
    }

    @Override
    protected void configure() {
        if (marks == null) {
            bind(Collector.class).to(MarkSweepCollector.class).in(Singleton.class);
        } else {
            bind(Collector.class).toInstance(new MarkSweepCollector(marks));
        }
    }
}
