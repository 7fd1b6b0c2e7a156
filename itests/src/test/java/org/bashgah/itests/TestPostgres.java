package org.bashgah.itests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the integration tests run on when {@code -Dbashgah.itest.postgres=jdbc:postgresql://host:port/}
 * is set (the itests' postgresql profile sets it from BASHGAH_TEST_POSTGRES_URL, .ci/postgres starts one): a fresh
 * database for each server a test starts, dropped when the test's JVM ends.
 */
final class TestPostgres {
    private static final String SERVER = System.getProperty("bashgah.itest.postgres", "");
    private static final String USER = System.getProperty("bashgah.itest.postgres.user", "bashgah");
    private static final String PASSWORD = System.getProperty("bashgah.itest.postgres.password", "bashgah");

    /** Test databases as {@link #freshDatabase} names them: a prefix of letters and underscores, seconds, a suffix. */
    private static final Pattern TEST_DATABASE = Pattern.compile("bashgah_[a-z_]*_(\\d{10})_[0-9a-f]{8}");

    /** Longer than any test class runs: a test database this old was left behind by a killed fork. */
    private static final Duration ABANDONED = Duration.ofHours(1);

    private TestPostgres() {
    }

    /** Whether the tests run on PostgreSQL rather than the embedded Derby. */
    static boolean configured() {
        return !SERVER.isBlank();
    }

    /**
     * Creates a database named {@code prefix}, the time and a random suffix, and answers the settings of
     * {@code etc/org.ops4j.datasource-bashgah.cfg} for it: the whole file, as bashgah-core does not write its Derby
     * default over an existing one. The database is dropped when this JVM exits, after the class's server has
     * stopped (one test class a JVM), so a developer's PostgreSQL does not fill up with test databases. Failsafe
     * kills a fork that takes more than 2 s to exit, sometimes before that drop is done, so each call also drops
     * the test databases older than {@link #ABANDONED} that nothing is connected to.
     */
    static Map<String, String> freshDatabase(String prefix) {
        dropAbandoned();
        String database = prefix + Instant.now().getEpochSecond() + "_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute("CREATE DATABASE " + database);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                // FORCE: a server that did not stop cleanly may still hold connections
                execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                System.err.println("could not drop the test database " + database + ": " + e.getMessage());
            }
        }, "drop " + database));
        Map<String, String> datasource = new LinkedHashMap<>();
        datasource.put("dataSourceName", "bashgah");
        datasource.put("osgi.jndi.service.name", "bashgah");
        datasource.put("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        datasource.put("pool", "hikari");
        datasource.put("xa", "false");
        datasource.put("hikari.maximumPoolSize", "20");
        datasource.put("url", SERVER + database);
        datasource.put("user", USER);
        datasource.put("password", PASSWORD);
        return datasource;
    }

    private static void dropAbandoned() {
        List<String> abandoned = new ArrayList<>();
        Instant before = Instant.now().minus(ABANDONED);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement st = c.createStatement();
             ResultSet databases = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'bashgah\\_%'")) {
            while (databases.next()) {
                Matcher name = TEST_DATABASE.matcher(databases.getString(1));
                if (name.matches() && Instant.ofEpochSecond(Long.parseLong(name.group(1))).isBefore(before)) {
                    abandoned.add(databases.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the databases on " + SERVER + ": " + e.getMessage(), e);
        }
        for (String database : abandoned) {
            try {
                // without FORCE: a database something is still connected to stays
                execute("DROP DATABASE IF EXISTS " + database);
            } catch (IllegalStateException e) {
                System.err.println("left the test database " + database + ": " + e.getMessage());
            }
        }
    }

    private static void execute(String statement) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + statement + " on " + SERVER + ": " + e.getMessage(), e);
        }
    }
}
