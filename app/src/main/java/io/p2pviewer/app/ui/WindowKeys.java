package io.p2pviewer.app.ui;

import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * Who gets a key first: the window's one-key shortcuts (F, Space, M, I, the volume and zapping keys) act wherever
 * the focus is, except in a text field, which types every key, and on a control that claims a key for itself
 * (the channel list claims Space and Enter on a group header, which fold it). The shortcuts are scene filters, so
 * they see a key before the focused control: they ask {@link #ownedByTarget} first. FX thread.
 */
public final class WindowKeys {
    private static final Object CLAIM = new Object();

    private WindowKeys() {
    }

    /** {@code node} takes the keys {@code keys} accepts when it, or a node inside it, has the focus. */
    public static void claim(Node node, Predicate<KeyEvent> keys) {
        node.getProperties().put(CLAIM, keys);
    }

    /** True when the key belongs to its target: a text field, or a node (or one around it) that claims it. */
    @SuppressWarnings("unchecked")
    public static boolean ownedByTarget(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return true;
        }
        for (Node n = e.getTarget() instanceof Node t ? t : null; n != null; n = n.getParent()) {
            if (n.getProperties().get(CLAIM) instanceof Predicate<?> p && ((Predicate<KeyEvent>) p).test(e)) {
                return true;
            }
        }
        return false;
    }
}
