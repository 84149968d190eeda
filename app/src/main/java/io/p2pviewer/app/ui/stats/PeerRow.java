package io.p2pviewer.app.ui.stats;

import io.p2pviewer.app.ui.Format;
import java.util.Locale;

/**
 * One row of the peer table. Rates are bytes per second; {@code downRate}/{@code upRate} are computed from the
 * byte counters of two successive samples and are NaN until a peer has been seen twice (or once it is gone).
 *
 * @param shortId the tail of the peer id, as the engine's log prints it
 * @param kind "desktop" or "browser"
 * @param address the masked remote address the engine reports
 * @param speed the engine's measured download speed from the peer
 * @param reason why it was dropped ("" while connected); for a ban, the reason after "banned: "
 * @param route the selected ICE candidate pair's types ("relay/relay", "srflx/prflx"; "" while unknown)
 */
public record PeerRow(String peerId, String shortId, String kind, String track, State state, String address,
                      long bytesDown, long bytesUp, double downRate, double upRate, double speed, String reason,
                      String route) {
    /** A peer's connection state. */
    public enum State {
        CONNECTED, LEFT, BANNED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether a close reason is a ban (the engine's reasons for bans start with "banned"). */
    public static boolean isBan(String closeReason) {
        return closeReason != null && closeReason.startsWith("banned");
    }

    /** A rate for the table: "–" while unknown. */
    public static String rateText(double bytesPerSecond) {
        return Double.isNaN(bytesPerSecond) ? CounterGroup.NONE : Format.rate(bytesPerSecond);
    }
}
