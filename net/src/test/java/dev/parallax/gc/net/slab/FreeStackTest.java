package dev.parallax.gc.net.slab;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A chunked free stack keeps exactly the ids pushed and moved to it, across chunk boundaries and moves. */
class FreeStackTest {
    @Test
    void pushesAndPopsAcrossChunkBoundariesAreLastInFirstOut() {
        FreeStack s = new FreeStack();
        int n = 3 * FreeStack.CHUNK + 17;
        for (int i = 0; i < n; i++) {
            s.push(i);
        }
        assertEquals(n, s.count());
        for (int i = n - 1; i >= 0; i--) {
            assertEquals(i, s.pop());
            // pop and push back across the boundary: the spare chunk is reused
            if (i % FreeStack.CHUNK == 0 && i > 0) {
                s.push(i - 1 + 1_000_000);
                assertEquals(i - 1 + 1_000_000, s.pop());
            }
        }
        assertEquals(0, s.count());
    }

    /** Random pushes, pops, partial takes and whole takes between three stacks: no id lost or duplicated. */
    @Test
    void movesBetweenStacksKeepEveryIdOnce() {
        SplittableRandom random = new SplittableRandom(3);
        FreeStack[] stacks = {new FreeStack(), new FreeStack(), new FreeStack()};
        List<List<Long>> model = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long next = 0;
        for (int step = 0; step < 300; step++) {
            int i = random.nextInt(3);
            int j = (i + 1 + random.nextInt(2)) % 3;
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    int k = random.nextInt(3 * FreeStack.CHUNK);
                    for (int x = 0; x < k; x++) {
                        stacks[i].push(next);
                        model.get(i).add(next++);
                    }
                }
                case 2 -> {
                    int k = random.nextInt(stacks[i].count() + 1);
                    for (int x = 0; x < k; x++) {
                        long id = stacks[i].pop();
                        assertEquals(model.get(i).remove(model.get(i).size() - 1), id, "a stack pops its last push");
                    }
                }
                case 3 -> {
                    int k = random.nextInt(stacks[j].count() + 1);
                    stacks[i].takeTop(stacks[j], k);
                    moveAny(stacks[i], model.get(i), model.get(j), k);
                }
                default -> {
                    int k = stacks[j].count();
                    stacks[i].takeAll(stacks[j]);
                    moveAny(stacks[i], model.get(i), model.get(j), k);
                    assertEquals(0, stacks[j].count());
                }
            }
            for (int s = 0; s < 3; s++) {
                assertEquals(model.get(s).size(), stacks[s].count());
            }
        }
        for (int s = 0; s < 3; s++) {
            List<Long> popped = new ArrayList<>();
            while (stacks[s].count() > 0) {
                popped.add(stacks[s].pop());
            }
            List<Long> expected = new ArrayList<>(model.get(s));
            Collections.sort(popped);
            Collections.sort(expected);
            assertEquals(expected, popped, "stack " + s + " holds exactly its ids");
        }
    }

    @Test
    void takingMoreThanAStackHoldsIsRefused() {
        FreeStack a = new FreeStack();
        FreeStack b = new FreeStack();
        b.push(1);
        assertThrows(IllegalArgumentException.class, () -> a.takeTop(b, 2));
    }

    /**
     * The model of a move: which ids moved is the stack's choice (whole chunks from below, the rest from
     * the top), so the model reads them back from the receiver: after the move it holds its old ids
     * plus {@code k} of the giver's, and the order of a free list does not matter, so the receiver's
     * model becomes the stack's content and the giver's loses the same ids.
     */
    private static void moveAny(FreeStack to, List<Long> toModel, List<Long> fromModel, int k) {
        List<Long> content = new ArrayList<>();
        while (to.count() > 0) {
            content.add(to.pop());
        }
        for (int x = content.size() - 1; x >= 0; x--) {
            to.push(content.get(x));
        }
        java.util.Set<Long> before = new java.util.HashSet<>(toModel);
        java.util.Set<Long> moved = new java.util.HashSet<>();
        for (Long id : content) {
            if (!before.contains(id)) {
                moved.add(id);
            }
        }
        assertEquals(k, moved.size(), "moved " + k + " ids");
        int giverBefore = fromModel.size();
        fromModel.removeIf(moved::contains);
        assertEquals(giverBefore - k, fromModel.size(), "every moved id came from the giver");
        Collections.reverse(content);
        toModel.clear();
        toModel.addAll(content);
    }
}
