package org.boundarylab.ui.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.event.EventTarget;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.boundarylab.nn.Feature;

/**
 * The panel's nodes, built once: a header with the title and the fold button, the input
 * switches, the body and the info line. The body stacks, bottom to top, the picture of links
 * and maps made on the pool, a canvas for the link under the pointer, the pane the unit boxes
 * go in and the weight/bias editor. The ids and style classes set here are what diagram.css
 * and the tests look for.
 *
 * <p>The classes that bring these nodes to life each take the nodes they work on from here,
 * so none of them needs another to exist first.
 */
final class DiagramPanel {
    /** The open panel's width; folded, it is as wide as its header needs. */
    static final double WIDTH = 300;
    private static final String TITLE = "Inside the network";

    private final VBox root = new VBox();
    private final Label title = new Label(TITLE);
    private final Button foldButton = new Button("⟩");
    private final List<CheckBox> featureSwitches = new ArrayList<>();
    private final Pane body = new Pane();
    private final ImageView picture = new ImageView();
    private final Canvas links = new Canvas();
    private final Pane units = new Pane();
    private final HBox editor = new HBox(4);
    private final TextField editField = new TextField();
    private final Label editNote = new Label();
    private final Label info = new Label();
    /** The image the picture's pixels are copied into; replaced only when the picture's size changes. */
    private WritableImage pictureImage;

    DiagramPanel() {
        root.getStyleClass().add("diagram");
        root.getStylesheets().add(DiagramPanel.class.getResource("diagram.css").toExternalForm());
        root.setId("networkDiagram");
        root.setPrefWidth(WIDTH);
        root.setMinWidth(Region.USE_PREF_SIZE);
        root.setMaxWidth(Region.USE_PREF_SIZE);
        root.getChildren().addAll(buildHeader(), buildInputsCaption(), buildFeatureSwitches(), buildBody(), buildInfoLine());
        root.setPadding(new Insets(8, 10, 8, 10));
        root.setSpacing(6);
    }

    private HBox buildHeader() {
        title.getStyleClass().add("section");
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        foldButton.setId("diagramCollapse");
        foldButton.setTooltip(new Tooltip("Hide or show the network diagram"));
        HBox header = new HBox(6, title, foldButton);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private static Label buildInputsCaption() {
        Label inputs = new Label("Inputs");
        inputs.getStyleClass().add("diagram-caption");
        return inputs;
    }

    private FlowPane buildFeatureSwitches() {
        for (Feature f : Feature.values()) {
            CheckBox box = new CheckBox(f.label());
            box.setId("feature-" + f.name().toLowerCase(Locale.ROOT));
            box.setUserData(f);
            featureSwitches.add(box);
        }
        FlowPane row = new FlowPane(4, 4);
        row.getChildren().addAll(featureSwitches);
        row.getStyleClass().add("diagram-features");
        return row;
    }

    private Pane buildBody() {
        links.setId("diagramLinks");
        links.widthProperty().bind(body.widthProperty());
        links.heightProperty().bind(body.heightProperty());
        links.setManaged(false);
        picture.setId("diagramPicture");
        picture.setManaged(false);
        picture.setMouseTransparent(true);
        picture.setSmooth(true);
        units.setManaged(false);
        units.setPickOnBounds(false); // the background between the boxes belongs to the links
        body.getChildren().addAll(picture, links, units, buildEditor());
        body.setId("diagramBody");
        body.getStyleClass().add("diagram-body");
        body.setMinHeight(120);
        VBox.setVgrow(body, Priority.ALWAYS);
        return body;
    }

    private HBox buildEditor() {
        editField.setId("diagramEditField");
        editField.setPrefColumnCount(7);
        editNote.setId("diagramEditError");
        editNote.getStyleClass().add("diagram-edit-error");
        editNote.setWrapText(true);
        editNote.setMaxWidth(WIDTH - 40);
        editor.getChildren().setAll(new VBox(2, editField, editNote));
        editor.getStyleClass().add("diagram-editor");
        editor.setVisible(false);
        editor.setManaged(false);
        return editor;
    }

    private Label buildInfoLine() {
        info.setId("diagramInfo");
        info.getStyleClass().add("diagram-info");
        info.setWrapText(true);
        info.setMinHeight(Region.USE_PREF_SIZE);
        return info;
    }

    VBox root() {
        return root;
    }

    Button foldButton() {
        return foldButton;
    }

    /** One check box per {@link Feature}, the feature in its user data. */
    List<CheckBox> featureSwitches() {
        return featureSwitches;
    }

    Pane body() {
        return body;
    }

    Canvas links() {
        return links;
    }

    Pane units() {
        return units;
    }

    HBox editor() {
        return editor;
    }

    TextField editField() {
        return editField;
    }

    /** Under the edit field: what is being edited, or why the typed value was refused. */
    Label editNote() {
        return editNote;
    }

    Label info() {
        return info;
    }

    /** Whether a mouse event on the body hit its background (links included) rather than a unit or the editor. */
    boolean isBackground(EventTarget target) {
        return target == body || target == links || target == units;
    }

    /** Device pixels per layout pixel of the window the panel is in (1 outside a window). */
    double outputScale() {
        return body.getScene() != null && body.getScene().getWindow() != null
                ? body.getScene().getWindow().getOutputScaleX() : 1;
    }

    /** Shows the panel folded to its header (fold button pointing the other way, no title) or open. */
    void showFolded(boolean folded) {
        foldButton.setText(folded ? "⟨" : "⟩");
        for (Node n : root.getChildren().subList(1, root.getChildren().size())) {
            n.setVisible(!folded);
            n.setManaged(!folded);
        }
        root.setPrefWidth(folded ? Region.USE_COMPUTED_SIZE : WIDTH);
        title.setText(folded ? "" : TITLE);
    }

    /**
     * Copies a picture made on the pool into the one image the body shows, scaled to
     * {@code width x height} layout pixels: the only drawing the FX thread does per picture.
     */
    void showPicture(DiagramPicture.Pixels p, double width, double height) {
        if (pictureImage == null || (int) pictureImage.getWidth() != p.width()
                || (int) pictureImage.getHeight() != p.height()) {
            pictureImage = new WritableImage(p.width(), p.height());
            picture.setImage(pictureImage);
        }
        pictureImage.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(),
                p.argb(), 0, p.width());
        picture.setFitWidth(width);
        picture.setFitHeight(height);
    }
}
