package kg.hyperscale.neo4j;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Launcher settings, parsed from command-line flags with environment-variable fallbacks.
 * Flags win over env; env wins over defaults. Unknown flags are an error (exit 2).
 */
record LauncherConfig(
        String listenAddress,
        int boltPort,
        Path dataDir,
        String pageCache,
        String txTimeout,
        List<String> pluginPackages,
        List<String> unrestricted,
        boolean stdinWatchdog) {

    // Plugins: each needs its jar(s) in pom.xml, its Java package here, and - if it uses internal
    // APIs, as APOC and GDS do - its procedure namespace in the unrestricted list.
    static final String DEFAULT_PLUGIN_PACKAGES = "apoc,org.neo4j.gds";
    static final String DEFAULT_UNRESTRICTED = "apoc.*,gds.*";

    static final String USAGE = String.join("\n",
            "Usage: Launcher --data-dir DIR [options]",
            "  --data-dir DIR          Neo4j home: store, tx logs and logs live here   (env NEO4J_DATA_DIR)",
            "  --listen-address HOST   Bolt listen address, default 127.0.0.1            (env NEO4J_LISTEN_ADDRESS)",
            "  --port N                Bolt port, default 7687; 0 = any free port        (env NEO4J_BOLT_PORT)",
            "  --page-cache SIZE       page cache size, default 128m                      (env NEO4J_PAGECACHE)",
            "  --tx-timeout DURATION   transaction timeout, e.g. 60s; default: none      (env NEO4J_TX_TIMEOUT)",
            "  --plugin-packages P,Q   Java packages whose procedures are registered, default apoc,org.neo4j.gds",
            "                                                                             (env NEO4J_PLUGIN_PACKAGES)",
            "  --unrestricted N,M      procedure namespaces allowed internal APIs, default apoc.*,gds.*",
            "                                                                             (env NEO4J_UNRESTRICTED)",
            "  --no-stdin-watchdog     do not shut down when stdin reaches EOF",
            "Heap size is the JVM's own -Xmx.");

    static LauncherConfig parse(String[] args) {
        String listen = env("NEO4J_LISTEN_ADDRESS", "127.0.0.1");
        String port = env("NEO4J_BOLT_PORT", "7687");
        String dataDir = env("NEO4J_DATA_DIR", null);
        // 128m: enough for dev/test graphs while keeping several instances on one box cheap.
        String pageCache = env("NEO4J_PAGECACHE", "128m");
        String txTimeout = env("NEO4J_TX_TIMEOUT", null);
        String plugins = env("NEO4J_PLUGIN_PACKAGES", DEFAULT_PLUGIN_PACKAGES);
        String unrestricted = env("NEO4J_UNRESTRICTED", DEFAULT_UNRESTRICTED);
        boolean watchdog = true;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--no-stdin-watchdog" -> watchdog = false;
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> {
                    if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + flag);
                    String value = args[++i];
                    switch (flag) {
                        case "--listen-address" -> listen = value;
                        case "--port" -> port = value;
                        case "--data-dir" -> dataDir = value;
                        case "--page-cache" -> pageCache = value;
                        case "--tx-timeout" -> txTimeout = value;
                        case "--plugin-packages" -> plugins = value;
                        case "--unrestricted" -> unrestricted = value;
                        default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
                    }
                }
            }
        }
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalArgumentException("--data-dir (or NEO4J_DATA_DIR) is required\n" + USAGE);
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad bolt port: " + port);
        }
        if (portNumber < 0 || portNumber > 65535) throw new IllegalArgumentException("bad bolt port: " + port);
        return new LauncherConfig(listen, portNumber, Path.of(dataDir).toAbsolutePath().normalize(),
                pageCache, txTimeout, list(plugins), list(unrestricted), watchdog);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
