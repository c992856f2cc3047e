package org.boundarylab.nn;

/**
 * The forward pass over a batch, with buffers kept between calls: a[l] = f(a[l-1] W + b).
 * {@code activations[0]} is the caller's input block; the output layer's pre-activations are
 * kept too, because the cross-entropies are computed from them.
 */
final class Forward {
    final Architecture arch;
    final double[][] activations;
    final double[] outputZ;
    private final int capacity;

    Forward(Architecture arch, int capacity) {
        this.arch = arch;
        this.capacity = capacity;
        int depth = arch.depth();
        activations = new double[depth + 1][];
        for (int l = 1; l <= depth; l++) {
            activations[l] = new double[capacity * arch.width(l)];
        }
        outputZ = new double[capacity * arch.outputs()];
    }

    int capacity() {
        return capacity;
    }

    /** Runs rows [0, rows) of x (row-major, inputs wide) through the network. */
    void run(Network net, double[] x, int rows) {
        if (rows > capacity) {
            throw new IllegalArgumentException(rows + " rows exceed the buffer of " + capacity);
        }
        activations[0] = x;
        int depth = arch.depth();
        for (int l = 0; l < depth; l++) {
            int in = arch.width(l);
            int out = arch.width(l + 1);
            double[] a = activations[l];
            double[] z = activations[l + 1];
            affine(a, net.weights[l], net.biases[l], z, rows, in, out);
            if (l == depth - 1) {
                System.arraycopy(z, 0, outputZ, 0, rows * out);
            }
            arch.activationOf(l + 1).applyInPlace(z, rows, out);
        }
    }

    double[] output() {
        return activations[arch.depth()];
    }

    /** z = a W + b for rows x in times in x out. */
    static void affine(double[] a, double[] w, double[] b, double[] z, int rows, int in, int out) {
        for (int r = 0; r < rows; r++) {
            int zo = r * out;
            System.arraycopy(b, 0, z, zo, out);
            int ao = r * in;
            for (int i = 0; i < in; i++) {
                double ai = a[ao + i];
                if (ai == 0.0) {
                    continue; // common after ReLU; skipping is exact
                }
                int wo = i * out;
                for (int j = 0; j < out; j++) {
                    z[zo + j] += ai * w[wo + j];
                }
            }
        }
    }
}
