package org.boundarylab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.boundarylab.io.ModelFile;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.Features;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Makes a starting model: an architecture and weights drawn from a seed. */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = "Make a starting model file with weights drawn from a seed.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--layers", required = true, paramLabel = "N,N,...",
            description = "Units per layer, input first, e.g. 2,5,3,1 (2 inputs for x1,x2); with --features"
                    + " the first number may be left as the feature count or written _, e.g. _,5,1.")
    String layersText;

    @Option(names = "--features", paramLabel = "F,F,...",
            description = "Input features: x1, x2, x1^2, x2^2, x1*x2, sin_x1, sin_x2 (default: x1,x2);"
                    + " the first layer gets one unit per feature.")
    String featuresText;

    @Option(names = "--hidden", paramLabel = "ACTIVATION", defaultValue = "tanh",
            converter = Converters.ActivationConverter.class,
            description = "Hidden activation: tanh, sigmoid, relu, leaky_relu, linear (default: ${DEFAULT-VALUE}).")
    Activation hidden;

    @Option(names = "--output", paramLabel = "ACTIVATION", converter = Converters.ActivationConverter.class,
            description = "Output activation: sigmoid, softmax, linear"
                    + " (default: sigmoid for 1 output unit, softmax for more).")
    Activation output;

    @Option(names = "--loss", paramLabel = "LOSS", converter = Converters.LossConverter.class,
            description = "binary_cross_entropy, cross_entropy, mean_squared_error"
                    + " (default: the one that suits the output).")
    Loss loss;

    @Option(names = "--init", paramLabel = "METHOD", defaultValue = "glorot",
            converter = Converters.InitializerConverter.class,
            description = "Starting weights: glorot, uniform, lecun, he (default: ${DEFAULT-VALUE}).")
    Initializer init;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "MODEL.json", description = "The model file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Checks checks = new Checks(spec);
        Features features = Features.DEFAULT;
        if (featuresText != null) {
            try {
                features = Features.parse(featuresText);
            } catch (IllegalArgumentException e) {
                throw checks.error("--features: " + e.getMessage());
            }
        }
        int[] layers;
        try {
            String text = layersText.trim();
            // "_" stands for the feature count, so a layer list can be reused with other features
            layers = IntLists.parse(text.startsWith("_") ? features.count() + text.substring(1) : text);
        } catch (IllegalArgumentException e) {
            throw checks.error("--layers: " + e.getMessage());
        }
        if (layers.length > 0 && layers[0] != features.count()) {
            throw checks.error("--layers: the first layer has " + layers[0] + " units but the features "
                    + features + " make " + features.count() + " inputs; write " + features.count()
                    + " (or _) first");
        }
        checks.atLeast("--layers: the number of layers", layers.length, 2);
        for (int l = 0; l < layers.length; l++) {
            checks.atLeast("--layers: layer " + (l + 1) + " (units)", layers[l], 1);
        }
        try {
            // the one size bound of every network (units, parameters, outputs), before anything is allocated
            Architecture.checkSize(layers);
        } catch (IllegalArgumentException e) {
            throw checks.error("--layers: " + e.getMessage());
        }
        checks.writableTarget("--out", out);

        int outputs = layers[layers.length - 1];
        Activation outputActivation = output != null ? output : outputs == 1 ? Activation.SIGMOID : Activation.SOFTMAX;
        Loss lossFunction = loss != null ? loss : defaultLoss(outputActivation);
        Architecture arch;
        try {
            arch = new Architecture(layers, hidden, outputActivation, lossFunction);
        } catch (IllegalArgumentException e) {
            String options = hidden == Activation.SOFTMAX ? "--hidden" : loss != null ? "--output/--loss" : "--output";
            throw checks.error(options + ": " + e.getMessage());
        }
        Network net = init.create(arch, seed);

        Map<String, Object> initialization = new LinkedHashMap<>();
        initialization.put("method", init.id());
        initialization.put("seed", seed);
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("initialization", initialization);
        extras = ModelFile.withFeatures(extras, features);
        ModelFiles.write(out, net, extras);

        spec.commandLine().getOut().printf("wrote %s: %s, %d parameters, %s weights from seed %d%s%n",
                out, arch, arch.parameterCount(), init.id(), seed,
                features.isDefault() ? "" : ", inputs " + features);
        return Cli.OK;
    }

    static Loss defaultLoss(Activation output) {
        return switch (output) {
            case SIGMOID -> Loss.BINARY_CROSS_ENTROPY;
            case SOFTMAX -> Loss.CROSS_ENTROPY;
            default -> Loss.MEAN_SQUARED_ERROR;
        };
    }
}
