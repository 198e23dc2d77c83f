package dev.parallax.gc.properties.run;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.HeapExhaustedException;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.properties.model.ModelObject;
import dev.parallax.gc.properties.model.ReferenceModel;
import dev.parallax.gc.properties.program.Action;
import dev.parallax.gc.properties.program.Program;

import java.util.List;
import java.util.Set;

/**
 * Runs one program on one mutator of a runtime and on a reference model in lock-step, checking the
 * invariants: graph equivalence and identity after every collection the mutator observes, complete
 * reclamation after its explicit collections when it owns the heap alone and roots are precise.
 *
 * <p>Life cycle: {@link #start}, {@link #execute}, {@link #finish}, {@link #unwind}, on the thread
 * that attached the mutator.
 */
public final class ProgramRunner {
    /**
     * @param checkReclamation check (b) after explicit collections: only when this is the runtime's
     *                         only mutator (the heap's usage is this model's alone) and the roots are
     *                         precise (see {@link CompleteReclamation#applies})
     * @param maxGlobals       global cells this mutator may hold at once
     */
    public record Options(boolean checkReclamation, int maxGlobals) {
    }

    private final GcRuntime runtime;
    private final Mutator mutator;
    private final ReferenceModel model = new ReferenceModel();
    private final RuntimeExecutor executor;
    private final Resolver resolver;
    private final IdentityStability ids = new IdentityStability();
    private final boolean checkReclamation;
    private long collectionsSeen;

    public ProgramRunner(GcRuntime runtime, Mutator mutator, Options options) {
        this.runtime = runtime;
        this.mutator = mutator;
        this.executor = new RuntimeExecutor(runtime, mutator);
        this.resolver = new Resolver(options.maxGlobals());
        this.checkReclamation = options.checkReclamation();
    }

    public ReferenceModel model() {
        return model;
    }

    /** Pushes the base frame on both sides. */
    public void start() {
        perform(new Step.PushFrame(Resolver.BASE_SLOTS), "pushing the base frame");
        collectionsSeen = runtime.stats().collections();
    }

    /** Runs every action, checking after each one that saw a collection. */
    public void execute(Program program) {
        List<Action> actions = program.actions();
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            Step step = resolver.resolve(action, model);
            String label = "action " + (i + 1) + " " + action + " (" + step.describe() + ")";
            perform(step, label);
            afterStep(step instanceof Step.Collect, label);
        }
    }

    /** The final forced collection and checks of the innermost frame and the globals. */
    public void finish() {
        perform(new Step.Collect(), "the final collection");
        afterStep(true, "the final collection");
    }

    /**
     * Pops the frames one by one, collecting and checking each newly exposed frame, then drops the
     * globals and the base frame: with precise roots and no other mutator the heap must end empty.
     */
    public void unwind() {
        while (model.depth() > 1) {
            int depth = model.depth() - 1;
            String label = "the collection after popping frame " + depth;
            perform(new Step.PopFrame(), "popping frame " + depth);
            perform(new Step.Collect(), label);
            afterStep(true, label);
        }
        while (model.globalCount() > 0) {
            perform(new Step.UnregisterGlobal(model.globalCount() - 1), "unregistering the globals at the end");
        }
        perform(new Step.PopFrame(), "popping the base frame");
        perform(new Step.Collect(), "the collection after dropping every root");
        afterStep(true, "the collection after dropping every root");
    }

    /**
     * Executes a step on the runtime, then on the model; records the id of an object it allocated.
     * {@code label} names the step in messages ("action 3 ... (s1 := new Pair)").
     */
    private void perform(Step step, String label) {
        long freshId = -1;
        try {
            executor.apply(step);
            if (step instanceof Step.Allocation a) {
                freshId = mutator.objectId(mutator.ref(a.slot())); // no safepoint since the allocation
            }
        } catch (InvariantViolation v) {
            throw v;
        } catch (HeapExhaustedException e) {
            throw new InvariantViolation(Invariant.NO_RUNTIME_ERROR, "during " + label + ": heap exhausted although the model's "
                    + "reachable objects take " + model.reachableBytes() + " bytes: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw InvariantViolation.fromRuntime(Invariant.NO_RUNTIME_ERROR, "during " + label + ": the runtime threw ", e);
        }
        ModelObject fresh = ModelExecutor.apply(model, step);
        if (fresh != null) {
            ids.allocated(fresh, freshId, "after " + label);
        }
    }

    /** Checks (a) and (c) if a collection ran since the last check, and (b) after an explicit one. */
    private void afterStep(boolean explicitCollection, String label) {
        long collections = runtime.stats().collections();
        if (collections == collectionsSeen && !explicitCollection) {
            return;
        }
        collectionsSeen = collections;
        String when = "after " + label;
        // the graph first: a missing object is best reported by the path that leads to it
        GraphEquivalence.check(runtime, mutator, model, executor.globals(), ids, when);
        if (explicitCollection && checkReclamation) {
            Set<ModelObject> reachable = model.reachable();
            long bytes = 0;
            for (ModelObject o : reachable) {
                bytes += o.bytes();
            }
            CompleteReclamation.check(runtime, bytes, reachable.size(), when);
        }
    }
}
