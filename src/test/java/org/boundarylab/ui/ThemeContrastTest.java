package org.boundarylab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Text contrast in both themes, read from the style sheets themselves: the palette of lab.css's
 * {@code .root} (light) and that palette with theme-dark.css's {@code .root} over it (dark). Every
 * text colour on the ground it lies on is at least 4.5:1 (WCAG AA), placeholders included; every
 * text colour the sheets set is a palette name or comes with its own ground in the same rule
 * (and that pair is checked too).
 */
class ThemeContrastTest {
    static final double AA = 4.5;
    static final List<String> SHEETS = List.of("lab.css", "classroom/classroom.css", "classroom/presentation.css",
            "classroom/theme-dark.css", "diagram/diagram.css", "explain/explain.css", "sweep/sweep.css");

    /** Text (a palette name, or modena's text for a ground: "text-on:NAME") and the grounds it is shown on. */
    static final String[][] PAIRS = {
            {"text-on:-fx-background", "-fx-background"},
            {"text-on:-fx-control-inner-background", "-fx-control-inner-background"},
            {"text-on:-fx-background", "-bl-panel"}, // labels in the diagram's body and the weight editor
            {"-bl-panel-text", "-bl-panel"},
            {"-bl-heading", "-fx-background"},
            {"-bl-muted-text", "-fx-background"},
            {"-bl-muted-text", "-bl-panel"},
            {"-bl-muted-text", "-fx-control-inner-background"},
            {"-bl-prompt-text", "-fx-control-inner-background"},
            {"-bl-error-text", "-fx-background"},
            {"-bl-error-text", "-bl-panel"},
            {"-bl-tooltip-text", "-bl-tooltip"},
            {"-bl-banner-text", "-bl-banner"},
            {"-bl-lesson-text", "-bl-lesson-ground"},
            {"-bl-lesson-status", "-bl-lesson-ground"},
            {"-bl-lesson-reached", "-bl-lesson-ground"},
            {"-bl-lesson-missed", "-bl-lesson-ground"},
    };

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"light", "dark"})
    void everyTextReadsOnItsGround(String theme) throws IOException {
        Map<String, String> palette = palette(theme.equals("dark"));
        List<String> failures = new ArrayList<>();
        StringBuilder measured = new StringBuilder();
        for (String[] pair : PAIRS) {
            double[] bg = colour(pair[1], palette);
            double[] fg = pair[0].startsWith("text-on:") ? modenaText(colour(pair[0].substring(8), palette))
                    : colour(pair[0], palette);
            double ratio = ratio(fg, bg);
            measured.append(String.format(Locale.ROOT, "%s %s on %s: %.2f%n", theme, pair[0], pair[1], ratio));
            if (ratio < AA) {
                failures.add(String.format(Locale.ROOT, "%s on %s: %.2f:1", pair[0], pair[1], ratio));
            }
        }
        System.out.print(measured);
        assertEquals(List.of(), failures, theme + " theme: text below " + AA + ":1");
    }

    /** A literal text colour is allowed only with its own literal ground in the same rule, and then it must read. */
    @Test
    void everyOtherTextColourComesWithItsGround() throws IOException {
        Pattern rule = Pattern.compile("([^{}]+)\\{([^}]*)\\}");
        List<String> failures = new ArrayList<>();
        for (String sheet : SHEETS) {
            Matcher m = rule.matcher(stripComments(read(sheet)));
            while (m.find()) {
                String selector = m.group(1).trim();
                Map<String, String> d = declarations(m.group(2));
                for (String property : List.of("-fx-text-fill", "-fx-prompt-text-fill")) {
                    String text = d.get(property);
                    if (text == null || text.startsWith("-")) {
                        continue;
                    }
                    String ground = d.get("-fx-background-color");
                    if (ground == null || ground.startsWith("-")) {
                        failures.add(sheet + " " + selector + ": " + property + " " + text + " without a palette name or its own ground");
                        continue;
                    }
                    // a translucent ground is seen over the darkest ground it may lie on
                    double ratio = ratio(parse(text), over(parseAlpha(firstLayer(ground)), new double[] {0, 0, 0}));
                    if (ratio < AA) {
                        failures.add(String.format(Locale.ROOT, "%s %s: %s on %s: %.2f:1", sheet, selector, text, ground, ratio));
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theDarkThemeGivesEveryPaletteNameADarkValue() throws IOException {
        Map<String, String> light = rootBlock("lab.css");
        Map<String, String> dark = rootBlock("classroom/theme-dark.css");
        for (String name : light.keySet()) {
            if (name.startsWith("-bl-") && !name.startsWith("-bl-banner")) {
                assertTrue(dark.containsKey(name), "theme-dark.css has no " + name);
            }
        }
        assertTrue(luminance(colour("-bl-panel", palette(true))) < 0.05, "the dark panels are dark");
    }

    // ---- the palette from the sheets ----

    static Map<String, String> palette(boolean dark) throws IOException {
        Map<String, String> p = new LinkedHashMap<>(rootBlock("lab.css"));
        if (dark) {
            p.putAll(rootBlock("classroom/theme-dark.css"));
        }
        return p;
    }

    static Map<String, String> rootBlock(String sheet) throws IOException {
        Matcher m = Pattern.compile("(?m)^\\.root\\s*\\{([^}]*)\\}").matcher(stripComments(read(sheet)));
        assertTrue(m.find(), sheet + " has a .root block");
        return declarations(m.group(1));
    }

    private static Map<String, String> declarations(String block) {
        Map<String, String> d = new LinkedHashMap<>();
        for (String decl : block.split(";")) {
            int colon = decl.indexOf(':');
            if (colon > 0) {
                d.put(decl.substring(0, colon).trim(), decl.substring(colon + 1).trim());
            }
        }
        return d;
    }

    private static String read(String sheet) throws IOException {
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream(sheet)) {
            assertTrue(in != null, "no style sheet " + sheet);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String stripComments(String css) {
        return css.replaceAll("(?s)/\\*.*?\\*/", "");
    }

    static double[] colour(String nameOrValue, Map<String, String> palette) {
        String v = nameOrValue;
        for (int i = 0; i < 10 && v.startsWith("-"); i++) {
            String next = palette.get(v);
            assertTrue(next != null, "the palette has no " + v);
            v = next;
        }
        return parse(v);
    }

    static double[] parse(String v) {
        double[] rgba = parseAlpha(v);
        return over(rgba, new double[] {1, 1, 1});
    }

    /** r, g, b, a in 0..1 from #rgb, #rrggbb, #rrggbbaa, rgba(...), white or black. */
    static double[] parseAlpha(String v) {
        v = v.trim().toLowerCase(Locale.ROOT);
        if (v.equals("white")) {
            return new double[] {1, 1, 1, 1};
        }
        if (v.equals("black")) {
            return new double[] {0, 0, 0, 1};
        }
        if (v.startsWith("rgba(") || v.startsWith("rgb(")) {
            String[] p = v.substring(v.indexOf('(') + 1, v.indexOf(')')).split(",");
            return new double[] {Double.parseDouble(p[0].trim()) / 255, Double.parseDouble(p[1].trim()) / 255,
                    Double.parseDouble(p[2].trim()) / 255, p.length > 3 ? Double.parseDouble(p[3].trim()) : 1};
        }
        String h = v.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        double a = h.length() == 8 ? Integer.parseInt(h.substring(6, 8), 16) / 255.0 : 1;
        return new double[] {Integer.parseInt(h.substring(0, 2), 16) / 255.0,
                Integer.parseInt(h.substring(2, 4), 16) / 255.0, Integer.parseInt(h.substring(4, 6), 16) / 255.0, a};
    }

    /** The first of a background's layers ("#0072B2, derive(...)" gives "#0072B2"). */
    private static String firstLayer(String ground) {
        int depth = 0;
        for (int i = 0; i < ground.length(); i++) {
            char c = ground.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                return ground.substring(0, i).trim();
            }
        }
        return ground.trim();
    }

    private static double[] over(double[] rgba, double[] under) {
        double a = rgba.length > 3 ? rgba[3] : 1;
        return new double[] {rgba[0] * a + under[0] * (1 - a), rgba[1] * a + under[1] * (1 - a),
                rgba[2] * a + under[2] * (1 - a)};
    }

    /**
     * The text colour modena gives labels on a ground: its ladder on the ground's brightness (white
     * below 45%, black to 59%, #333333 from 60%).
     */
    static double[] modenaText(double[] ground) {
        double brightness = Math.max(ground[0], Math.max(ground[1], ground[2]));
        if (brightness < 0.455) {
            return new double[] {1, 1, 1};
        }
        if (brightness < 0.6) {
            return new double[] {0, 0, 0};
        }
        return new double[] {0.2, 0.2, 0.2};
    }

    static double luminance(double[] c) {
        double[] l = new double[3];
        for (int i = 0; i < 3; i++) {
            l[i] = c[i] <= 0.03928 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }

    static double ratio(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }
}
