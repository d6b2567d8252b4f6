package dev.paperlink.corpus.source.zotero.sqlite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the user's {@code zotero.sqlite} is. With no path: Zotero's own choice, the
 * {@code extensions.zotero.dataDir} pref (when {@code extensions.zotero.useDataDir} is true) in
 * the {@code prefs.js} of Zotero's profile (the default profile of {@code profiles.ini} when there
 * are several), else {@code ~/Zotero}. A given path may be the data directory or the database
 * file itself; {@code ~} is expanded. Reads a few small text files, never the database.
 */
public final class ZoteroDataDir {
    /** The database's name in a data directory. */
    public static final String DATABASE = "zotero.sqlite";

    private ZoteroDataDir() {
    }

    /**
     * Where the user's files are looked for: the home folder, the operating system ("linux",
     * "mac", "windows") and {@code %APPDATA%} (Windows; null elsewhere). Injectable for tests.
     */
    public record Environment(Path home, String os, Path appData) {
        public static Environment system() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String os = name.startsWith("windows") ? "windows" : name.startsWith("mac") || name.contains("darwin") ? "mac" : "linux";
            String appData = System.getenv("APPDATA");
            return new Environment(Path.of(dev.paperlink.corpus.CorpusPaths.home()), os,
                    appData == null || appData.isBlank() ? null : Path.of(appData));
        }

