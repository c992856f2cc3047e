package org.boundarylab.ui.explain;

import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * An equation typeset with JavaFX text: {@code z^{2}_{3} = a^{1}W^{2} + b^{2}} puts "2" raised
 * and smaller after z, "3" lowered and smaller after that. Sizes come from the style sheet in em
 * (explain.css), so presentation mode enlarges them with the rest of the window, and the colour
 * from the theme's text colour, so both themes read.
 */
final class Equation {
    private Equation() {
    }

    /** The equation as one flow of text, wrapping only where the panel is too narrow for it. */
    static TextFlow of(String markup) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("equation");
        StringBuilder plain = new StringBuilder();
        int k = 0;
        while (k < markup.length()) {
            char c = markup.charAt(k);
            if ((c == '^' || c == '_') && k + 1 < markup.length() && markup.charAt(k + 1) == '{') {
                int end = markup.indexOf('}', k + 2);
                if (end < 0) {
                    end = markup.length();
                }
                flush(flow, plain);
                flow.getChildren().add(script(markup.substring(k + 2, end), c == '^'));
                k = end + 1;
            } else {
                plain.append(c);
                k++;
            }
        }
        flush(flow, plain);
        return flow;
    }

    /** The text of the equation as it reads, scripts inline (for tests and accessibility). */
    static String plain(TextFlow flow) {
        StringBuilder b = new StringBuilder();
        flow.getChildren().forEach(n -> b.append(((Text) n).getText()));
        return b.toString();
    }

    private static void flush(TextFlow flow, StringBuilder plain) {
        if (plain.length() > 0) {
            Text t = new Text(plain.toString());
            t.getStyleClass().add("eq");
            flow.getChildren().add(t);
            plain.setLength(0);
        }
    }

    private static Text script(String text, boolean up) {
        Text t = new Text(text);
        t.getStyleClass().addAll("eq", up ? "eq-sup" : "eq-sub");
        // raised or lowered by a share of its own size, whatever size the style sheet gives it
        t.fontProperty().addListener((o, a, f) -> t.setTranslateY((up ? -0.55 : 0.3) * f.getSize()));
        t.setTranslateY(up ? -5 : 3);
        return t;
    }
}
