package org.bashgah.core.internal.db;

import java.sql.SQLException;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's database: migrates the schema at start (Flyway, history in {@code core_schema_history}) and then
 * runs every use case in one transaction. Every other core component reaches the database through this
 * service, so none of them can run before the schema is current.
 */
@Component(service = Database.class)
public class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int ATTEMPTS = 4;

    private final EntityManagerFactory emf;

    @Activate
    public Database(@Reference(target = "(osgi.jndi.service.name=bashgah)") DataSource dataSource,
                    @Reference(target = "(osgi.unit.name=bashgah-core)") EntityManagerFactory emf,
                    BundleContext context) {
        this.emf = emf;
        migrate(dataSource, context, "db/core", "core_schema_history");
    }

    /** Runs a capability's Flyway migrations from {@code location} inside the calling bundle. */
    public static void migrate(DataSource dataSource, BundleContext context, String location, String historyTable) {
        ClassLoader bundleLoader = context.getBundle().adapt(org.osgi.framework.wiring.BundleWiring.class).getClassLoader();
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
