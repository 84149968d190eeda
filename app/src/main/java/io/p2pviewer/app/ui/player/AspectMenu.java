package io.p2pviewer.app.ui.player;

import io.p2pviewer.player.VideoAspect;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * The Aspect menu button of the controls bar: how the video fills its area (Auto, 16:9, 4:3, 16:10, 2.35:1,
 * Stretch, Zoom), the same choice as the A key. Items are {@code RadioMenuItem}s with ids {@code aspect-NAME}
 * ({@code aspect-RATIO_4_3}). FX thread only.
 */
public final class AspectMenu extends MenuButton {

    public AspectMenu(PlayerViewModel player) {
        super("Aspect");
        setId("aspectMenu");
        ToggleGroup group = new ToggleGroup();
        for (VideoAspect a : VideoAspect.values()) {
            RadioMenuItem item = new RadioMenuItem(a.label());
            item.setId("aspect-" + a.name());
            item.setToggleGroup(group);
            item.setUserData(a);
            item.setSelected(a == player.aspectProperty().get());
            item.setOnAction(e -> player.aspectProperty().set(a));
            getItems().add(item);
        }
        player.aspectProperty().addListener((o, was, is) -> group.getToggles()
                .forEach(t -> t.setSelected(t.getUserData() == is)));
    }
}
