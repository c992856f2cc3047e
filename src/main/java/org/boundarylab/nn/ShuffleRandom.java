package org.boundarylab.nn;

/**
 * The mini-batch shuffle's random numbers: the same sequence as {@code new java.util.Random(seed)}
 * gives (the same 48-bit linear congruential generator and the same {@code nextInt(bound)}), with
 * its state readable and settable, so a saved run continues with exactly the batches it would
 * have drawn had it never stopped. {@code java.util.Random} keeps its state private.
 */
final class ShuffleRandom {
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;

    private long state;

    /** Seeded as {@code new java.util.Random(seed)} is. */
    static ShuffleRandom seeded(long seed) {
        ShuffleRandom r = new ShuffleRandom();
        r.state = (seed ^ MULTIPLIER) & MASK;
        return r;
    }

    /** Continues from a state read off {@link #state()}. */
    static ShuffleRandom atState(long state) {
        if (state < 0 || state > MASK) {
            throw new IllegalArgumentException("shuffle state must be a 48-bit number, got " + state);
        }
        ShuffleRandom r = new ShuffleRandom();
        r.state = state;
        return r;
    }

    long state() {
        return state;
    }

    private int next(int bits) {
        state = (state * MULTIPLIER + ADDEND) & MASK;
        return (int) (state >>> (48 - bits));
    }

    /** A number in [0, bound), as {@code java.util.Random.nextInt(bound)}. */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        int r = next(31);
        int m = bound - 1;
        if ((bound & m) == 0) {
            return (int) ((bound * (long) r) >> 31);
        }
        for (int u = r; u - (r = u % bound) + m < 0; u = next(31)) {
            // rejects the top values that would make some results likelier than others
        }
        return r;
    }
}
