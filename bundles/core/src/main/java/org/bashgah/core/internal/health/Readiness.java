package org.bashgah.core.internal.health;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.BaseDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

/**
 * What the server still waits for before it is ready: Karaf's boot features, Bashgah bundles that are not
 * active, Bashgah components missing a service they need, and JAX-RS resources and extensions that the
 * whiteboard has not (or not successfully) published yet.
 */
public final class Readiness {
    /** Karaf registers this service once every boot feature is installed. */
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";
    /** Bashgah's bundles are named after their artifacts ({@code bashgah-core}); a vendor may use the package name. */
    private static boolean isBashgah(String symbolicName) {
        return symbolicName != null && (symbolicName.startsWith("bashgah-") || symbolicName.startsWith("org.bashgah."));
    }

    private final BundleContext context;
    private final JaxrsServiceRuntime jaxrs;
    private final ServiceComponentRuntime components;

    public Readiness(BundleContext context, JaxrsServiceRuntime jaxrs, ServiceComponentRuntime components) {
        this.context = context;
        this.jaxrs = jaxrs;
        this.components = components;
    }

    public List<String> awaited() {
        List<String> waiting = new ArrayList<>();
        if (context.getServiceReference(BOOT_FINISHED) == null) waiting.add("Karaf boot features");
        List<Bundle> ours = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (!isBashgah(name) || isFragment(bundle)) continue;
            ours.add(bundle);
            if (bundle.getState() != Bundle.ACTIVE) waiting.add("bundle " + name + " to start");
        }
        if (components == null) {
            waiting.add("Declarative Services");
        } else if (!ours.isEmpty()) { // no bundles given would mean every bundle's components
            for (Bundle bundle : ours) {
                // just started: SCR has not read its components yet, so none of them can be found waiting
                if (bundle.getHeaders().get("Service-Component") != null
                    && components.getComponentDescriptionDTOs(bundle).isEmpty()) {
                    waiting.add("the components of " + bundle.getSymbolicName() + " to be read");
                }
            }
            for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(ours.toArray(new Bundle[0]))) {
                if (!components.isComponentEnabled(description)) continue;
                for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                        waiting.add("component " + description.name + " (needs "
                            + unsatisfied(description, configuration) + ")");
                    }
                }
            }
        }
        if (jaxrs == null) waiting.add("the JAX-RS whiteboard");
        else waiting.addAll(unpublished(jaxrs.getRuntimeDTO()));
        return waiting;
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    /** The services a component waits for, by interface (constructor references have no readable name). */
    private static String unsatisfied(ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        List<String> services = new ArrayList<>();
        for (var missing : configuration.unsatisfiedReferences) {
            String service = missing.name;
            for (var reference : description.references) {
                if (reference.name.equals(missing.name)) service = reference.interfaceName;
            }
            services.add(missing.target == null ? service : service + " " + missing.target);
        }
        return String.join(", ", services);
    }

    /** Resource and extension services that the whiteboard shows neither as served nor as failed. */
    private List<String> unpublished(RuntimeDTO runtime) {
        Set<Long> served = new HashSet<>();
        List<String> waiting = new ArrayList<>();
        List<ApplicationDTO> applications = new ArrayList<>();
        if (runtime.defaultApplication != null) applications.add(runtime.defaultApplication);
        if (runtime.applicationDTOs != null) applications.addAll(List.of(runtime.applicationDTOs));
        for (ApplicationDTO application : applications) {
            addIds(served, application.resourceDTOs);
            addIds(served, application.extensionDTOs);
        }
        for (FailedResourceDTO failed : runtime.failedResourceDTOs) {
            waiting.add("REST resource " + failed.name + " (not served: reason " + failed.failureReason + ")");
            served.add(failed.serviceId);
        }
        for (FailedExtensionDTO failed : runtime.failedExtensionDTOs) {
            waiting.add("REST extension " + failed.name + " (not served: reason " + failed.failureReason + ")");
            served.add(failed.serviceId);
        }
        for (String filter : new String[] {"(osgi.jaxrs.resource=true)", "(osgi.jaxrs.extension=true)"}) {
            for (ServiceReference<?> reference : references(filter)) {
                if (!served.contains((Long) reference.getProperty("service.id"))) {
                    Object type = reference.getProperty("component.name");
                    waiting.add("REST " + (type != null ? type : "service " + reference.getProperty("service.id"))
                        + " to be published");
                }
            }
        }
        return waiting;
    }

    private static void addIds(Set<Long> ids, BaseDTO[] dtos) {
        if (dtos == null) return;
        for (BaseDTO dto : dtos) ids.add(dto.serviceId);
    }

    private ServiceReference<?>[] references(String filter) {
        try {
            ServiceReference<?>[] found = context.getAllServiceReferences(null, filter);
            return found == null ? new ServiceReference<?>[0] : found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
