package org.boundarylab.cli;

import java.util.ArrayList;
import java.util.List;

/** Parses comma-separated whole numbers such as "2,5,3,1", naming every bad item by its position. */
public final class IntLists {
    private IntLists() {
    }

    /**
     * @throws IllegalArgumentException naming each bad item, e.g.
     *         {@code '5,,x' is not a list of whole numbers: item 2 is empty, item 3 'x' is not a whole number}
     */
    public static int[] parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "the list is empty; expected whole numbers separated by commas, e.g. 2,5,3,1");
        }
        String[] items = text.split(",", -1);
        int[] values = new int[items.length];
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < items.length; k++) {
            String item = items[k].strip();
            String position = "item " + (k + 1);
            if (item.isEmpty()) {
                problems.add(position + " is empty");
                continue;
            }
            try {
                values[k] = Integer.parseInt(item);
            } catch (NumberFormatException e) {
                problems.add(position + " '" + item + "' is not a whole number"
                        + (item.matches("[+-]?\\d+") ? " in range" : ""));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not a list of whole numbers: "
                    + String.join(", ", problems));
        }
        return values;
    }
}
