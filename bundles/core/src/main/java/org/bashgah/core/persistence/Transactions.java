package org.bashgah.core.persistence;

import java.sql.SQLException;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transaction per use case, on a capability's persistence unit, and the capability's schema
 * migrations. The server's DataSource is {@code (osgi.jndi.service.name=bashgah)}.
 */
public final class Transactions {
    /** The filter of the server's one DataSource. */
    public static final String DATASOURCE = "(osgi.jndi.service.name=bashgah)";

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    private static final int ATTEMPTS = 4;

    private final EntityManagerFactory emf;

    public Transactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /**
     * Runs the calling bundle's Flyway migrations from {@code location} (e.g. {@code db/credit}), keeping
     * their history in {@code historyTable} (e.g. {@code credit_schema_history}), so every capability
     * migrates its own tables independently.
     */
    public static void migrate(DataSource dataSource, BundleContext context, String location, String historyTable) {
        ClassLoader bundleLoader = context.getBundle().adapt(BundleWiring.class).getClassLoader();
        var result = Flyway.configure(bundleLoader)
            .dataSource(dataSource)
            .locations("classpath:" + location)
            .table(historyTable)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
        LOG.info("Schema {} at version {} ({} migrations applied)", location, result.targetSchemaVersion,
            result.migrationsExecuted);
    }

    /**
     * Runs {@code work} in a transaction and commits. A transaction that loses a race (a lock conflict,
     * or a unique key another transaction inserted first) is rolled back and run again from the start, so
     * {@code work} must have no effect outside the database.
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        for (int attempt = 1; ; attempt++) {
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                T result = work.apply(em);
                em.getTransaction().commit();
                return result;
            } catch (PersistenceException e) {
                if (attempt >= ATTEMPTS || !isRace(e)) throw e;
                LOG.debug("Transaction lost a race (attempt {}), running it again: {}", attempt, e.getMessage());
            } finally {
                if (em.getTransaction().isActive()) em.getTransaction().rollback();
                em.close();
            }
        }
    }

    /** Runs read-only work without a transaction of its own. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** Unique-key violations (SQLState 23505) and deadlocks, lock timeouts and serialisation failures (40xxx). */
    static boolean isRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                if (state != null && (state.equals("23505") || state.startsWith("40"))) return true;
            }
        }
        return false;
    }
}
