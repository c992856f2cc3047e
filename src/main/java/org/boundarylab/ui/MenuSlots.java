package org.boundarylab.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;

/** The lab window's menus, where features add their items. */
public interface MenuSlots {
    Menu file();

    Menu data();

    Menu lessons();

    Menu view();

    Menu help();

    /** The bar itself (an overlay shown under it needs its place). */
    MenuBar bar();
}
