package io.p2pviewer.app.cli;

import io.p2pviewer.engine.peer.tracker.JoinTokens;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./viewer token --secret FILE --ttl 6h [--swarm ID]}: prints a join token for a tracker that requires them. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Prints a join token for a tracker started with --token-secret (same secret file).",
                "Viewers put it in the tracker URL: --tracker 'wss://host/announce?token=TOKEN'."})
public final class TokenCommand implements Callable<Integer> {
    private static final Pattern TTL = Pattern.compile("(\\d{1,9})([smhd])");

    @Option(names = "--secret", paramLabel = "FILE", required = true,
            description = "The tracker's secret (at least 32 bytes; e.g. openssl rand -hex 32 > FILE).")
    Path secret;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "6h",
            description = "How long the token is valid: a number with s, m, h or d (default ${DEFAULT-VALUE}).")
    String ttl;

    @Option(names = "--swarm", paramLabel = "ID",
            description = {"A swarm the token admits: the info_hash clients announce (20 characters) or a stream "
                    + "swarm id (v2-...); repeat for several (one per variant).", "Default: * (every swarm)."})
    List<String> swarms = new ArrayList<>();

    @Override
    public Integer call() {
        try {
            Duration lifetime = parseTtl(ttl);
            JoinTokens tokens = new JoinTokens(SecretFile.read(secret), Clock.systemUTC());
            System.out.println(tokens.issue(swarms.isEmpty() ? List.of(JoinTokens.ALL_SWARMS) : swarms, lifetime));
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /** "90s", "30m", "6h", "7d" as a duration. */
    static Duration parseTtl(String text) {
        Matcher m = TTL.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("--ttl " + text + " is not a positive duration such as 90s, 30m, "
                    + "6h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
