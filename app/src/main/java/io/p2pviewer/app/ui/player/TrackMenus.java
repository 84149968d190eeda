package io.p2pviewer.app.ui.player;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/**
 * The Quality, Audio and Subtitles menu buttons of the controls bar; each shows only when it has a choice to
 * offer. Items are {@code RadioMenuItem}s with ids {@code quality-N}, {@code audio-N}, {@code subtitle-N}. FX thread
 * only.
 */
public final class TrackMenus extends HBox {

    public TrackMenus(TrackMenusViewModel model) {
        super(8);
        setId("trackMenus");
        getChildren().addAll(
                menu("qualityMenu", "Quality", "quality-", model.qualitiesProperty(), model.qualityProperty(),
                        model::selectQuality),
                menu("audioMenu", "Audio", "audio-", model.audioProperty(), model.audioIdProperty(),
                        model::selectAudio),
                menu("subtitleMenu", "Subtitles", "subtitle-", model.subtitlesProperty(), model.subtitleIdProperty(),
                        model::selectSubtitle));
    }

    private static MenuButton menu(String id, String text, String itemPrefix,
                                   ReadOnlyObjectProperty<List<MenuChoice>> items, ReadOnlyIntegerProperty selected,
                                   IntConsumer select) {
        MenuButton button = new MenuButton(text);
        button.setId(id);
        ToggleGroup group = new ToggleGroup();
        Runnable rebuild = () -> {
            button.getItems().clear();
            group.getToggles().clear();
            for (MenuChoice c : items.get()) {
                RadioMenuItem item = new RadioMenuItem(c.label());
                item.setId(itemPrefix + (c.id() < 0 ? "auto" : Integer.toString(c.id())));
                item.setToggleGroup(group);
                item.setSelected(c.id() == selected.get());
                item.setOnAction(e -> select.accept(c.id()));
                button.getItems().add(item);
            }
            boolean shown = items.get().size() > 1;
            button.setVisible(shown);
            button.setManaged(shown);
        };
        items.addListener((o, was, is) -> rebuild.run());
        selected.addListener((o, was, is) -> {
            List<MenuChoice> list = items.get();
            for (int i = 0; i < list.size() && i < button.getItems().size(); i++) {
                ((RadioMenuItem) button.getItems().get(i)).setSelected(list.get(i).id() == is.intValue());
            }
        });
        rebuild.run();
        return button;
    }
}
