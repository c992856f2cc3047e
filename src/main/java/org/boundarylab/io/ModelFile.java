package org.boundarylab.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.boundarylab.nn.Network;

/**
 * A model file's content: the network and the extra keys stored beside it (training settings,
 * history, features, ...), in file order, as plain JSON values (maps, lists, numbers, strings,
 * booleans, null).
 */
public record ModelFile(Network network, Map<String, Object> extras) {
    public ModelFile {
        if (network == null) {
            throw new IllegalArgumentException("a model file needs a network");
        }
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }
}
