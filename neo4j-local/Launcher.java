import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Embedded Neo4j Community for local development and tests.
 *
 * <p>Run as a Java 17 single-file source program (nothing to compile or commit as a binary):
 *
 * <pre>
 *   java &lt;jvm flags&gt; -cp 'neo4j-local/lib/*' neo4j-local/Launcher.java \
 *     --data &lt;dir&gt; --port &lt;bolt port&gt; [--pagecache 256m] [--tx-timeout 30s] [--plugins &lt;dir&gt;]
 * </pre>
 *
 * <p>Normally started and stopped by localNeo4j.ts. Optional values fall back to the environment
 * (NEO4J_LOCAL_PAGECACHE, NEO4J_LOCAL_TX_TIMEOUT) and then to the defaults below. Values use
 * neo4j.conf syntax because they are parsed with Neo4j's own setting parsers.
 *
 * <p>The data dir doubles as NEO4J_HOME: the store lives in {@code <data>/data}, Neo4j's debug log
 * in {@code <data>/logs/debug.log}.
 */
public final class Launcher {
    private static final String DEFAULT_PAGECACHE = "256m";
    private static final String DEFAULT_TX_TIMEOUT = "30s";

    // Dev/test data is disposable, so keep only a couple of transaction log files instead of
    // Neo4j's default "2 days", and rotate small so that "2 files" stays small on disk.
    private static final String TX_LOG_RETENTION = "2 files";
    private static final String TX_LOG_ROTATION_SIZE = "32m";

    private Launcher() {}

    public static void main(String[] argv) throws InterruptedException {
        Map<String, String> args = parseArgs(argv);
        Path home = Path.of(require(args, "data")).toAbsolutePath().normalize();
        int port = Integer.parseInt(require(args, "port"));
        long pageCache = SettingValueParsers.BYTES.parse(
                option(args, "pagecache", "NEO4J_LOCAL_PAGECACHE", DEFAULT_PAGECACHE));
        Duration txTimeout = SettingValueParsers.DURATION.parse(
                option(args, "tx-timeout", "NEO4J_LOCAL_TX_TIMEOUT", DEFAULT_TX_TIMEOUT));

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                // Loopback only, so running without auth exposes nothing beyond this machine.
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Server-side routing would open a second listener (default :7688), which is the
                // test instance's Bolt port; a single instance never needs it. Client-side routing
                // (neo4j://) still works: the server answers the driver's ROUTE request with a table
                // naming itself for every role (tests/integration/routing.test.ts runs through it).
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false) // dbms.usage_report.enabled
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, TX_LOG_RETENTION)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold,
                        SettingValueParsers.BYTES.parse(TX_LOG_ROTATION_SIZE))
                .setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout)
                // The monitor that ends transactions over their timeout runs every 2 s by default, so a 10 s budget
                // (NEO4J_QUERY_TIMEOUT_MS) ended queries at up to 12 s, and a query shorter than 2 s was never ended.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
                // By the time Bolt shuts down the databases are already checkpointed and closed,
                // yet Bolt's graceful shutdown waits ~5 s for connections plus a 5 s Netty quiet
                // period, which made every stop take ~12 s. Internal settings: pinned to 5.26.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5));

        // Procedure jars (APOC for the benchmark); localNeo4j.ts passes the folder only when asked to.
        String plugins = args.get("plugins");
        if (plugins != null) {
            Path pluginDir = Path.of(plugins).toAbsolutePath();
            if (!Files.isDirectory(pluginDir)) {
                usage("--plugins " + pluginDir + " is not a directory");
            }
            builder.setConfig(GraphDatabaseSettings.plugin_dir, pluginDir)
                    // APOC's documented setting: without it Neo4j withholds the ~60 procedures that use
                    // internal APIs (apoc.meta.*, apoc.schema.*, apoc.trigger.*). Bolt is loopback only.
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
        }

        DatabaseManagementService service;
        try {
            service = builder.build();
        } catch (RuntimeException e) {
            // build() shuts down whatever it had started before throwing; nothing else to close.
            System.err.println("neo4j-local failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }

        // SIGTERM/SIGINT run shutdown hooks: close the store cleanly so the next start needs no
        // recovery. The latch keeps main alive until then.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            System.out.println("neo4j-local stopped");
            stopped.countDown();
        }, "neo4j-local-shutdown"));

        warmUp(service);
        System.out.println("neo4j-local ready bolt://127.0.0.1:" + port);
        stopped.await();
    }

    /** Parses {@code --key value} pairs; anything else is a usage error. */
    private static Map<String, String> parseArgs(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i += 2) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                usage("unexpected argument: " + argv[i]);
            }
            args.put(argv[i].substring(2), argv[i + 1]);
        }
        return args;
    }

    private static String require(Map<String, String> args, String key) {
        String value = args.get(key);
        if (value == null || value.isBlank()) {
            usage("missing --" + key);
        }
        return value;
    }

    private static String option(Map<String, String> args, String key, String env, String fallback) {
        String value = args.get(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void usage(String problem) {
        System.err.println("neo4j-local: " + problem);
        System.err.println("usage: Launcher --data <dir> --port <bolt port>"
                + " [--pagecache 256m] [--tx-timeout 30s] [--plugins <dir>]");
        System.exit(2);
    }

    /**
     * A cold JVM needs seconds to plan its first non-trivial Cypher; on a busy machine the first real
     * query after a start could outlast the API's transaction timeout. Planning a few statements of
     * the shapes the API sends (index look-up, UNWIND, CALL subqueries, EXISTS, bounded var-length,
     * aggregation) warms the compiler before we say "ready". They match nothing and write nothing.
     */
    private static void warmUp(DatabaseManagementService service) {
        String[] statements = {
            "UNWIND $ids AS id MATCH (n:Event {id: id}) CALL (n) { MATCH (n)-[:OCCURRED_IN]->(m:Place) RETURN m ORDER BY m.name } RETURN id, m {.*} AS node",
            "MATCH (e:Event) WHERE e.date >= date('2000-01-01') AND EXISTS { MATCH (e)-[:OCCURRED_IN]->(:Place)-[:WITHIN*0..8]->(:Place {id: 'x'}) } "
                + "CALL () { MATCH (e2:Event) RETURN count(e2) AS total } WITH e, total ORDER BY e.date DESC, e.id DESC LIMIT 21 RETURN collect(e {.*}) AS items, total",
            "MATCH (a:Actor {id: 'x'})-[:PART_OF*1..8]->(b:Actor) WITH b, count(*) AS c RETURN b.id, c",
        };
        long started = System.nanoTime();
        for (String statement : statements) {
            try {
                service.database("neo4j").executeTransactionally(statement, java.util.Map.of("ids", java.util.List.of("x")));
            } catch (RuntimeException e) {
                // Warming is best effort: a failure here must not stop the database from serving.
                System.err.println("neo4j-local warm-up skipped a statement: " + e.getMessage());
            }
        }
        System.out.println("neo4j-local warmed the query compiler in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }
}
