package org.boundarylab.cli;

import java.util.function.Function;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Initializer;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Optimizer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option converters that reuse the engine's own parsers, so the command line accepts the same
 * names as model files and says which names exist when one is wrong.
 */
final class Converters {
    private Converters() {
    }

    /** Turns a parser's IllegalArgumentException into picocli's "Invalid value for option ..." message. */
    abstract static class Parsing<T> implements ITypeConverter<T> {
        private final Function<String, T> parser;

        Parsing(Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public T convert(String value) {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ActivationConverter extends Parsing<Activation> {
        ActivationConverter() {
            super(Activation::parse);
        }
    }

    static final class LossConverter extends Parsing<Loss> {
        LossConverter() {
            super(Loss::parse);
        }
    }

    static final class InitializerConverter extends Parsing<Initializer> {
        InitializerConverter() {
            super(Initializer::parse);
        }
    }

    static final class OptimizerConverter extends Parsing<Optimizer.Kind> {
        OptimizerConverter() {
            super(Optimizer.Kind::parse);
        }
    }

    static final class DatasetKindConverter extends Parsing<DatasetKind> {
        DatasetKindConverter() {
            super(DatasetKind::parse);
        }
    }
}
