package io.p2pviewer.engine.integrity;

/** The outcome of checking a peer-delivered segment; {@code how} says what was checked, for the UI and logs. */
public record Verdict(boolean ok, String how, String problem) {
    public static Verdict pass(String how) {
        return new Verdict(true, how, null);
    }

    public static Verdict fail(String how, String problem) {
        return new Verdict(false, how, problem);
    }
}
