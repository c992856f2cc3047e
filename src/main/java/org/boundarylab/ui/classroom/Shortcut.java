package org.boundarylab.ui.classroom;

import java.util.List;

/**
 * A keyboard shortcut of the lab as the help overlay lists it. {@code plainKey} shortcuts are
 * single keys without a modifier: they act only when the focus is not in a text field (where
 * the key types) and not on a control that uses the key itself.
 *
 * @param keys        the keys as printed, e.g. "Space" or "F5 / Ctrl+P"
 * @param action      what the keys do
 * @param plainKey    true for a key without a modifier
 */
public record Shortcut(String keys, String action, boolean plainKey) {

    /** All shortcuts, in the order the help overlay lists them. */
    public static final List<Shortcut> ALL = List.of(
            new Shortcut("Space", "Play / pause training", true),
            new Shortcut("S", "One epoch (step)", true),
            new Shortcut("R", "Reset the run to epoch 0", true),
            new Shortcut("N", "New data: the next data seed", true),
            new Shortcut("L", "Loss chart on a log scale, or back", true),
            new Shortcut("[ / ] or - / +", "Slower / faster pace (up to max)", true),
            new Shortcut("Home / End", "Rewind to epoch 0 / back to the live run", true),
            new Shortcut("B", "Rewind to the best test epoch (early stopping)", true),
            new Shortcut("T", "Show / hide the lesson's text", true),
            new Shortcut("Enter", "Play / pause; in a text field, apply what was typed", false),
            new Shortcut("Esc", "Leave a text field (then the single keys work)", false),
            new Shortcut("F5 / Ctrl+P", "Presentation mode on or off", false),
            new Shortcut("Ctrl+T", "Dark or light theme", false),
            new Shortcut("F11", "Full screen on or off", false),
            new Shortcut("F1 / ?", "This list of shortcuts", false),
            new Shortcut("Tab / Shift+Tab", "Next / previous control", false),
            new Shortcut("Space on a button", "Press the focused button", false),
            new Shortcut("Arrow keys", "Change the focused slider or choice", false),
            new Shortcut("F10 / Alt", "Menus (then arrow keys and Enter)", false));
}
