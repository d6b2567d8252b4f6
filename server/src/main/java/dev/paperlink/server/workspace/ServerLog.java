package dev.paperlink.server.workspace;

/**
 * Where the server's own messages go. The protocol layer sends them to stderr and to the
 * client's {@code window/logMessage}; never to stdout, which carries only the protocol.
 */
public interface ServerLog {
    ServerLog STDERR = (level, message) -> System.err.println("[paperlink " + level.name().toLowerCase(java.util.Locale.ROOT) + "] " + message);

    enum Level {
        ERROR, WARNING, INFO, DEBUG
    }

    void log(Level level, String message);

    default void info(String message) {
        log(Level.INFO, message);
    }

    default void warn(String message) {
        log(Level.WARNING, message);
    }

    default void error(String message, Throwable t) {
        log(Level.ERROR, message + (t == null ? "" : ": " + t));
    }
}
