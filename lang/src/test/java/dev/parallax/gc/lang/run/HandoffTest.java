package dev.parallax.gc.lang.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The spawn handoff: a child's final answer is never lost, whatever the order of offer and answer. */
class HandoffTest {

    @Test
    void aChildThatFailsBeforeTheFirstOfferIsStillSeenAsFailed() {
        // The race behind a hang: the child cannot attach and answers FAILED before the parent offers.
        ScriptContext.Handoff handoff = new ScriptContext.Handoff();
        handoff.answer(ScriptContext.Handoff.Answer.FAILED);
        handoff.offer(new long[0], 0);
        assertEquals(ScriptContext.Handoff.Answer.FAILED,
                assertTimeoutPreemptively(Duration.ofSeconds(5), handoff::awaitAnswer));
    }

    @Test
    void aStaleAnswerIsClearedByTheNextOffer() {
        ScriptContext.Handoff handoff = new ScriptContext.Handoff();
        handoff.offer(new long[0], 0);
        handoff.answer(ScriptContext.Handoff.Answer.STALE);
        assertEquals(ScriptContext.Handoff.Answer.STALE, handoff.awaitAnswer());
        handoff.offer(new long[0], 1);
        handoff.answer(ScriptContext.Handoff.Answer.TAKEN);
        assertEquals(ScriptContext.Handoff.Answer.TAKEN, handoff.awaitAnswer());
    }
}
