package org.bashgah.bench;

import java.nio.file.Path;
import java.util.Locale;

/** Entry point: {@code java -jar bashgah-bench.jar <generate|load|http-ceiling|jdbc|standard> [--options]}. */
public final class Bench {
    private Bench() {
    }

    static final String USAGE = """
            usage: java -jar bench/target/bashgah-bench.jar <command> [--options]
              %s
              %s
              %s
              %s
              http-ceiling --url ... --password ... [--threads 8] [--duration 60] [--warmup 10]
              %s
              %s
            """.formatted(Generate.USAGE, BulkGenerate.USAGE, Offers.USAGE, Load.USAGE, JdbcCeiling.USAGE, Standard.USAGE);

    public static void main(String[] argv) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help")) {
            System.out.println(USAGE);
            return;
        }
        Args a = new Args(argv, 1);
        switch (argv[0]) {
            case "generate" -> new Generate(a).run();
            case "generate-bulk" -> new BulkGenerate(a).run();
            case "offers" -> Offers.run(a);
            case "load" -> Load.run(a);
            case "http-ceiling" -> Standard.httpCeiling(a);
            case "jdbc" -> {
                Chain chain = new Chain(a.integer("branches", 20), a.integer("members", 1000));
                JdbcCeiling j = a.has("postgres")
                        ? new JdbcCeiling(a.str("postgres", null), a.str("pg-user", "bashgah"), a.str("pg-password", "bashgah"), chain)
                        : JdbcCeiling.derby(Path.of(a.str("derby-dir", Standard.defaultDerbyDir())), chain);
                j.prepare();
                j.run(a.has("postgres") ? "jdbc-postgresql" : "jdbc-derby", a.integer("threads", 8), a.integer("warmup", 10),
                        a.integer("duration", 60), a.integer("progress", 5));
                JdbcCeiling.shutdownDerby();
            }
            case "standard" -> new Standard(a).run();
            default -> {
                System.err.println("unknown command " + argv[0]);
                System.err.println(USAGE);
                System.exit(2);
            }
        }
        System.exit(0); // the HTTP client's threads
    }
}
