package io.p2pviewer.app.ui.channels;

import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.UrlMask;
import io.p2pviewer.app.ui.WindowKeys;
import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The channel sidebar: a field and buttons to open a playlist (URL or file), the loading indicator, the
 * status or the one-line error, the search field, the group filter and the virtualized channel list (double
 * click or Enter plays). FX thread only.
 */
public final class ChannelsView extends VBox {
    private final ListView<SidebarRow> list = new ListView<>();

    public ChannelsView(ChannelsViewModel model, LogoCache logos) {
        setId("channelSidebar");
        setSpacing(6);
        setPadding(new Insets(8));
        setPrefWidth(340);
        setMinWidth(220);

        TextField source = new TextField();
        source.setId("playlistField");
        source.setPromptText("Playlist URL or file (.m3u)");
        HBox.setHgrow(source, Priority.ALWAYS);
        Runnable add = () -> {
            model.open(source.getText());
            source.clear();
        };
        source.setOnAction(e -> add.run());
        Button addButton = new Button("Add");
        addButton.setId("addPlaylistButton");
        addButton.setOnAction(e -> add.run());
        Button file = new Button("File…");
        file.setId("openPlaylistFileButton");
        file.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a channel list");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Channel lists (*.m3u, *.m3u8)", "*.m3u", "*.m3u8"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                model.open(chosen.getPath());
            }
        });
        addButton.setMinWidth(Region.USE_PREF_SIZE);
        file.setMinWidth(Region.USE_PREF_SIZE);
        MenuButton opened = playlistsMenu(model);
        // Two rows, so the field keeps its width in a narrow window.
        HBox field = new HBox(6, source, addButton);
        field.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(6, file, opened);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox open = new VBox(6, field, buttons);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("playlistProgress");
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(model.loadingProperty());
        progress.managedProperty().bind(model.loadingProperty());
        Label status = new Label();
        status.setId("channelsStatus");
        status.textProperty().bind(model.statusProperty());
        HBox statusRow = new HBox(6, progress, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("channelsError");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #cf222e;");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        TextField search = new TextField();
        search.setId("channelSearch");
        search.setPromptText("Search channels");
        search.textProperty().bindBidirectional(model.queryProperty());
        ComboBox<String> groups = new ComboBox<>(model.groupChoices());
        groups.setId("groupFilter");
        groups.setMaxWidth(Double.MAX_VALUE);
        groups.valueProperty().bindBidirectional(model.groupProperty());

        list.setId("channelList");
        list.itemsProperty().bind(model.sidebarRowsProperty());
        list.setFixedCellSize(44); // equal rows: the list lays out only what is on screen
        list.setCellFactory(v -> new ChannelCell(model, logos));
        list.setPlaceholder(new Label("Open a playlist to list its channels"));
        // A filter: the list's own Left/Right mappings move the focus to the next control before handlers run.
        // Space would pause the video (a window shortcut) before the list saw it: on a header, the list claims it.
        WindowKeys.claim(list, e -> foldKey(model, list, e));
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode code = e.getCode();
            if (foldKey(model, list, e) && list.getSelectionModel().getSelectedItem() instanceof SidebarRow.GroupHeader h) {
                // Enter or Space folds or unfolds; Left folds, Right unfolds (as a tree does).
                model.setCollapsed(h.group(), code == KeyCode.LEFT
                        || (code != KeyCode.RIGHT && !h.collapsed()));
                e.consume();
            }
        });
        list.setOnKeyPressed(e -> {
            if (list.getSelectionModel().getSelectedItem() instanceof SidebarRow.ChannelRow r
                    && e.getCode() == KeyCode.ENTER && !model.typingNumber()) {
                model.play(r.channel());
                e.consume();
            }
        });
        // The header selected stays selected when its group folds or unfolds (the rows are then a new list, which
        // clears the selection), so the keys keep working on it.
        String[] header = new String[1];
        list.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is instanceof SidebarRow.GroupHeader h) {
                header[0] = h.group();
            } else if (is != null) {
                header[0] = null;
            }
        });
        model.sidebarRowsProperty().addListener((o, was, is) -> {
            for (int i = 0; header[0] != null && i < is.size(); i++) {
                if (is.get(i) instanceof SidebarRow.GroupHeader h && h.group().equals(header[0])) {
                    int at = i;
                    javafx.application.Platform.runLater(() -> {
                        list.getSelectionModel().select(at);
                        list.getFocusModel().focus(at);
                    });
                    break;
                }
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        model.playingProperty().addListener((o, was, is) -> {
            list.refresh();
            int at = indexOf(list.getItems(), is);
            if (at >= 0) {
                list.getSelectionModel().select(at);
                list.scrollTo(Math.max(0, at - 3));
            }
        });
        model.favouritesVersionProperty().addListener((o, a, b) -> list.refresh());
        model.guideProperty().addListener((o, a, b) -> list.refresh());

        getChildren().addAll(open, statusRow, error, search, groups, list);
    }

    /** The open playlists, each with an item that removes it; disabled while none is open. */
    private static MenuButton playlistsMenu(ChannelsViewModel model) {
        MenuButton menu = new MenuButton("Lists");
        menu.setId("playlistsMenu");
        menu.setMinWidth(Region.USE_PREF_SIZE);
        Runnable fill = () -> {
            menu.getItems().clear();
            int n = 0;
            for (String p : model.playlists()) {
                MenuItem remove = new MenuItem("Remove " + UrlMask.mask(p));
                remove.setId("removePlaylist" + n++);
                remove.setOnAction(e -> model.remove(p));
                menu.getItems().add(remove);
            }
            menu.setDisable(menu.getItems().isEmpty());
        };
        model.playlists().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        return menu;
    }

    private static int indexOf(java.util.List<SidebarRow> rows, Channel c) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof SidebarRow.ChannelRow r && r.channel() == c) {
                return i;
            }
        }
        return -1;
    }

    public ListView<SidebarRow> list() {
        return list;
    }

    /** Enter or Space (fold or unfold), Left (fold), Right (unfold) on a selected group header, no number typed. */
    private static boolean foldKey(ChannelsViewModel model, ListView<SidebarRow> list, KeyEvent e) {
        KeyCode code = e.getCode();
        return list.getSelectionModel().getSelectedItem() instanceof SidebarRow.GroupHeader
                && !model.typingNumber() && !e.isControlDown() && !e.isAltDown()
                && (code == KeyCode.ENTER || code == KeyCode.SPACE || code == KeyCode.LEFT || code == KeyCode.RIGHT);
    }
}
