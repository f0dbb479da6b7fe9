package kg.hyperscale.neo4j;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts embedded Neo4j Community with a Bolt connector and prints exactly one line
 * {@code NEO4J_READY bolt://HOST:PORT} on stdout once Bolt accepts connections and APOC is
 * registered (APOC, GDS). Diagnostics go to stderr; Neo4j's own logs stay in DATA_DIR/logs.
 *
 * <p>Exit codes: 0 stopped by stdin EOF, 143 stopped by SIGTERM, 2 bad arguments, 3 data directory
 * locked by another Neo4j, 1 any other start failure.
 */
public final class Launcher {
    private static final String DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME; // "neo4j"
    // Stop waiting for a start-up that SIGTERM interrupted; the parent escalates to SIGKILL anyway.
    private static final long HOOK_WAIT_SECONDS = 60;
    // A fresh store is available within seconds; minutes means something is badly wrong.
    private static final long AVAILABLE_TIMEOUT_MINUTES = 5;

    private static final CountDownLatch startupDone = new CountDownLatch(1);
    private static volatile DatabaseManagementService dbms;
    private static volatile boolean startupFailed;

    private Launcher() {}

    public static void main(String[] args) {
        LauncherConfig config;
        try {
            config = LauncherConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "neo4j-shutdown"));
        if (config.stdinWatchdog()) StdinWatchdog.start(System.in, Launcher::exitAfterStartup);
        try {
            String uri = start(config);
            startupDone.countDown();
            System.out.println("NEO4J_READY " + uri);
            System.out.flush();
        } catch (Throwable e) {
            startupFailed = true;
            startupDone.countDown();
            e.printStackTrace();
            System.err.println(describe(e, config)); // last, so it ends any output tail
            System.exit(isStoreLocked(e) ? 3 : 1); // the shutdown hook stops a half-started DBMS
        }
    }

    /** Starts the DBMS, waits for the default database, registers plugins; returns the Bolt URI. */
    private static String start(LauncherConfig config) throws Exception {
        long t0 = System.nanoTime();
        System.err.println("neo4j-launcher: starting Neo4j on " + config.dataDir() + ", Bolt "
                + SocketAddress.format(config.listenAddress(), config.boltPort()));
        dbms = builder(config).build();
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(DATABASE);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(AVAILABLE_TIMEOUT_MINUTES))) {
            throw new IllegalStateException("database '" + DATABASE + "' did not become available");
        }
        long t1 = System.nanoTime();
        var resolver = db.getDependencyResolver();
        PluginRegistrar.Counts counts = PluginRegistrar.register(
                resolver.resolveDependency(GlobalProcedures.class), config.pluginPackages());
        System.err.printf("neo4j-launcher: dbms up in %d ms, plugins registered in %d ms, JVM up %d ms%n",
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000,
                ManagementFactory.getRuntimeMXBean().getUptime());
        System.err.println("neo4j-launcher: registered " + counts);
        // The actually bound port: differs from the configured one when that was 0.
        HostnamePort bolt = resolver.resolveDependency(ConnectorPortRegister.class).getLocalAddress(ConnectorType.BOLT);
        String host = new SocketAddress(config.listenAddress(), 0).isWildcard() ? "127.0.0.1" : config.listenAddress();
        return "bolt://" + SocketAddress.format(host, bolt.getPort());
    }

    private static DatabaseManagementServiceBuilder builder(LauncherConfig config) {
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(config.dataDir())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(config.listenAddress(), config.boltPort()))
                // No TLS and no auth: a loopback-only dev/test server holding throwaway data.
                // Never expose it with a non-loopback --listen-address on a shared network.
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.initial_default_database, DATABASE)
                .setConfig(GraphDatabaseSettings.pagecache_memory, parse(GraphDatabaseSettings.pagecache_memory, config.pageCache()))
                // APOC needs unrestricted access (internal APIs); the allowlist stays at its default "*".
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, config.unrestricted())
                // Preallocating 256 MiB tx-log files only costs disk for throwaway dev/test stores.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // No usage reports: this machine has no internet and the data is nobody's business.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Netty's default 5 s "quiet period" is paid twice (bolt + bolt-local) on every stop;
                // with no clients left to drain on a dev/test server it only slows tests down.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        if (config.txTimeout() != null) {
            Duration timeout = parse(GraphDatabaseSettings.transaction_timeout, config.txTimeout());
            builder.setConfig(GraphDatabaseSettings.transaction_timeout, timeout);
        }
        return builder;
    }

    /** Parses a value with the setting's own parser, so "128m" or "60s" mean what neo4j.conf means. */
    @SuppressWarnings("unchecked") // every built-in Setting is a SettingImpl
    private static <T> T parse(Setting<T> setting, String value) {
        return ((SettingImpl<T>) setting).parse(value);
    }

    /** Lets a failing start-up report its own exit code (e.g. 3 = locked) before we exit with 0. */
    private static void exitAfterStartup() {
        awaitStartup();
        if (!startupFailed) System.exit(0); // else main is already exiting with its own code
    }

    private static void awaitStartup() {
        try {
            startupDone.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void shutdown() {
        awaitStartup();
        DatabaseManagementService service = dbms;
        if (service != null) {
            System.err.println("neo4j-launcher: shutting down");
            service.shutdown();
        }
    }

    private static boolean isStoreLocked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("FileLockException")) return true;
        }
        return false;
    }

    private static String describe(Throwable e, LauncherConfig config) {
        if (isStoreLocked(e)) {
            return "NEO4J_ERROR data directory " + config.dataDir()
                    + " is locked by another running Neo4j process; stop it or use another --data-dir";
        }
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return "NEO4J_ERROR failed to start: " + root;
    }
}
