package io.p2pviewer.app.ui.channels;

import io.p2pviewer.app.channels.Channel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One row of the channel list: a group's header (a click folds or unfolds the group; style class
 * {@code group-header}) or a channel: logo (a placeholder until it loads, or when it cannot), number and name,
 * now/next from the guide, and the favourite star. The channel playing is bold and tinted (style class
 * {@code playing}). FX thread only; cells are reused as the list scrolls.
 */
final class ChannelCell extends ListCell<SidebarRow> {
    static final double LOGO = 32;
    private final ChannelsViewModel model;
    private final LogoCache logos;
    private final ImageView logo = new ImageView();
    private final Label placeholder = new Label();
    private final Label name = new Label();
    private final Label guide = new Label();
    private final Button star = new Button();
    private final HBox row;
    private final Label header = new Label();

    ChannelCell(ChannelsViewModel model, LogoCache logos) {
        this.model = model;
        this.logos = logos;
        logo.setFitWidth(LOGO);
        logo.setFitHeight(LOGO);
        logo.setPreserveRatio(true);
        logo.getStyleClass().add("channel-logo");
        placeholder.setMinSize(LOGO, LOGO);
        placeholder.setMaxSize(LOGO, LOGO);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.getStyleClass().add("channel-logo-placeholder");
        placeholder.setStyle("-fx-background-color: #d0d7de; -fx-background-radius: 4; -fx-text-fill: #57606a;");
        StackPane logoBox = new StackPane(placeholder, logo);
        logoBox.setMinSize(LOGO, LOGO);
        name.getStyleClass().add("channel-name");
        guide.getStyleClass().add("channel-guide");
        guide.setStyle("-fx-font-size: 11px; -fx-text-fill: #57606a;");
        VBox text = new VBox(1, name, guide);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        star.getStyleClass().addAll("flat", "favourite-star");
        star.setFocusTraversable(false);
        star.setOnAction(e -> {
            if (channel() != null) {
                model.toggleFavourite(channel());
            }
        });
        header.getStyleClass().add("group-header");
        header.setStyle("-fx-font-weight: bold;");
        header.setMaxWidth(Double.MAX_VALUE);
        row = new HBox(8, logoBox, text, star);
        row.setAlignment(Pos.CENTER_LEFT);
        setOnMouseClicked(e -> {
            if (getItem() instanceof SidebarRow.GroupHeader h && e.getClickCount() == 1) {
                model.toggleGroup(h.group());
            } else if (e.getClickCount() == 2 && channel() != null) {
                model.play(channel());
            }
        });
    }

    /** The channel of this row, or null (an empty row or a group header). */
    Channel channel() {
        return getItem() instanceof SidebarRow.ChannelRow r ? r.channel() : null;
    }

    @Override
    protected void updateItem(SidebarRow item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll("playing", "group-row");
        setStyle("");
        if (item instanceof SidebarRow.GroupHeader h) {
            getStyleClass().add("group-row");
            header.setText((h.collapsed() ? "▸ " : "▾ ") + h.group() + "  (" + h.channels() + ")");
            setText(null);
            setGraphic(header);
            return;
        }
        Channel c = item instanceof SidebarRow.ChannelRow r ? r.channel() : null;
        if (empty || c == null) {
            setGraphic(null);
            setText(null);
            setId(null);
            return;
        }
        setText(null);
        int number = model.numberOf(c);
        name.setText(number > 0 ? number + "  " + c.name() : c.name());
        String nowNext = model.nowNext(c);
        guide.setText(nowNext);
        guide.setVisible(!nowNext.isEmpty());
        guide.setManaged(!nowNext.isEmpty());
        boolean fav = model.isFavourite(c);
        star.setText(fav ? "★" : "☆");
        star.setId(fav ? "starOn" : "starOff");
        boolean isPlaying = c == model.playingProperty().get();
        if (isPlaying) {
            getStyleClass().add("playing");
        }
        name.setStyle(isPlaying ? "-fx-font-weight: bold;" : "");
        setStyle(isPlaying ? "-fx-background-color: rgba(9,105,218,0.18);" : "");
        placeholder.setText(c.name().isEmpty() ? "" : c.name().substring(0, 1).toUpperCase(java.util.Locale.ROOT));
        Image img = logos.cached(c.logo());
        logo.setImage(img);
        if (img == null && c.logo() != null) {
            String wanted = c.logo();
            logos.request(wanted, loaded -> {
                if (channel() != null && wanted.equals(channel().logo())) {
                    logo.setImage(loaded);
                }
            });
        }
        setGraphic(row);
    }
}
