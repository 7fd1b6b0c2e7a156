package org.bashgah.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} and {@code --flag} options. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] argv, int from) {
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + a);
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                values.put(name, argv[++i]);
            } else {
                values.put(name, "true");
            }
        }
    }

    String str(String name, String def) {
        return values.getOrDefault(name, def);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) throw new IllegalArgumentException("--" + name + " is required");
        return v;
    }

    int integer(String name, int def) {
        String v = values.get(name);
        return v == null ? def : Integer.parseInt(v.replace("_", ""));
    }

    long lng(String name, long def) {
        String v = values.get(name);
        return v == null ? def : Long.parseLong(v.replace("_", ""));
    }

    double dbl(String name, double def) {
        String v = values.get(name);
        return v == null ? def : Double.parseDouble(v);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
