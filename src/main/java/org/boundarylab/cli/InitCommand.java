package org.boundarylab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.boundarylab.io.ModelFiles;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
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
    /** Widths beyond this are not what a 2-D lab is about and would only exhaust memory. */
    static final int MAX_UNITS = 10_000;
    static final long MAX_PARAMETERS = 20_000_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--layers", required = true, paramLabel = "N,N,...",
            description = "Units per layer, input first, e.g. 2,5,3,1 (2 inputs for x1,x2).")
    String layersText;

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
        int[] layers;
        try {
            layers = IntLists.parse(layersText);
        } catch (IllegalArgumentException e) {
            throw checks.error("--layers: " + e.getMessage());
        }
        checks.atLeast("--layers: the number of layers", layers.length, 2);
        long parameters = 0;
        for (int l = 0; l < layers.length; l++) {
            checks.atLeast("--layers: layer " + (l + 1) + " (units)", layers[l], 1);
            checks.atMost("--layers: layer " + (l + 1) + " (units)", layers[l], MAX_UNITS);
            if (l > 0) {
                parameters += (long) layers[l - 1] * layers[l] + layers[l];
            }
        }
        checks.atMost("--layers: the number of parameters", parameters, MAX_PARAMETERS);
        checks.writableTarget("--out", out);

        int outputs = layers[layers.length - 1];
        Activation outputActivation = output != null ? output : outputs == 1 ? Activation.SIGMOID : Activation.SOFTMAX;
        Loss lossFunction = loss != null ? loss : defaultLoss(outputActivation);
        Architecture arch;
        try {
            arch = new Architecture(layers, hidden, outputActivation, lossFunction);
        } catch (IllegalArgumentException e) {
            throw checks.error(e.getMessage());
        }
        Network net = init.create(arch, seed);

        Map<String, Object> initialization = new LinkedHashMap<>();
        initialization.put("method", init.id());
        initialization.put("seed", seed);
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("initialization", initialization);
        ModelFiles.write(out, net, extras);

        spec.commandLine().getOut().printf("wrote %s: %s, %d parameters, %s weights from seed %d%n",
                out, arch, arch.parameterCount(), init.id(), seed);
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
