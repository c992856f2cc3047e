package org.boundarylab.ui.explain;

import static org.boundarylab.ui.ExplainedPoint.num;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.boundarylab.data.Dataset;
import org.boundarylab.data.Split;
import org.boundarylab.nn.Activation;
import org.boundarylab.nn.Architecture;
import org.boundarylab.nn.BatchStep;
import org.boundarylab.nn.Loss;
import org.boundarylab.nn.Network;
import org.boundarylab.nn.PointTrace;
import org.boundarylab.ui.ExplainedPoint;
import org.boundarylab.ui.ExplainedPoint.Numbers;
import org.boundarylab.ui.ExplainedPoint.Pointer;

/**
 * The Explain panel's nodes: the point chooser (a table of the data, a class for a spot of the
 * plane), the box with the equation of the unit or link under the pointer and its numbers
 * plugged in, the forward pass layer by layer, the backward pass, and the whole batch's step
 * with Apply and Undo. Built again from the numbers whenever they change; FX thread only.
 */
final class ExplainPanel {
    /** Units of a layer listed at most; the rest are summed up in one line. */
    static final int MAX_UNITS = 12;

    /** A row of the data table. */
    record Row(String set, int index, double x1, double x2, int label) {
    }

    private final ExplainModel model;
    private final VBox content = new VBox(8);
    private final ScrollPane root = new ScrollPane(content);
    private final VBox focusBox = new VBox(4);
    private final Label focusTitle = new Label();
    private final VBox passes = new VBox(8);
    private final Label pointLabel = new Label("No point chosen yet.");
    private final Label message = new Label();
    private final VBox changes = new VBox(2);
    private final TableView<Row> table = new TableView<>();
    private final ChoiceBox<Integer> spotClass = new ChoiceBox<>();
    private final Button apply = new Button("Apply one update");
    private final Button undo = new Button("Undo");
    private final Button close = new Button("Close");

