package io.p2pviewer.app.ui.stats;

/** A pop-up notification the panel shows once: a peer banned, a playlist or segment that failed. */
public record Notice(Severity severity, String title, String text) {
    /** How loudly to show it. */
    public enum Severity { WARNING, ERROR }
}
