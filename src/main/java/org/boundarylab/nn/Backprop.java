package org.boundarylab.nn;

/**
 * Loss and gradients by backpropagation over a batch, with buffers kept between calls.
 *
 * <pre>
 *   delta_L   = dLoss/dz_L                     (a - t for the canonical pairs)
 *   dW_l      = a_{l-1}^T delta_l / n + l2 W_l + l1 sign(W_l)
 *   db_l      = sum over rows of delta_l / n
 *   delta_l-1 = (delta_l W_l^T) * f'(a_{l-1})
 * </pre>
 */
final class Backprop {
    private final Architecture arch;
    final Forward forward;
    private final double[][] deltas;

    Backprop(Architecture arch, int capacity) {
        this.arch = arch;
        this.forward = new Forward(arch, capacity);
        int depth = arch.depth();
        deltas = new double[depth + 1][];
        for (int l = 1; l <= depth; l++) {
            deltas[l] = new double[capacity * arch.width(l)];
        }
    }

    int capacity() {
        return forward.capacity();
    }

    /** Mean loss plus penalty, forward pass only. */
    double loss(Network net, double[] x, double[] t, int rows, Regularization reg) {
        forward.run(net, x, rows);
        return dataLoss(t, rows) + net.penalty(reg);
    }

    private double dataLoss(double[] t, int rows) {
        int out = arch.outputs();
        return arch.loss().sum(forward.output(), forward.outputZ, t, rows, out) / rows;
    }

    /**
     * Fills g with the mean gradient over rows [0, rows) and, when asked, g.loss with the loss
     * for the parameters as they were (before any update).
     */
    void lossAndGradients(Network net, double[] x, double[] t, int rows, Regularization reg,
                          Gradients g, boolean withLoss) {
        forward.run(net, x, rows);
        g.loss = withLoss ? dataLoss(t, rows) + net.penalty(reg) : Double.NaN;
        int depth = arch.depth();
        double invN = 1.0 / rows;
        arch.loss().outputDelta(arch.output(), forward.output(), t, deltas[depth], rows, arch.outputs());
        for (int l = depth; l >= 1; l--) {
            int in = arch.width(l - 1);
            int out = arch.width(l);
            double[] a = forward.activations[l - 1];
            double[] delta = deltas[l];
            double[] dw = g.weights[l - 1];
            double[] db = g.biases[l - 1];
            java.util.Arrays.fill(dw, 0.0);
            java.util.Arrays.fill(db, 0.0);
            for (int r = 0; r < rows; r++) {
                int ro = r * out;
                int ao = r * in;
                for (int j = 0; j < out; j++) {
                    db[j] += delta[ro + j];
                }
                for (int i = 0; i < in; i++) {
                    double ai = a[ao + i];
                    if (ai == 0.0) {
                        continue;
                    }
                    int wo = i * out;
                    for (int j = 0; j < out; j++) {
                        dw[wo + j] += ai * delta[ro + j];
                    }
                }
            }
            double[] w = net.weights[l - 1];
            double l2 = reg.l2();
            double l1 = reg.l1();
            for (int k = 0; k < dw.length; k++) {
                dw[k] = dw[k] * invN + l2 * w[k] + (l1 == 0 ? 0.0 : l1 * Math.signum(w[k]));
            }
            for (int j = 0; j < out; j++) {
                db[j] *= invN;
            }
            if (l > 1) {
                double[] prev = deltas[l - 1];
                for (int r = 0; r < rows; r++) {
                    int ro = r * out;
                    int po = r * in;
                    for (int i = 0; i < in; i++) {
                        int wo = i * out;
                        double s = 0;
                        for (int j = 0; j < out; j++) {
                            s += delta[ro + j] * w[wo + j];
                        }
                        prev[po + i] = s;
                    }
                }
                arch.hidden().multiplyByDerivative(prev, a, rows * in);
            }
        }
    }
}
