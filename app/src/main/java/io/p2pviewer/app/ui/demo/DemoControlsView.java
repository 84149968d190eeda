package io.p2pviewer.app.ui.demo;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** A row of buttons that stage failures live during a demo. */
public final class DemoControlsView extends HBox {
    public DemoControlsView(DemoControlsViewModel model) {
        super(8);
        setId("demoControls");
        setPadding(new Insets(0, 8, 8, 8));
        setAlignment(Pos.CENTER_LEFT);
        Button leave = new Button("All peers leave");
        leave.setId("demoPeersLeave");
        leave.disableProperty().bind(model.peersPresentProperty().not());
        leave.setOnAction(e -> model.peersLeave());
        Button back = new Button("Peers come back");
        back.setId("demoPeersBack");
        back.disableProperty().bind(model.peersCanComeBackProperty().not());
        back.setOnAction(e -> model.peersComeBack());
        Button evil = new Button("A peer turns malicious");
        evil.setId("demoMalicious");
        evil.disableProperty().bind(model.peersPresentProperty().not());
        evil.setOnAction(e -> model.onePeerTurnsMalicious());
        Button slow = new Button();
        slow.setId("demoCdnSlow");
        slow.textProperty().bind(Bindings.when(model.cdnSlowProperty()).then("CDN recovers").otherwise("CDN slows down"));
        slow.setOnAction(e -> model.toggleCdnSlow());
        Label status = new Label();
        status.setId("demoStatus");
        status.textProperty().bind(model.statusProperty());
        getChildren().addAll(new Label("Demo:"), leave, back, evil, slow, status);
    }
}
