package dev.parallax.gc.properties.schedule;

import dev.parallax.gc.properties.Scheduling;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The baton follows its schedule exactly, whatever the JVM's thread scheduling. */
class BatonTest {
    /** Three threads each log their id at every step; the order is the schedule's. */
    private static List<Integer> run(Schedule schedule, int steps) throws InterruptedException {
        Baton baton = new Baton(schedule, 3, 10, TimeUnit.SECONDS);
        List<Integer> order = new CopyOnWriteArrayList<>();
        Thread[] threads = new Thread[3];
        for (int p = 0; p < 3; p++) {
            int me = p;
            threads[p] = new Thread(() -> {
                try {
                    baton.awaitTurn(me);
                    for (int i = 0; i < steps; i++) {
                        order.add(me);
                        if (i < steps - 1) {
                            baton.yieldStep(me);
                        }
                    }
                } finally {
                    baton.leave(me);
                }
            });
            threads[p].start();
        }
        baton.start();
        for (Thread t : threads) {
            t.join(10_000);
        }
        return order;
    }

    @Test
    void turnsNameTheRunningParticipantsModuloThenRoundRobinTakesOver() throws InterruptedException {
        Schedule s = new Schedule(List.of(new Schedule.Turn(2, 1), new Schedule.Turn(4, 0)), 1);
        // p2 twice; then participant 4 mod 3 = p1 once; then round-robin from p0 among those still running
        assertEquals(List.of(2, 2, 1, 0, 1, 2, 0, 1, 0), run(s, 3));
    }

    @Test
    void roundRobinGivesEachParticipantItsStepsInTurn() throws InterruptedException {
        assertEquals(List.of(0, 0, 1, 1, 2, 2, 0, 1, 2), run(Schedule.roundRobin(2), 3));
    }

    @Test
    void schedulesAndSchedulingsDescribeThemselvesAndRefuseNonsense() {
        assertEquals("turns [p0x1, p2x3] then round-robin 1 step each",
                new Schedule(List.of(new Schedule.Turn(0, 0), new Schedule.Turn(2, 2)), 1).toString());
        assertEquals("round-robin 4 steps each", Schedule.roundRobin(4).toString());
        assertThrows(IllegalArgumentException.class, () -> Schedule.roundRobin(0));
        assertEquals(Scheduling.roundRobin(3), Scheduling.parse("round-robin:3"));
        assertEquals(Scheduling.FREE_RUNNING, Scheduling.parse("free"));
        assertEquals(Scheduling.RANDOM, Scheduling.parse("random"));
        assertThrows(IllegalArgumentException.class, () -> Scheduling.parse("round-robin:x"));
    }
}
