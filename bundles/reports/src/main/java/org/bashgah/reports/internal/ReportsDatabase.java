package org.bashgah.reports.internal;

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
 * The reports' own tables (prefix {@code reports_}, history {@code reports_schema_history}), migrated at start;
 * every reports component reaches them through this service, so none runs before they are current.
 */
@Component(service = ReportsDatabase.class)
public class ReportsDatabase {
    private final Transactions transactions;

    @Activate
    public ReportsDatabase(@Reference(target = Transactions.DATASOURCE) DataSource dataSource,
                           @Reference(target = "(osgi.unit.name=bashgah-reports)") EntityManagerFactory emf,
                           BundleContext context) {
        Transactions.migrate(dataSource, context, "db/reports", "reports_schema_history");
        this.transactions = new Transactions(emf);
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        return transactions.inTransaction(work);
    }

    public <T> T read(Function<EntityManager, T> work) {
        return transactions.read(work);
    }
}
