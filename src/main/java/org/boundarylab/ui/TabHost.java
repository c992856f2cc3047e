package org.boundarylab.ui;

import javafx.scene.control.Tab;

/** The lab window's tabs: the Lab tab first, then those features add. */
public interface TabHost {
    void addTab(Tab tab);

    void select(Tab tab);

    /** Brings the Lab tab (the canvas and its controls) to the front. */
    void selectLab();
}
