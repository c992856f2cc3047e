package org.boundarylab.nn;

import java.util.Locale;
import org.boundarylab.text.Excerpt;

/**
 * Update rules. The learning rate can change between steps (the lab lets a student turn it
 * while training runs) without resetting the optimiser's state.
 */
public abstract class Optimizer {
    /** The rules on offer; gd and sgd share the plain update and differ only in batch size. */
    public enum Kind {
        GD("gd"), SGD("sgd"), MOMENTUM("momentum"), ADAM("adam");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind parse(String text) {
            String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            for (Kind k : values()) {
                if (k.id.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown optimizer " + Excerpt.quoted(text) + " (expected gd, sgd, momentum or adam)");
        }

        public Optimizer create(Architecture arch, double learningRate) {
            return switch (this) {
                case GD, SGD -> new GradientDescent(learningRate);
                case MOMENTUM -> new Momentum(arch, learningRate, 0.9);
                case ADAM -> new Adam(arch, learningRate, 0.9, 0.999, 1e-8);
            };
        }

        @Override
        public String toString() {
            return id;
        }
    }

    private double learningRate;

    protected Optimizer(double learningRate) {
        setLearningRate(learningRate);
    }

    public final double learningRate() {
        return learningRate;
    }

    public final void setLearningRate(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** Moves the network's parameters one step against the gradient. */
    public abstract void step(Network net, Gradients g);

    /** W <- W - lr * dW. */
    static final class GradientDescent extends Optimizer {
        GradientDescent(double lr) {
            super(lr);
        }

        @Override
        public void step(Network net, Gradients g) {
            double lr = learningRate();
            for (int l = 0; l < net.weights.length; l++) {
                update(net.weights[l], g.weights[l], lr);
                update(net.biases[l], g.biases[l], lr);
            }
        }

        private static void update(double[] p, double[] d, double lr) {
            for (int k = 0; k < p.length; k++) {
                p[k] -= lr * d[k];
            }
        }
    }

    /** v <- beta v - lr dW; W <- W + v. */
    static final class Momentum extends Optimizer {
        private final double beta;
        private final double[][] vw;
        private final double[][] vb;

        Momentum(Architecture arch, double lr, double beta) {
            super(lr);
            this.beta = beta;
            Network shape = new Network(arch);
            vw = shape.weights;
            vb = shape.biases;
        }

        @Override
        public void step(Network net, Gradients g) {
            double lr = learningRate();
            for (int l = 0; l < net.weights.length; l++) {
                update(net.weights[l], g.weights[l], vw[l], lr);
                update(net.biases[l], g.biases[l], vb[l], lr);
            }
        }

        private void update(double[] p, double[] d, double[] v, double lr) {
            for (int k = 0; k < p.length; k++) {
                v[k] = beta * v[k] - lr * d[k];
                p[k] += v[k];
            }
        }
    }

    /** Adam (Kingma and Ba) with bias correction. */
    static final class Adam extends Optimizer {
        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double[][] mw;
        private final double[][] mb;
        private final double[][] sw;
        private final double[][] sb;
        private long t;

        Adam(Architecture arch, double lr, double beta1, double beta2, double epsilon) {
            super(lr);
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
            Network m = new Network(arch);
            Network s = new Network(arch);
            mw = m.weights;
            mb = m.biases;
            sw = s.weights;
            sb = s.biases;
        }

        @Override
        public void step(Network net, Gradients g) {
            t++;
            double c1 = 1 - Math.pow(beta1, t);
            double c2 = 1 - Math.pow(beta2, t);
            double lr = learningRate();
            for (int l = 0; l < net.weights.length; l++) {
                update(net.weights[l], g.weights[l], mw[l], sw[l], lr, c1, c2);
                update(net.biases[l], g.biases[l], mb[l], sb[l], lr, c1, c2);
            }
        }

        private void update(double[] p, double[] d, double[] m, double[] s, double lr, double c1, double c2) {
            for (int k = 0; k < p.length; k++) {
                m[k] = beta1 * m[k] + (1 - beta1) * d[k];
                s[k] = beta2 * s[k] + (1 - beta2) * d[k] * d[k];
                p[k] -= lr * (m[k] / c1) / (Math.sqrt(s[k] / c2) + epsilon);
            }
        }
    }
}
