package org.boundarylab.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.boundarylab.data.DatasetKind;

import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Optimizer;
import org.boundarylab.io.JsonFields;
import org.boundarylab.io.JsonFieldException;

/**
 * Lab settings as a JSON object, shared by lesson and workspace files:
 * <pre>
 * {"dataset": "moons", "samples": 200, "noise": 0.2, "test_ratio": 0.2, "data_seed": 4,
 *  "train_subset": 0, "hidden": [5], "hidden_activation": "tanh", "output_activation": "sigmoid",
 *  "output_units": 0, "loss": "binary_cross_entropy", "initializer": "glorot", "weight_seed": 1,
 *  "learning_rate": 0.5, "l2": 0, "l1": 0, "optimizer": "gd", "batch_size": 0, "epochs": 0,
 *  "redraw_every": 10, "features": ["x1", "x2", "x1^2"], "pace": 50}   (epochs a second, 0 = max)
 * </pre>
 * and, for a test set of fresh points instead of a share of the samples, {@code "test_points": 1000}
 * (0 or left out: the share).
 * A key left out takes the value of {@link LabSettings#defaults()}, so a lesson file only needs
 * what differs; unknown keys are ignored.
 */
public final class SettingsJson {

    /** The keys, which are also the names used for locked controls in lesson files. */
    public static final java.util.List<String> KEYS = LabSettings.SETTING_NAMES;

    private SettingsJson() {
    }

    public static ObjectNode toJson(LabSettings s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("dataset", s.dataset().id());
        o.put("samples", s.samples());
        o.put("noise", s.noise());
        o.put("test_ratio", s.testRatio());
        o.put("data_seed", s.dataSeed());
        o.put("train_subset", s.trainSubset());
        var hidden = o.putArray("hidden");
        for (int w : s.hidden()) {
            hidden.add(w);
        }
        o.put("hidden_activation", s.hiddenActivation().id());
        o.put("output_activation", s.outputActivation().id());
        o.put("output_units", s.outputUnits());
        o.put("loss", s.loss().id());
        o.put("initializer", s.initializer().id());
        o.put("weight_seed", s.weightSeed());
        o.put("learning_rate", s.learningRate());
        o.put("l2", s.l2());
        o.put("l1", s.l1());
        o.put("optimizer", s.optimizer().id());
        o.put("batch_size", s.batchSize());
        o.put("epochs", s.epochs());
        o.put("redraw_every", s.redrawEvery());
        if (!s.features().isDefault()) {
            var features = o.putArray("features");
            s.features().ids().forEach(features::add);
        }
        o.put("pace", s.pace());
        if (s.testPoints() > 0) {
            o.put("test_points", s.testPoints());
        }
        return o;
    }

    /** Reads settings from the object at {@code path}; every error names the key and the value. */
    public static LabSettings fromJson(JsonNode node, String path) throws JsonFieldException {
        return fromJson(node, path, LabSettings.defaults());
    }

    /**
     * Reads settings whose left-out keys take the values of {@code d} (an exercise's settings are
     * its lesson's with the few it changes).
     */
    public static LabSettings fromJson(JsonNode node, String path, LabSettings d) throws JsonFieldException {
        JsonFields f = JsonFields.of(node, path);
        LabSettings.Builder b = d.toBuilder()
                .dataset(f.parsed("dataset", DatasetKind::parse, d.dataset()))
                .samples(f.int32("samples", d.samples()))
                .noise(f.number("noise", d.noise()))
                .testRatio(f.number("test_ratio", d.testRatio()))
                .dataSeed(f.integer("data_seed", d.dataSeed()))
                .trainSubset(f.int32("train_subset", d.trainSubset()))
                .hidden(f.has("hidden") ? f.intArray("hidden") : d.hidden())
                .hiddenActivation(f.parsed("hidden_activation", Activation::parse, d.hiddenActivation()))
                .outputActivation(f.parsed("output_activation", Activation::parse, d.outputActivation()))
                .outputUnits(f.int32("output_units", d.outputUnits()))
                .loss(f.parsed("loss", Loss::parse, d.loss()))
                .initializer(f.parsed("initializer", Initializer::parse, d.initializer()))
                .weightSeed(f.integer("weight_seed", d.weightSeed()))
                .learningRate(f.number("learning_rate", d.learningRate()))
                .l2(f.number("l2", d.l2()))
                .l1(f.number("l1", d.l1()))
                .optimizer(f.parsed("optimizer", Optimizer.Kind::parse, d.optimizer()))
                .batchSize(f.int32("batch_size", d.batchSize()))
                .epochs(f.integer("epochs", d.epochs()))
                .redrawEvery(f.int32("redraw_every", d.redrawEvery()))
                .pace(f.number("pace", d.pace()))
                .testPoints(f.int32("test_points", d.testPoints()));
        if (f.has("features")) {
            try {
                b.features(Features.fromIds(f.textArray("features")));
            } catch (IllegalArgumentException e) {
                throw new JsonFieldException(f.path("features") + ": " + e.getMessage());
            }
        }
        // a changed default output must not leave the default loss behind: sigmoid/bce and softmax/ce pair up
        if (f.has("output_activation") && !f.has("loss") && d.equals(LabSettings.defaults())) {
            throw new JsonFieldException(f.path("loss") + ": missing; give the loss that goes with output_activation");
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(path + ": " + e.getMessage());
        }
    }
}
