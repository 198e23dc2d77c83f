package dev.parallax.gc.runtime.reference;

import java.util.Arrays;

/**
 * Addresses of heap objects the runtime tracks weakly (reference objects, ephemerons, objects with a
 * finalizer), each with an optional payload (the finalizer). Not thread-safe: the processor guards it.
 */
final class RefTable {
    long[] addresses = new long[16];
    Object[] payloads = new Object[16];
    int size;

    void add(long address, Object payload) {
        if (size == addresses.length) {
            addresses = Arrays.copyOf(addresses, size * 2);
            payloads = Arrays.copyOf(payloads, size * 2);
        }
        addresses[size] = address;
        payloads[size++] = payload;
    }

    /** Keeps the entries whose new address {@code kept} returns non-zero for, in order, at that address. */
    void retain(AddressUpdate kept) {
        int out = 0;
        for (int i = 0; i < size; i++) {
            long now = kept.update(addresses[i], payloads[i]);
            if (now != 0) {
                addresses[out] = now;
                payloads[out++] = payloads[i];
            }
        }
        Arrays.fill(payloads, out, size, null);
        size = out;
    }

    boolean contains(long address) {
        for (int i = 0; i < size; i++) {
            if (addresses[i] == address) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    interface AddressUpdate {
        /** The entry's address after this step, or 0 to drop it. */
        long update(long address, Object payload);
    }
}