    ExplainPanel(ExplainModel model) {
        this.model = model;
        root.setId("explainPane");
        root.getStyleClass().add("explain");
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.getStylesheets().add(ExplainPanel.class.getResource("explain.css").toExternalForm());
        content.getStyleClass().add("explain-content");
        content.setPadding(new Insets(8, 10, 12, 10));

        Label title = new Label("Explain one point");
        title.getStyleClass().add("section");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        close.setId("explainClose");
        HBox head = new HBox(8, title, gap, close);
        head.setAlignment(Pos.CENTER_LEFT);

        Label hint = wrapped("Click a point or any spot on the canvas, or pick a row below. Point at a unit or "
                + "a link (here or in the diagram) for its equation with the numbers in it. A spot of the plane is "
                + "explained as the class chosen here:");
        hint.getStyleClass().add("explain-hint");

        spotClass.setId("explainSpotClass");
        spotClass.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer c) {
                return c == null ? "" : "class " + c;
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        spotClass.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.spotClassProperty().set(b);
                ExplainModel.Choice c = model.choiceProperty().get();
                if (c != null && c.where().equals("a spot of the plane") && c.label() != b) {
                    model.chooseSpot(c.x1(), c.x2());
                }
            }
        });
        HBox spotRow = new HBox(8, new Label("A spot's class"), spotClass);
        spotRow.setAlignment(Pos.CENTER_LEFT);

        table.setId("explainTable");
        table.setPrefHeight(150);
        table.setMinHeight(110);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("set", r -> r.set() + " " + r.index()));
        table.getColumns().add(column("x1", r -> cell(r.x1())));
        table.getColumns().add(column("x2", r -> cell(r.x2())));
        table.getColumns().add(column("class", r -> Integer.toString(r.label())));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                model.choosePoint(r.x1(), r.x2(), r.label(), r.set() + " point " + r.index());
            }
        });

        pointLabel.setId("explainPoint");
        pointLabel.setWrapText(true);
        focusBox.setId("explainFocus");
        focusBox.getStyleClass().add("explain-focus");
        focusTitle.getStyleClass().add("explain-focus-title");

        apply.setId("explainApply");
        undo.setId("explainUndo");
        apply.setOnAction(e -> model.applyUpdate());
        undo.setOnAction(e -> model.undo());
        apply.disableProperty().bind(model.canApplyProperty().not());
        undo.disableProperty().bind(model.canUndoProperty().not());
        message.setId("explainMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        changes.setId("explainChanges");

        content.getChildren().addAll(head, hint, spotRow, table, pointLabel, focusBox, passes);
        for (Node n : List.of(hint, pointLabel, message)) {
            ((Region) n).setMaxWidth(Double.MAX_VALUE);
        }
        model.numbersProperty().addListener((o, a, b) -> rebuild());
        model.shared().pointerProperty().addListener((o, a, b) -> showFocus());
        model.lastStepProperty().addListener((o, a, b) -> showChanges());
        rebuild();
    }

    ScrollPane root() {
        return root;
    }

    Button closeButton() {
        return close;
    }

    TableView<Row> table() {
        return table;
    }

    /** Fills the table and the class choice from the lab's points. */
    void setData(Split split) {
        List<Row> rows = new ArrayList<>();
        int classes = 2;
        if (split != null) {
            addRows(rows, "train", split.train());
            addRows(rows, "test", split.test());
            classes = Math.max(split.train().classes(), split.test().classes());
        }
        table.setItems(FXCollections.observableArrayList(rows));
        List<Integer> choices = new ArrayList<>();
        for (int c = 0; c < Math.max(2, classes); c++) {
            choices.add(c);
        }
        Integer keep = spotClass.getValue();
        spotClass.getItems().setAll(choices);
        spotClass.setValue(keep != null && keep < choices.size() ? keep : Math.min(1, choices.size() - 1));
    }

    private static void addRows(List<Row> rows, String set, Dataset d) {
        for (int r = 0; r < d.size(); r++) {
            rows.add(new Row(set, r + 1, d.x1(r), d.x2(r), d.label(r)));
        }
    }

    private static TableColumn<Row, String> column(String name, java.util.function.Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(name);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    /** A coordinate in the table: two decimals, enough to tell the points apart by eye. */
    private static String cell(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v).replace('-', '−');
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    // ---- the numbers ----

    private void rebuild() {
        Numbers n = model.numbersProperty().get();
        passes.getChildren().clear();
        if (n == null) {
            pointLabel.setText(model.choiceProperty().get() == null ? "No point chosen yet."
                    : "Working the numbers out…");
            focusBox.getChildren().clear();
            focusBox.setVisible(false);
            focusBox.setManaged(false);
            return;
        }
        focusBox.setVisible(true);
        focusBox.setManaged(true);
        PointTrace t = n.point();
        Architecture arch = t.architecture();
        pointLabel.setText("Point (" + num(n.x1()) + ", " + num(n.x2()) + "), class " + t.label() + ": "
                + n.where() + ". The network gives it class " + t.predicted() + "; its loss L = " + num(t.loss())
                + ".");
        passes.getChildren().add(section("Forward pass"));
        passes.getChildren().add(Equation.of("a^{0} = x = (" + joined(t.input(), arch.inputs()) + ")"));
        for (int l = 1; l <= t.depth(); l++) {
            Activation f = arch.activationOf(l);
            passes.getChildren().add(Equation.of("z^{" + l + "} = a^{" + (l - 1) + "}W^{" + l + "} + b^{" + l
                    + "},   a^{" + l + "} = " + fName(f) + "(z^{" + l + "})"));
            GridPane grid = grid();
            header(grid, "unit", "z", "a");
            for (int j = 0; j < Math.min(MAX_UNITS, arch.width(l)); j++) {
                row(grid, j + 1, Pointer.unit(l, j), unitName(l, j), num(t.z(l - 1, j)), num(t.a(l - 1, j)));
            }
            more(grid, arch.width(l));
            passes.getChildren().add(grid);
        }
        passes.getChildren().add(Equation.of("L = " + lossFormula(arch) + " = " + num(t.loss())));
        passes.getChildren().add(section("Backward pass"));
        int depth = t.depth();
        for (int l = depth; l >= 1; l--) {
            passes.getChildren().add(Equation.of(l == depth ? outputDeltaFormula(arch)
                    : "δ^{" + l + "} = (δ^{" + (l + 1) + "}(W^{" + (l + 1) + "})^{T}) ⊙ " + fName(arch.hidden())
                    + "′(z^{" + l + "})"));
            GridPane grid = grid();
            header(grid, "unit", "δ = ∂L/∂z", "");
            for (int j = 0; j < Math.min(MAX_UNITS, arch.width(l)); j++) {
                row(grid, j + 1, Pointer.unit(l, j), unitName(l, j), num(t.delta(l - 1, j)), "");
            }
            more(grid, arch.width(l));
            passes.getChildren().add(grid);
        }
        for (int l = 1; l <= depth; l++) {
            passes.getChildren().add(Equation.of("∂L/∂W^{" + l + "} = (a^{" + (l - 1) + "})^{T}δ^{" + l
                    + "},   ∂L/∂b^{" + l + "} = δ^{" + l + "}"));
            int layer = l - 1;
            passes.getChildren().add(gradientGrid(layer, (i, j) -> t.gradWeight(layer, i, j),
                    j -> t.gradBias(layer, j), arch));
        }
        passes.getChildren().add(section("The whole training set: one step"));
        BatchStep s = n.batch();
        if (s == null) {
            passes.getChildren().add(wrapped("No step while the settings are invalid or the data does not fit."));
        } else {
            String penalty = s.regularization().l2() > 0 || s.regularization().l1() > 0
                    ? " + (λ₂/2)ΣW^{2} + λ₁Σ|W|" : "";
            passes.getChildren().add(Equation.of("J = (1/N)Σ_{n}L_{n}" + penalty + " = " + num(s.loss())
                    + "   (N = " + s.rows() + ")"));
            passes.getChildren().add(Equation.of("∂J/∂W = (1/N)Σ_{n}(a_{n})^{T}δ_{n}"
                    + (penalty.isEmpty() ? "" : " + λ₂W + λ₁ sign W")
                    + (penalty.isEmpty() ? "" : "   (λ₂ = " + num(s.regularization().l2()) + ", λ₁ = "
                    + num(s.regularization().l1()) + ")")));
            passes.getChildren().add(Equation.of("W ← W − η ∂J/∂W,   b ← b − η ∂J/∂b   (η = "
                    + num(s.learningRate()) + ")"));
            for (int l = 1; l <= depth; l++) {
                int layer = l - 1;
                passes.getChildren().add(Equation.of("∂J/∂W^{" + l + "}, ∂J/∂b^{" + l + "}"));
                passes.getChildren().add(gradientGrid(layer, (i, j) -> s.gradWeight(layer, i, j),
                        j -> s.gradBias(layer, j), arch));
            }
            HBox buttons = new HBox(8, apply, undo);
            passes.getChildren().addAll(buttons, message, changes);
        }
        showFocus();
        showChanges();
    }

    private interface Cell {
        double at(int i, int j);
    }

    /** Rows: the inputs of the layer and the bias; columns: its units. Each cell points at its link. */
    private GridPane gradientGrid(int layer, Cell weights, java.util.function.IntToDoubleFunction biases,
                                  Architecture arch) {
        GridPane grid = grid();
        int in = Math.min(MAX_UNITS, arch.width(layer));
        int out = Math.min(6, arch.width(layer + 1));
        grid.add(small(""), 0, 0);
        for (int j = 0; j < out; j++) {
            grid.add(small(unitName(layer + 1, j)), j + 1, 0);
        }
        for (int i = 0; i <= in; i++) {
            boolean bias = i == in;
            grid.add(small(bias ? "b" : unitName(layer, i)), 0, i + 1);
            for (int j = 0; j < out; j++) {
                double v = bias ? biases.applyAsDouble(j) : weights.at(i, j);
                Label cell = small(num(v));
                cell.getStyleClass().add("explain-cell");
                Pointer p = bias ? Pointer.unit(layer + 1, j) : Pointer.link(layer, i, j);
                cell.setOnMouseEntered(e -> model.shared().pointerProperty().set(p));
                grid.add(cell, j + 1, i + 1);
            }
        }
        if (arch.width(layer + 1) > out || arch.width(layer) > in) {
            grid.add(small("… (" + arch.width(layer) + " × " + arch.width(layer + 1) + " in all)"), 0, in + 2, 4, 1);
        }
        return grid;
    }

    private GridPane grid() {
        GridPane g = new GridPane();
        g.getStyleClass().add("explain-grid");
        g.setHgap(10);
        g.setVgap(1);
        return g;
    }

    private void header(GridPane grid, String... names) {
        for (int k = 0; k < names.length; k++) {
            Label l = small(names[k]);
            l.getStyleClass().add("explain-head");
            grid.add(l, k, 0);
        }
    }

    private void row(GridPane grid, int r, Pointer p, String... cells) {
        for (int k = 0; k < cells.length; k++) {
            Label l = small(cells[k]);
            l.getStyleClass().add("explain-cell");
            l.setOnMouseEntered(e -> model.shared().pointerProperty().set(p));
            grid.add(l, k, r);
        }
    }

    private void more(GridPane grid, int width) {
        if (width > MAX_UNITS) {
            grid.add(small("… " + (width - MAX_UNITS) + " more"), 0, MAX_UNITS + 1, 3, 1);
        }
    }

    private static Label small(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("explain-number");
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    private void showChanges() {
        changes.getChildren().clear();
        List<ExplainModel.Change> list = model.lastStepProperty().get();
        if (list.isEmpty() || model.numbersProperty().get() == null) {
            return;
        }
        GridPane grid = grid();
        header(grid, "", "before", "", "after");
        int r = 1;
        for (ExplainModel.Change c : list) {
            grid.add(small(c.name()), 0, r);
            grid.add(small(num(c.before())), 1, r);
            grid.add(small("→"), 2, r);
            grid.add(small(num(c.after())), 3, r);
            r++;
        }
        changes.getChildren().add(grid);
    }

    // ---- the box for the unit or link under the pointer ----

    /** The equations of what the pointer is on (the output unit when it is on nothing), numbers plugged in. */
    private void showFocus() {
        Numbers n = model.numbersProperty().get();
        if (n == null) {
            return;
        }
        PointTrace t = n.point();
        Architecture arch = t.architecture();
        Pointer p = model.shared().pointerProperty().get();
        if (p == null || !fits(p, arch)) {
            p = Pointer.unit(t.depth(), 0);
        }
        List<String> lines = p.link() ? linkEquations(n, p.layer(), p.from(), p.to()) : unitEquations(n, p.layer(),
                p.to());
        focusBox.getChildren().setAll(focusTitle);
        focusTitle.setText(p.link() ? "Weight W" + ExplainedPoint.sup(p.layer() + 1)
                + ExplainedPoint.subPair(p.from() + 1, p.to() + 1) + ", from " + unitName(p.layer(), p.from())
                + " to " + unitName(p.layer() + 1, p.to())
                : "Unit " + unitName(p.layer(), p.to()));
        for (String line : lines) {
            focusBox.getChildren().add(Equation.of(line));
        }
    }

    private static boolean fits(Pointer p, Architecture arch) {
        if (p.link()) {
            return p.layer() < arch.depth() && p.from() < arch.width(p.layer()) && p.to() < arch.width(p.layer() + 1);
        }
        return p.layer() <= arch.depth() && p.to() < arch.width(p.layer());
    }

    /** The lines for unit j of layer l (0 = the inputs). */
    static List<String> unitEquations(Numbers n, int l, int j) {
        PointTrace t = n.point();
        Architecture arch = t.architecture();
        Network net = n.network();
        List<String> lines = new ArrayList<>();
        String jj = "_{" + (j + 1) + "}";
        if (l == 0) {
            lines.add("a^{0}" + jj + " = x" + jj + " = " + num(t.input()[j]));
            return lines;
        }
        int k = l - 1;
        StringBuilder z = new StringBuilder("z^{" + l + "}" + jj + " = Σ_{i}a^{" + k + "}_{i}W^{" + l + "}_{i"
                + (j + 1) + "} + b^{" + l + "}" + jj + " = ");
        int in = arch.width(k);
        for (int i = 0; i < Math.min(in, 4); i++) {
            z.append("(").append(num(t.in(k, i))).append(")(").append(num(net.weight(k, i, j))).append(") + ");
        }
        if (in > 4) {
            z.append("… + ");
        }
        z.append(num(net.bias(k, j))).append(" = ").append(num(t.z(k, j)));
        lines.add(z.toString());
        Activation f = arch.activationOf(l);
        String fz = f == Activation.SOFTMAX ? "e^{z" + jj + "}/Σ_{k}e^{z_{k}}"
                : fName(f) + "(" + num(t.z(k, j)) + ")";
        lines.add("a^{" + l + "}" + jj + " = " + fz + " = " + num(t.a(k, j)));
        double d = t.delta(k, j);
        if (l == t.depth()) {
            double target = t.target()[j];
            if (arch.loss() != Loss.MEAN_SQUARED_ERROR || f == Activation.LINEAR) {
                lines.add("δ^{" + l + "}" + jj + " = a" + jj + " − t" + jj + " = " + num(t.a(k, j)) + " − "
                        + num(target) + " = " + num(d));
            } else if (f == Activation.SIGMOID) {
                double a = t.a(k, j);
                lines.add("δ^{" + l + "}" + jj + " = (a" + jj + " − t" + jj + ") a" + jj + "(1 − a" + jj + ") = ("
                        + num(a - target) + ")(" + num(a * (1 - a)) + ") = " + num(d));
            } else {
                lines.add("δ^{" + l + "}" + jj + " = a" + jj + "(g" + jj + " − Σ_{k}g_{k}a_{k}),  g = a − t:  δ = "
                        + num(d));
            }
        } else {
            int out = arch.width(l + 1);
            StringBuilder s = new StringBuilder("δ^{" + l + "}" + jj + " = (Σ_{k}δ^{" + (l + 1) + "}_{k}W^{" + (l + 1)
                    + "}_{" + (j + 1) + "k}) · " + fName(arch.hidden()) + "′(z" + jj + ") = (");
            double back = 0;
            for (int q = 0; q < out; q++) {
                back += t.delta(l, q) * net.weight(l, j, q);
                if (q < 3) {
                    s.append(q > 0 ? " + " : "").append("(").append(num(t.delta(l, q))).append(")(")
                            .append(num(net.weight(l, j, q))).append(")");
                }
            }
            if (out > 3) {
                s.append(" + …");
            }
            s.append(") · ").append(derivative(arch.hidden(), t.a(k, j))).append(" = ").append(num(d));
            lines.add(s.toString());
        }
        lines.add("∂L/∂b^{" + l + "}" + jj + " = δ^{" + l + "}" + jj + " = " + num(t.gradBias(k, j)));
        return lines;
    }

    /** The lines for link W[l][i][j]. */
    static List<String> linkEquations(Numbers n, int l, int i, int j) {
        PointTrace t = n.point();
        String ij = "_{" + (i + 1) + (i > 8 || j > 8 ? "," : "") + (j + 1) + "}";
        String w = "W^{" + (l + 1) + "}" + ij;
        double weight = n.network().weight(l, i, j);
        List<String> lines = new ArrayList<>();
        lines.add(w + " = " + num(weight));
        lines.add("∂L/∂" + w + " = a^{" + l + "}_{" + (i + 1) + "}δ^{" + (l + 1) + "}_{" + (j + 1) + "} = ("
                + num(t.in(l, i)) + ")(" + num(t.delta(l, j)) + ") = " + num(t.gradWeight(l, i, j)) + "   (this point)");
        BatchStep s = n.batch();
        if (s != null) {
            double g = s.gradWeight(l, i, j);
            double l2 = s.regularization().l2();
            double l1 = s.regularization().l1();
            String penalty = l2 > 0 || l1 > 0 ? " + λ₂" + w + (l1 > 0 ? " + λ₁ sign " + w : "") : "";
            lines.add("∂J/∂" + w + " = (1/N)Σ_{n}a_{n}δ_{n}" + penalty + " = " + num(g) + "   (all " + s.rows()
                    + " points)");
            lines.add(w + " ← " + w + " − η ∂J/∂" + w + " = " + num(weight) + " − (" + num(s.learningRate()) + ")("
                    + num(g) + ") = " + num(s.after().weight(l, i, j)));
        }
        return lines;
    }

    private static String derivative(Activation f, double a) {
        return switch (f) {
            case TANH -> "(1 − " + num(a) + "^{2})";
            case SIGMOID -> "(" + num(a) + ")(1 − " + num(a) + ")";
            case RELU -> a > 0 ? "1" : "0";
            case LEAKY_RELU -> a > 0 ? "1" : "0.01";
            default -> "1";
        };
    }

    private static String fName(Activation f) {
        return switch (f) {
            case TANH -> "tanh";
            case SIGMOID -> "σ";
            case RELU -> "ReLU";
            case LEAKY_RELU -> "LeakyReLU";
            case LINEAR -> "id";
            case SOFTMAX -> "softmax";
        };
    }

    private static String lossFormula(Architecture arch) {
        return switch (arch.loss()) {
            case BINARY_CROSS_ENTROPY -> "−Σ_{k}[t_{k} log a_{k} + (1 − t_{k}) log(1 − a_{k})]";
            case CROSS_ENTROPY -> "−Σ_{k}t_{k} log a_{k}";
            case MEAN_SQUARED_ERROR -> "½Σ_{k}(a_{k} − t_{k})^{2}";
        };
    }

    private static String outputDeltaFormula(Architecture arch) {
        int l = arch.depth();
        if (arch.loss() != Loss.MEAN_SQUARED_ERROR || arch.output() == Activation.LINEAR) {
            return "δ^{" + l + "} = ∂L/∂z^{" + l + "} = a^{" + l + "} − t";
        }
        if (arch.output() == Activation.SIGMOID) {
            return "δ^{" + l + "} = (a^{" + l + "} − t) ⊙ a^{" + l + "}(1 − a^{" + l + "})";
        }
        return "δ^{" + l + "}_{j} = a_{j}(g_{j} − Σ_{k}g_{k}a_{k}),  g = a^{" + l + "} − t";
    }

    /** "x1", "h1.3", "out" as the diagram names units; layer 0 the inputs. */
    private String unitName(int layer, int unit) {
        Numbers n = model.numbersProperty().get();
        int depth = n == null ? 1 : n.point().depth();
        if (layer == 0) {
            return "x" + ExplainedPoint.sub(unit + 1);
        }
        if (layer == depth) {
            return "out" + (n != null && n.point().architecture().outputs() > 1 ? ExplainedPoint.sub(unit + 1) : "");
        }
        return "h" + ExplainedPoint.sup(layer) + ExplainedPoint.sub(unit + 1);
    }

    private static String joined(double[] v, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? ", " : "").append(num(v[i]));
        }
        return b.toString();
    }

    /** For tests: the focus box's lines as text. */
    List<String> focusLines() {
        List<String> lines = new ArrayList<>();
        focusBox.getChildren().forEach(node -> {
            if (node instanceof javafx.scene.text.TextFlow f) {
                lines.add(Equation.plain(f));
            }
        });
        return lines;
    }
}
