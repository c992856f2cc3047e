package org.boundarylab.render;

/**
 * The rectangle of the input plane a picture shows. Pixel rows grow downwards while x2 grows
 * upwards, so row 0 is {@code yMax}.
 */
public record Viewport(double xMin, double xMax, double yMin, double yMax) {

    public Viewport {
        if (!(xMax > xMin) || !(yMax > yMin) || !Double.isFinite(xMax - xMin) || !Double.isFinite(yMax - yMin)) {
            throw new IllegalArgumentException("empty or infinite viewport: [" + xMin + ", " + xMax + "] x ["
                    + yMin + ", " + yMax + "]");
        }
    }

    /** The data's bounding box grown by {@code marginFraction} of its size on every side. */
    public static Viewport around(double[][] points, double marginFraction) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        if (points.length == 0) {
            return new Viewport(-1, 1, -1, 1);
        }
        double w = Math.max(x1 - x0, 1e-6);
        double h = Math.max(y1 - y0, 1e-6);
        double mx = w * marginFraction;
        double my = h * marginFraction;
        return new Viewport(x0 - mx, x1 + mx, y0 - my, y1 + my);
    }

    /**
     * This view grown in one direction, centred, until its width over its height is
     * {@code aspect}: drawn into a box of that shape, one unit is as long on both axes (a circle
     * stays a circle). Nothing of this view is cut away.
     */
    public Viewport withAspect(double aspect) {
        if (!(aspect > 0) || !Double.isFinite(aspect)) {
            return this;
        }
        double w = width();
        double h = height();
        if (w / h < aspect) {
            double grow = (h * aspect - w) / 2;
            return new Viewport(xMin - grow, xMax + grow, yMin, yMax);
        }
        double grow = (w / aspect - h) / 2;
        return grow == 0 ? this : new Viewport(xMin, xMax, yMin - grow, yMax + grow);
    }

    public double width() {
        return xMax - xMin;
    }

    public double height() {
        return yMax - yMin;
    }

    public double toPixelX(double x, double pixels) {
        return (x - xMin) / width() * pixels;
    }

    public double toPixelY(double y, double pixels) {
        return (yMax - y) / height() * pixels;
    }

    public double fromPixelX(double px, double pixels) {
        return xMin + px / pixels * width();
    }

    public double fromPixelY(double py, double pixels) {
        return yMax - py / pixels * height();
    }
}
