package org.bashgah.core.api;

import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The web console's extension point (whiteboard): a bundle registers an implementation as an OSGi service and
 * the console at {@code /console} adds its menu items and loads its pages; unregister it (stop or remove the
 * bundle) and they are gone from the next page load. No dependency on the console bundle is needed.
 *
 * <p>The console serves the extension's files under {@code /console/ext/<id>/<path>} through
 * {@link #resource(String)}, imports {@code /console/ext/<id>/<module()>} as an ES module in the browser and
 * calls its exported {@code mount(element, console, itemId)} when the user opens one of its menu items. The
 * extension's texts come from its own {@code i18n/fa.json} and {@code i18n/en.json}. The pages talk to the public
 * REST API only, with the logged-in user's token (see docs/console.md).
 */
@ConsumerType
public interface ConsolePages {

    /** The extension's id: lower-case letters, digits and dashes ({@code offers}); names its URL folder. */
    String id();

    /** The menu items it adds, in order. */
    List<MenuItem> menu();

    /** The ES module to import, relative to the extension's folder; {@code main.js} by default. */
    default String module() {
        return "main.js";
    }

    /**
     * One of the extension's files by its path inside the extension's folder ({@code main.js},
     * {@code i18n/fa.json}); empty when there is none. By default the file {@code console/<id>/<path>} of the
     * implementing class's own bundle. The console has already refused paths with {@code ..} or a leading slash.
     */
    default Optional<URL> resource(String path) {
        return Optional.ofNullable(getClass().getClassLoader().getResource("console/" + id() + "/" + path));
    }

    /**
     * A menu item: its id (passed to {@code mount}), its title in English and in Persian, and the roles that see
     * it ({@code chain-admin}, {@code branch-manager}, {@code operator}); an empty set for every logged-in user.
     * The menu only hides what a role may not do; the REST API still checks every call.
     */
    record MenuItem(String id, String titleEn, String titleFa, Set<String> roles) {
        public MenuItem {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }
}
