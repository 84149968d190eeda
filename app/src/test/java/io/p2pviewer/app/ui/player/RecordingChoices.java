package io.p2pviewer.app.ui.player;

import java.util.ArrayList;
import java.util.List;

/** A {@link PlayerChoices} that records each call as a line ("seek 70000", "variant 2", ...). */
final class RecordingChoices implements PlayerChoices {
    final List<String> calls = new ArrayList<>();

    @Override public void seek(long timeMillis) { calls.add("seek " + timeMillis); }
    @Override public void goLive() { calls.add("goLive"); }
    @Override public void selectVariant(int track) { calls.add("variant " + track); }
    @Override public void selectAudio(int id) { calls.add("audio " + id); }
    @Override public void selectSubtitle(int id) { calls.add("subtitle " + id); }
}
