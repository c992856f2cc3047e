package org.boundarylab.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.boundarylab.nn.FeaturedModel;
import org.boundarylab.nn.Features;
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

    /** The input features the "features" extra names; x1, x2 when it is absent. */
    public Features features() {
        Object ids = extras.get(ModelFiles.FEATURES_KEY);
        if (ids == null) {
            return Features.DEFAULT;
        }
        if (!(ids instanceof java.util.List<?> list)) {
            throw new IllegalArgumentException("features must be a list of ids, got " + ids);
        }
        return Features.fromIds(list.stream().map(String::valueOf).toList());
    }

    /** The network with its features, to be asked about raw points. */
    public FeaturedModel model() {
        return new FeaturedModel(features(), network);
    }

    /** Extras with the features entry set to {@code features} (left out for the plain x1, x2). */
    public static java.util.Map<String, Object> withFeatures(java.util.Map<String, Object> extras, Features features) {
        java.util.Map<String, Object> out = new LinkedHashMap<>(extras == null ? java.util.Map.of() : extras);
        out.remove(ModelFiles.FEATURES_KEY);
        if (!features.isDefault()) {
            out.put(ModelFiles.FEATURES_KEY, features.ids());
        }
        return out;
    }
}
