package org.boundarylab.ui.sweep;

import org.boundarylab.nn.Network;

/** A rendered decision-boundary thumbnail for one setting (its first seed), as ARGB pixels. */
public record SweepThumbnail(int settingIndex, String caption, int width, int height, int[] argb, Network network) {
}
