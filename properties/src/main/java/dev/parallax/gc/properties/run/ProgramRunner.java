package dev.parallax.gc.properties.run;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.HeapExhaustedException;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.properties.model.ModelObject;
import dev.parallax.gc.properties.model.ReferenceModel;
import dev.parallax.gc.properties.program.Action;
import dev.parallax.gc.properties.program.Program;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.mutator.AttachedMutator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs one program on one mutator of a runtime and on a reference model in lock-step, checking the
 * invariants: graph equivalence and identity after every collection the mutator observes, complete
 * reclamation after its explicit collections when it owns the heap alone and roots are precise, and,
 * when it owns the heap alone, the {@link PauseInvariants pause invariants} of every pause.
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
     * @param pauses           the invariants to check on every pause, or null for none; only for the
     *                         runtime's only mutator (the heap's objects are this model's alone)
     */
    public record Options(boolean checkReclamation, int maxGlobals, PauseInvariants pauses) {
        /** Options without pause checks. */
        public Options(boolean checkReclamation, int maxGlobals) {
            this(checkReclamation, maxGlobals, null);
        }
    }

    /** Pauses that ran during one step, with the model's state when they ran, awaiting their checks. */
    private record PendingPauses(List<PauseRecorder.Pause> pauses, Set<ModelObject> reachable,
                                 List<ModelObject> pinned, String when) {
    }

    private final GcRuntime runtime;
    private final Mutator mutator;
    private final ReferenceModel model = new ReferenceModel();
    private final RuntimeExecutor executor;
    private final Resolver resolver;
    private final IdentityStability ids = new IdentityStability();
    private final boolean checkReclamation;
    private final PauseInvariants pauseInvariants;
    private final PauseRecorder recorder;
    private final Coverage.Tally tally;
    /** The runtime's header words (1, or 2 with object ids): what the model's objects occupy. */
    private final int headerWords;
    private final List<PendingPauses> pending = new ArrayList<>();
    private long collectionsSeen;
    /** Called after every step: the deterministic scheduler's yield point (nothing when free-running). */
    private Runnable yieldPoint = () -> { };

    public ProgramRunner(GcRuntime runtime, Mutator mutator, Options options) {
        this(runtime, mutator, options, new Coverage.Tally());
    }

    /** @param tally counts the actions run, the invariants checked and the pauses seen */
    public ProgramRunner(GcRuntime runtime, Mutator mutator, Options options, Coverage.Tally tally) {
        if (!runtime.config().keepsObjectIds()) {
            throw new IllegalArgumentException("the property runner checks object identity and needs object ids: "
                    + "configure the runtime with debug = true or object-ids = true");
        }
        this.runtime = runtime;
        this.mutator = mutator;
        this.executor = new RuntimeExecutor(runtime, mutator);
        this.headerWords = HeaderLayout.headerWords(runtime.config().keepsObjectIds());
        this.resolver = new Resolver(options.maxGlobals(), runtime.constraints().supportsPinning(), headerWords);
        this.checkReclamation = options.checkReclamation();
        this.tally = tally;
        boolean inspectable = runtime instanceof GcRuntimeImpl && mutator instanceof AttachedMutator;
        this.pauseInvariants = inspectable ? options.pauses() : null;
        this.recorder = pauseInvariants == null ? null : new PauseRecorder(((GcRuntimeImpl) runtime).objects(),
                ((AttachedMutator) mutator).stack(), ((AttachedMutator) mutator).state().buffer(), tally);
        if (recorder != null) {
            runtime.addListener(recorder);
        }
    }

    public ReferenceModel model() {
        return model;
    }

    /**
     * Calls {@code yield} after every action (every part of a compound action) and after every frame
     * the unwinding pops, each checked first: the points where a deterministic scheduler may switch
     * threads. A step's collections and checks are complete before it runs.
     */
    public void yieldAfterEachStep(Runnable yield) {
        this.yieldPoint = yield;
    }

    /** Pushes the base frame on both sides. */
    public void start() {
        perform(new Step.PushFrame(Resolver.BASE_SLOTS, Resolver.BASE_RAW_SLOTS), "pushing the base frame");
        collectionsSeen = runtime.stats().collections();
    }

    /** Runs every action, checking after each one (each part of a compound one) that saw a collection. */
    public void execute(Program program) {
        List<Action> actions = program.actions();
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            Step step = resolver.resolve(action, model);
            String label = "action " + (i + 1) + " " + action;
            if (!(step instanceof Step.Skip)) {
                tally.action();
            }
            if (step instanceof Step.Sequence sequence) {
                for (int k = 0; k < sequence.steps().size(); k++) {
                    Step part = sequence.steps().get(k);
                    String partLabel = label + " part " + (k + 1) + " (" + part.describe() + ")";
                    perform(part, partLabel);
                    afterStep(part instanceof Step.Collect, partLabel);
                    yieldPoint.run();
                }
            } else {
                String stepLabel = label + " (" + step.describe() + ")";
                perform(step, stepLabel);
                afterStep(step instanceof Step.Collect, stepLabel);
                yieldPoint.run();
            }
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
            yieldPoint.run();
        }
        while (model.globalCount() > 0) {
            perform(new Step.UnregisterGlobal(model.globalCount() - 1), "unregistering the globals at the end");
        }
        perform(new Step.PopFrame(), "popping the base frame");
        perform(new Step.Collect(), "the collection after dropping every root");
        afterStep(true, "the collection after dropping every root");
        if (recorder != null) {
            runtime.removeListener(recorder);
        }
    }

    /**
     * Executes a step on the runtime, then on the model; records the id of an object it allocated
     * and keeps the pauses it caused for their checks. {@code label} names the step in messages
     * ("action 3 ... (s1 := new Pair)").
     */
    private void perform(Step step, String label) {
        long freshId = -1;
        Step applied;
        try {
            applied = executor.apply(step);
            if (step instanceof Step.Allocation a) {
                freshId = mutator.objectId(mutator.ref(a.slot())); // no safepoint since the allocation
            }
        } catch (InvariantViolation v) {
            throw v;
        } catch (HeapExhaustedException e) {
            throw new InvariantViolation(Invariant.NO_RUNTIME_ERROR, "during " + label + ": heap exhausted although the model's "
                    + "reachable objects take " + model.reachableBytes(headerWords) + " bytes: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw InvariantViolation.fromRuntime(Invariant.NO_RUNTIME_ERROR, "during " + label + ": the runtime threw ", e);
        }
        tally.checked(Invariant.NO_RUNTIME_ERROR);
        List<PauseRecorder.Pause> pauses = recorder == null ? List.of() : recorder.drain();
        if (!pauses.isEmpty()) { // the model has not applied the step yet: it is as it was during the pauses
            pending.add(new PendingPauses(pauses, model.reachable(), List.copyOf(model.pinned()), "during " + label));
        }
        ModelObject fresh = ModelExecutor.apply(model, applied);
        if (fresh != null) {
            ids.allocated(fresh, freshId, "after " + label);
        }
    }

    /**
     * Checks (a) and (c) if a collection ran since the last check, (b) after an explicit one, then
     * the pause invariants of the pauses since.
     */
    private void afterStep(boolean explicitCollection, String label) {
        long collections = runtime.stats().collections();
        if (collections == collectionsSeen && !explicitCollection) {
            return;
        }
        collectionsSeen = collections;
        String when = "after " + label;
        // the graph first: a missing object is best reported by the path that leads to it
        GraphEquivalence.check(runtime, mutator, model, executor.globals(), ids, when);
        tally.checked(Invariant.GRAPH_EQUIVALENCE);
        tally.checked(Invariant.IDENTITY_STABILITY);
        if (explicitCollection && checkReclamation) {
            Set<ModelObject> reachable = model.reachable();
            long bytes = 0;
            for (ModelObject o : reachable) {
                bytes += o.bytes(headerWords);
            }
            CompleteReclamation.check(runtime, bytes, reachable.size(), when);
            tally.checked(Invariant.COMPLETE_RECLAMATION);
        }
        for (PendingPauses p : pending) {
            for (PauseRecorder.Pause pause : p.pauses()) {
                pauseInvariants.check(pause, p.reachable(), p.pinned(), ids, runtime.tags(), p.when(), tally);
            }
        }
        pending.clear();
    }
}
