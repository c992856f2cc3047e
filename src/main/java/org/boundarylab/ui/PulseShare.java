package org.boundarylab.ui;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets at most one of the window's big picture updates (the boundary canvas, the network
 * diagram, the loss chart) happen in any one pulse, taking turns when more than one is ready.
 *
 * <p>Why: with the software renderer each of them costs several milliseconds of the render
 * thread (the canvas about 8 ms, the diagram 6 to 25 ms, the chart its layout besides). A small
 * network trained at full speed has a new canvas frame and a new diagram picture every pulse,
 * and a large one brings all three at once after each snapshot: together they overran the 16.7
 * ms a pulse has. Taking turns, each still updates up to 30 times a second when two are busy.
 *
 * <p>Each party asks once a pulse, only when it has something to show, with the pulse's time
 * ({@code AnimationTimer.handle}'s {@code now}, the same for every timer of one pulse). One that
 * is turned away is first in line at the next pulse it asks in; a party that stops asking
 * loses its place after one pulse, so it never blocks the others. FX thread only.
 */
public final class PulseShare {
    private long claimedPulse = Long.MIN_VALUE;
    private long lastPulse = Long.MIN_VALUE;
    private long pulseIndex;
    /** Parties turned away, oldest first, with the index of the pulse they last asked in. */
    private final Map<Object, Long> waiting = new LinkedHashMap<>();

    /**
     * @param who the party asking (any object that stays the same from pulse to pulse)
     * @param now the pulse's time stamp
     * @return true if {@code who} may update its picture in this pulse
     */
    public boolean claim(Object who, long now) {
        if (now != lastPulse) {
            lastPulse = now;
            pulseIndex++;
            // a party that did not come back in the pulse after it was turned away gives up its place
            waiting.values().removeIf(asked -> asked < pulseIndex - 1);
        }
        Object first = waiting.isEmpty() ? null : waiting.keySet().iterator().next();
        if (now == claimedPulse || (first != null && first != who)) {
            waiting.put(who, pulseIndex); // a LinkedHashMap keeps a key's place when its value changes
            return false;
        }
        waiting.remove(who);
        claimedPulse = now;
        return true;
    }
}
