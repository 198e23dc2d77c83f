package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.stack.FrameShape;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One mutator class per runtime, or the one generic class: the same behaviour, in both modes. */
class MutatorClassTest {
    /** Builds and collects a small tree; returns its node count as read back. */
    private static long treeAfterCollections(GcRuntimeImpl runtime) {
        try (Mutator m = runtime.attach("m")) {
            Shape node = runtime.shapes().define("Node", 2, 0, 1);
            FrameShape frame = runtime.frames().define("frame", 1, 0);
            m.pushFrame(frame);
            m.setRef(0, build(m, node, frame, 12));
            m.collect();
            long count = count(m, m.ref(0));
            m.popFrame();
            return count;
        }
    }

    private static long build(Mutator m, Shape node, FrameShape frame, int depth) {
        m.pushFrame(frame);
        m.setRef(0, m.allocate(node));
        if (depth > 0) {
            long left = build(m, node, frame, depth - 1);
            m.writeRef(m.ref(0), 0, left);
            long right = build(m, node, frame, depth - 1);
            m.writeRef(m.ref(0), 1, right);
        }
        long result = m.ref(0);
        m.popFrame();
        return result;
    }

    private static long count(Mutator m, long node) {
        return node == 0 ? 0 : 1 + count(m, m.readRef(node, 0)) + count(m, m.readRef(node, 1));
    }

    @Test
    void eachRuntimeSpecialisesItsOwnClassByDefault() {
        GcConfig config = TestRuntimes.small().withHeapBytes(1L << 20);
        try (GcRuntimeImpl a = TestRuntimes.create(config); GcRuntimeImpl b = TestRuntimes.create(config);
             Mutator ma = a.attach("a")) {
            AtomicReference<Class<?>> otherClass = new AtomicReference<>();
            Thread other = new Thread(() -> {
                try (Mutator mb = b.attach("b")) {
                    otherClass.set(mb.getClass());
                }
            });
            other.start();
            join(other);
            assertNotSame(ma.getClass(), otherClass.get(), "one class per runtime");
            assertTrue(ma.getClass().isHidden() && otherClass.get().isHidden());
            assertTrue(a.specialisedMutators());
        }
    }

    @Test
    void theGenericClassBehavesAsTheSpecialisedOnesInBothModes() {
        for (boolean debug : new boolean[]{false, true}) {
            GcConfig config = TestRuntimes.small().withHeapBytes(1L << 20).withDebug(debug);
            long specialised;
            try (GcRuntimeImpl runtime = TestRuntimes.create(config)) {
                specialised = treeAfterCollections(runtime);
            }
            System.setProperty(GcRuntimeImpl.SPECIALISE_PROPERTY, "false");
            try (GcRuntimeImpl runtime = TestRuntimes.create(config)) {
                assertFalse(runtime.specialisedMutators());
                try (Mutator m = runtime.attach("probe")) {
                    assertSame(MutatorImpl.class, m.getClass());
                }
                assertEquals(specialised, treeAfterCollections(runtime), "debug " + debug);
                assertEquals((1L << 13) - 1, specialised);
            } finally {
                System.clearProperty(GcRuntimeImpl.SPECIALISE_PROPERTY);
            }
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
