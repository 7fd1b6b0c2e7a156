package org.bashgah.core.internal.db;

import java.util.OptionalInt;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.bashgah.core.persistence.Transactions;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Core's database: migrates the schema at start (Flyway, history in {@code core_schema_history}) and then
 * runs every use case in one transaction. Every other core component reaches the database through this
 * service, so none of them can run before the schema is current.
 */
@Component(service = Database.class)
public class Database {
    private final Transactions transactions;
    private final OptionalInt poolSize;

    @Activate
    public Database(@Reference(target = Transactions.DATASOURCE) DataSource dataSource,
                    @Reference(target = "(osgi.unit.name=bashgah-core)") EntityManagerFactory emf,
                    BundleContext context) {
        Transactions.migrate(dataSource, context, "db/core", "core_schema_history");
        this.transactions = new Transactions(emf);
        this.poolSize = poolSizeOf(dataSource);
    }

    /** The most connections the DataSource's pool holds, when it is a HikariCP pool (the distribution's). */
    public OptionalInt poolSize() {
        return poolSize;
    }

    private static OptionalInt poolSizeOf(DataSource dataSource) {
        try {
            return dataSource instanceof com.zaxxer.hikari.HikariConfigMXBean pool
                    ? OptionalInt.of(pool.getMaximumPoolSize()) : OptionalInt.empty();
        } catch (NoClassDefFoundError hikariNotWired) { // the import is optional
            return OptionalInt.empty();
        }
    }

    /** See {@link Transactions#inTransaction}. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return transactions.inTransaction(work);
    }

    public <T> T read(Function<EntityManager, T> work) {
        return transactions.read(work);
    }
}
