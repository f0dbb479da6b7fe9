package kg.hyperscale.neo4j;

import java.io.IOException;
import java.io.InputStream;

/**
 * Orphan guard: the parent (Node) keeps our stdin pipe open for as long as it lives. When the
 * parent dies - even by SIGKILL, when it gets no chance to stop us - the kernel closes the pipe,
 * we read EOF and the launcher exits; System.exit runs the shutdown hook, which stops Neo4j cleanly.
 */
final class StdinWatchdog {
    private StdinWatchdog() {}

    /** Reads {@code in} to its end on a daemon thread, then runs {@code onEof}. */
    static void start(InputStream in, Runnable onEof) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // Input is ignored: only its end matters.
                }
            } catch (IOException e) {
                // A broken pipe means the same as EOF: the parent is gone.
            }
            System.err.println("neo4j-launcher: stdin closed (parent gone); shutting down");
            onEof.run();
        }, "stdin-watchdog");
        thread.setDaemon(true);
        thread.start();
    }
}
