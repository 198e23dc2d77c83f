package dev.parallax.gc.net.roots;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

import java.util.Map;

/** Makes {@code net-parallel} selectable. */
public final class ParallelRefRootsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.ROOTS;
    }

    @Override
    public String name() {
        return ParallelRefRoots.NAME;
    }

    @Override
    public String description() {
        return "parallax-net Ref cells, found by GC threads walking the net slabs' chunks in parallel; "
                + "option net-parallel.threads";
    }

    @Override
    public Module module() {
        return new RefCellRootsModule(ParallelRefRoots.class);
    }

    @Override
    public Map<String, String> options() {
        return Map.of(ParallelRefRoots.THREADS_OPTION, "GC threads that walk the slabs (default: the machine's cores)");
    }
}
