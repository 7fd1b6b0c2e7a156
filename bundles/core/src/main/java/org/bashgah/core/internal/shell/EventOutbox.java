package org.bashgah.core.internal.shell;

import java.time.Duration;
import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.internal.events.EventPublisher;

@Command(scope = "bashgah", name = "event-outbox",
    description = "Shows core's events waiting for delivery (or kept a few seconds after it)")
@Service
public class EventOutbox implements Action {
    @Reference
    private EventPublisher events;

    @Override
    public Object execute() {
        EventPublisher.Backlog backlog = events.backlog();
        if (backlog.rows() == 0) {
            System.out.println("No events in the outbox: every event is delivered");
            return null;
        }
        long waiting = Math.max(0, backlog.rows() - backlog.deliveredKept());
        long age = Duration.between(backlog.oldest(), Instant.now()).toSeconds();
        System.out.printf("%d events in the outbox, the oldest written %s (%d s ago): %d delivered by this node and "
            + "kept a few seconds, %d waiting for delivery%n", backlog.rows(), backlog.oldest(), Math.max(0, age),
            backlog.deliveredKept(), waiting);
        return null;
    }
}
