package org.bashgah.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.bashgah.console.cfg}. */
@ObjectClassDefinition(name = "Bashgah console", description = "The web console at /console")
@interface ConsoleConfiguration {
    @AttributeDefinition(description = "The language a user sees until they pick one: fa or en")
    String language() default "fa";
}
