package org.boundarylab.nn;

import java.util.List;
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

    /** Updates made so far (only Adam's bias correction needs the count; the others report 0). */
    long steps() {
        return 0;
    }

    /** Copies of the rule's per-parameter memory, each shaped like the network (none for plain descent). */
    List<Network> moments() {
        return List.of();
    }

    /** Takes over memory read off {@link #steps()} and {@link #moments()} of the same rule and architecture. */
    void restore(long steps, List<Network> moments) {
        if (!moments.isEmpty()) {
            throw new IllegalArgumentException("plain gradient descent keeps no moments");
        }
    }

    /** Copies {@code from} into {@code into}: same architecture required. */
    static void restoreMoment(Network from, Network into, String what) {
        if (!from.architecture().equals(into.architecture())) {
            throw new IllegalArgumentException(what + " is shaped " + from.architecture() + " but the network is "
                    + into.architecture());
        }
        from.copyInto(into);
    }

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
        private final Network velocity;
        private final double[][] vw;
        private final double[][] vb;

        Momentum(Architecture arch, double lr, double beta) {
            super(lr);
            this.beta = beta;
            velocity = new Network(arch);
            vw = velocity.weights;
            vb = velocity.biases;
        }

        @Override
        List<Network> moments() {
            return List.of(velocity.copy());
        }

        @Override
        void restore(long steps, List<Network> moments) {
            if (moments.size() != 1) {
                throw new IllegalArgumentException("momentum keeps one moment (the velocity), got " + moments.size());
            }
            restoreMoment(moments.get(0), velocity, "the velocity");
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
        private final Network first;
        private final Network second;
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
            first = new Network(arch);
            second = new Network(arch);
            mw = first.weights;
            mb = first.biases;
            sw = second.weights;
            sb = second.biases;
        }

        @Override
        long steps() {
            return t;
        }

        @Override
        List<Network> moments() {
            return List.of(first.copy(), second.copy());
        }

        @Override
        void restore(long steps, List<Network> moments) {
            if (moments.size() != 2) {
                throw new IllegalArgumentException("Adam keeps two moments, got " + moments.size());
            }
            if (steps < 0) {
                throw new IllegalArgumentException("Adam's step count must be >= 0, got " + steps);
            }
            if (!moments.get(1).architecture().equals(second.architecture())) {
                throw new IllegalArgumentException("the second moment is shaped " + moments.get(1).architecture()
                        + " but the network is " + second.architecture());
            }
            restoreMoment(moments.get(0), first, "the first moment");
            restoreMoment(moments.get(1), second, "the second moment");
            t = steps;
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
