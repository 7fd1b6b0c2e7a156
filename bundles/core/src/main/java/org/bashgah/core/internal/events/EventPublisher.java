package org.bashgah.core.internal.events;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts core's events (topics in {@link org.bashgah.core.api.Events}) asynchronously, always after the
 * change they announce is committed, so a listener never sees a change that was rolled back.
 */
@Component(service = EventPublisher.class)
public class EventPublisher {
    private final EventAdmin eventAdmin;

    @Activate
    public EventPublisher(@Reference EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    public void post(String topic, Map<String, ?> properties) {
        eventAdmin.postEvent(new Event(topic, properties));
    }
}