        /** The folder holding Zotero's {@code profiles.ini} and its profile folders. */
        Path profilesRoot() {
            return switch (os) {
                case "mac" -> home.resolve("Library").resolve("Application Support").resolve("Zotero");
                case "windows" -> (appData != null ? appData : home.resolve("AppData").resolve("Roaming")).resolve("Zotero").resolve("Zotero");
                default -> home.resolve(".zotero").resolve("zotero");
            };
        }
    }

    /**
     * Where the database is, or would be: {@code database} is the file looked for (it may not exist
     * yet: a watcher waits for it), {@code dataDir} its folder (where Better BibTeX's files and
     * {@code storage/} are), {@code origin} how it was chosen, for messages.
     */
    public record Location(Path database, Path dataDir, String origin) {
        public boolean exists() {
            return Files.isRegularFile(database);
        }

        /** The message when the database is not there: where it looked and why there. */
        public String missingMessage() {
            return "no Zotero database at " + database + " (" + origin + ")";
        }
    }

    /**
     * Resolves a setting: {@code path} null or blank for Zotero's default, else a data directory or
     * a {@code zotero.sqlite} file ({@code ~} expanded; a relative path against {@code base}).
     */
    public static Location locate(String path, Path base, Environment env) {
        if (path == null || path.isBlank()) {
            return defaultLocation(env);
        }
        String s = path.strip();
        if (s.equals("~") || s.startsWith("~/") || s.startsWith("~\\")) {
            s = env.home() + s.substring(1);
        }
        Path p;
        try {
            p = Path.of(s);
        } catch (InvalidPathException e) {
            p = env.home().resolve("Zotero");
        }
        if (!p.isAbsolute() && base != null) {
            p = base.resolve(p);
        }
        p = p.toAbsolutePath().normalize();
        boolean isFile = Files.isRegularFile(p)
                || (!Files.isDirectory(p) && p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sqlite"));
        Path db = isFile ? p : p.resolve(DATABASE);
        Path dir = db.getParent() == null ? p : db.getParent();
        return new Location(db, dir, "the configured " + (isFile ? "database" : "data directory"));
    }

    /** Zotero's own choice: the data directory its profile's prefs.js names, else {@code ~/Zotero}. */
    public static Location defaultLocation(Environment env) {
        Path root = env.profilesRoot();
        Optional<Path> profile = profile(root);
        if (profile.isPresent()) {
            Path prefsFile = profile.get().resolve("prefs.js");
            Map<String, String> prefs = prefs(prefsFile);
            String dataDir = prefs.getOrDefault("extensions.zotero.dataDir", "");
            if ("true".equals(prefs.get("extensions.zotero.useDataDir")) && !dataDir.isBlank()) {
                try {
                    Path dir = Path.of(dataDir).toAbsolutePath().normalize();
                    return new Location(dir.resolve(DATABASE), dir, "extensions.zotero.dataDir in " + prefsFile);
                } catch (InvalidPathException e) {
                    // a garbled pref: Zotero's default
                }
            }
            Path dir = env.home().resolve("Zotero");
            return new Location(dir.resolve(DATABASE), dir, "Zotero's default data directory; " + prefsFile + " sets no other");
        }
        Path dir = env.home().resolve("Zotero");
        return new Location(dir.resolve(DATABASE), dir, "Zotero's default data directory; no Zotero profile in " + root);
    }

    /**
     * Zotero's base directory for linked files ({@code extensions.zotero.baseAttachmentPath} in the
     * default profile's prefs.js: what {@code attachments:} paths are relative to), when set.
     */
    public static Optional<Path> baseAttachmentPath(Environment env) {
        return profile(env.profilesRoot()).map(p -> prefs(p.resolve("prefs.js")).getOrDefault("extensions.zotero.baseAttachmentPath", ""))
                .filter(s -> !s.isBlank())
                .flatMap(s -> {
                    try {
                        return Optional.of(Path.of(s).toAbsolutePath().normalize());
                    } catch (InvalidPathException e) {
                        return Optional.empty();
                    }
                });
    }

    /**
     * The profile folder: the default one of {@code profiles.ini} (an {@code [Install...]}
     * section's {@code Default=}, else the profile with {@code Default=1}, else the only or first
     * one), else the only folder under {@code root} (or {@code root/Profiles}) with a prefs.js, else
     * the one whose prefs.js changed last.
     */
    static Optional<Path> profile(Path root) {
        Path ini = root.resolve("profiles.ini");
        if (Files.isRegularFile(ini)) {
            Optional<Path> p = fromIni(root, ini);
            if (p.isPresent()) {
                return p;
            }
        }
        List<Path> found = new ArrayList<>();
        for (Path dir : List.of(root, root.resolve("Profiles"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(d -> Files.isRegularFile(d.resolve("prefs.js"))).forEach(found::add);
            } catch (IOException | RuntimeException e) {
                // unreadable: not a profile we can use
            }
        }
        return found.stream().max(java.util.Comparator.comparingLong((Path d) -> modified(d.resolve("prefs.js"))).thenComparing(d -> d.toString()));
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Optional<Path> fromIni(Path root, Path ini) {
        List<String> lines;
        try {
            lines = Files.readAllLines(ini, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new LinkedHashMap<>();
                sections.put(line.substring(1, line.length() - 1), current);
            } else if (current != null && line.indexOf('=') > 0 && !line.startsWith(";") && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        List<Path> profiles = new ArrayList<>();
        Path chosen = null;
        for (Map.Entry<String, Map<String, String>> e : sections.entrySet()) {
            Map<String, String> kv = e.getValue();
            if (e.getKey().startsWith("Install") && kv.containsKey("Default") && chosen == null) {
                chosen = profilePath(root, kv.get("Default"), true);
            } else if (e.getKey().startsWith("Profile") && kv.containsKey("Path")) {
                Path p = profilePath(root, kv.get("Path"), !"0".equals(kv.getOrDefault("IsRelative", "1")));
                if (p != null) {
                    profiles.add(p);
                    if ("1".equals(kv.get("Default")) && chosen == null) {
                        chosen = p;
                    }
                }
            }
        }
        if (chosen != null && Files.isDirectory(chosen)) {
            return Optional.of(chosen);
        }
        return profiles.stream().filter(Files::isDirectory).findFirst();
    }

    private static Path profilePath(Path root, String path, boolean relative) {
        try {
            Path p = relative ? root.resolve(path.replace('\\', '/')) : Path.of(path);
            return p.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static final Pattern USER_PREF = Pattern.compile("^\\s*user_pref\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*(.*?)\\s*\\)\\s*;");

    /** The prefs of a prefs.js ({@code user_pref("name", value);} lines): strings unescaped, other values as written. */
    static Map<String, String> prefs(Path prefsJs) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(prefsJs, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return out;
        }
        for (String line : lines) {
            Matcher m = USER_PREF.matcher(line);
            if (m.find()) {
                String v = m.group(2);
                out.put(unescape(m.group(1)), v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? unescape(v.substring(1, v.length() - 1)) : v);
            }
        }
        return out;
    }

    /** A JavaScript string's content: {@code \\}, {@code \"}, {@code \n}, {@code \\uXXXX}. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'u' -> {
                    if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        sb.append('u');
                    }
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }

    /**
     * The database's {@code userdata} schema version, read without a lock ({@code immutable=1}, so
     * it works while Zotero holds the database), or empty when it cannot be read (not a Zotero
     * database, unreadable).
     */
    public static Optional<Integer> schemaVersion(Path database) {
        if (!Files.isRegularFile(database)) {
            return Optional.empty();
        }
        String url = "jdbc:sqlite:" + database.toAbsolutePath().toUri() + "?mode=ro&immutable=1";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT version FROM version WHERE schema = 'userdata'")) {
            return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
        } catch (java.sql.SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
