package io.p2pviewer.app.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json} in the XDG config directory. A missing file reads as
 * {@link Settings#DEFAULTS}; a field the file lacks reads as its default; a damaged file (not JSON, wrong shape,
 * unreadable) is moved aside as {@code settings.json.damaged-<time>}, never silently lost, and defaults are used
 * with a one-line {@link Loaded#problem() problem} for the user. Writes go to a temporary file first and replace
 * the old one atomically, readable by the user only (it may hold a TURN credential). Thread-safe: its methods are
 * synchronized; they do file I/O, so call them off the FX thread when the file may be slow.
 */
public final class SettingsStore {
    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);
    /** The file's name in the config directory. */
    public static final String FILE_NAME = "settings.json";
    private static final long MAX_BYTES = 4L << 20;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Clock clock;

    /**
     * What {@link #load()} found.
     *
     * @param settings what to use
     * @param problem  a one-line message for the user when the file was damaged, else empty
     */
    public record Loaded(Settings settings, Optional<String> problem) {
    }

    public SettingsStore(Path configDirectory, Clock clock) {
        this.file = configDirectory.resolve(FILE_NAME);
        this.clock = clock;
    }

    /** The store in this user's XDG config directory. */
    public static SettingsStore forUser(Clock clock) {
        return new SettingsStore(XdgDirs.fromEnvironment().config(), clock);
    }

    public Path file() {
        return file;
    }

    /** Reads the settings: defaults for a missing file or field; a damaged file is kept aside (see class doc). */
    public synchronized Loaded load() {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return damaged("larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return new Loaded(Settings.DEFAULTS, Optional.empty());
        } catch (IOException e) {
            return damaged("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try {
            JsonNode read = MAPPER.readTree(text);
            if (read == null || !read.isObject()) {
                return damaged("is not a JSON object");
            }
            ObjectNode merged = MAPPER.valueToTree(Settings.DEFAULTS);
            merge(merged, (ObjectNode) read);
            return new Loaded(MAPPER.treeToValue(merged, Settings.class), Optional.empty());
        } catch (JsonProcessingException e) {
            return damaged(describe(e));
        } catch (RuntimeException e) {
            return damaged("has values of the wrong kind (" + firstLine(e.getMessage()) + ")");
        }
    }

    /**
     * Writes the settings atomically.
     *
     * @throws IOException when the directory cannot be created or the file written; the old file is then intact
     */
    public synchronized void save(Settings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.write(tmp, MAPPER.writeValueAsBytes(settings));
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own defaults apply
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Loaded damaged(String why) {
        Path aside = file.resolveSibling(FILE_NAME + ".damaged-" + STAMP.format(clock.instant()));
        String kept;
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            kept = "kept as " + aside.getFileName();
        } catch (IOException e) {
            kept = "left in place (cannot move it: " + e.getClass().getSimpleName() + ")";
        }
        String message = "Settings file " + file + " " + why + "; " + kept + ", defaults used";
        log.warn(message);
        return new Loaded(Settings.DEFAULTS, Optional.of(message));
    }

    /** Copies {@code from} over {@code into}, object fields recursively; arrays and values replace. */
    private static void merge(ObjectNode into, ObjectNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = into.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
                merge(o, n);
            } else if (!e.getValue().isNull()) {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(java.util.stream.Collectors.joining("."));
            return "has a value of the wrong kind for \"" + field + "\"";
        }
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " at line " + e.getLocation().getLineNr();
        String why = firstLine(e.getOriginalMessage());
        int cut = why.indexOf(" (start marker");
        return "is not valid JSON" + where + ": " + (cut < 0 ? why : why.substring(0, cut));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
