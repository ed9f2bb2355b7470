package dev.orgservice.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a benchmark measured and writes it twice: a table on the console and JSON files under
 * {@code target/benchmarks/} (e.g. structure.json: the measurements; setup.json: how long building the data took;
 * targets.json: the targets with pass or fail).
 */
final class Report {

    /** The files one benchmark writes, and the title of its console table. */
    record Output(String title, String measurements, String setup, String targets) {

        static final Output STRUCTURE = new Output("Structure benchmark", "structure.json", "setup.json", "targets.json");
        static final Output KAFKA = new Output("Kafka bridge benchmark", "kafka.json", "kafka-setup.json",
                "kafka-targets.json");
    }

    /** One measured operation, optionally beside the baseline it is compared with. */
    record Measurement(String operation, int clients, Latency.Summary latency, Double perSecond, String baseline,
                       Latency.Summary baselineLatency, String note) {
    }

    /** A throughput (e.g. events/s) beside the baseline it is compared with. */
    record Rate(String operation, long samples, double seconds, String baseline, Long baselineSamples,
                Double baselineSeconds, String note) {

        double perSecond() {
            return samples / seconds;
        }

        Double baselinePerSecond() {
            return baselineSamples == null ? null : baselineSamples / baselineSeconds;
        }

        /** This throughput as a share of the baseline's (1.0: as fast). */
        Double ratio() {
            return baselineSamples == null ? null : perSecond() / baselinePerSecond();
        }
    }

    record Step(String name, double seconds, String note) {
    }

    record Target(String name, String measured, String limit, boolean pass) {
    }

    private final Output output;
    private final Map<String, Object> scope;
    private final Map<String, Object> machine;
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Rate> rates = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** {@code scope}: what the data set was (e.g. units and positions), written beside every measurement. */
    Report(Output output, Map<String, Object> scope, Map<String, Object> machine) {
        this.output = output;
        this.scope = scope;
        this.machine = machine;
    }

    /** A benchmark's body. */
    @FunctionalInterface
    interface Benchmark {
        void run() throws Exception;
    }

    /**
     * Runs {@code benchmark}, reporting an abort as a problem, then notes the load and wall time, prints the table
     * and writes the files. Answers the exit code.
     */
    int run(Benchmark benchmark, Path directory) {
        long start = System.nanoTime();
        int exit = 0;
        try {
            benchmark.run();
        } catch (Throwable e) {
            e.printStackTrace();
            problem("benchmark aborted: " + e);
            exit = 1;
        }
        machine.put("load_average_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        machine.put("wall_seconds", Math.round((System.nanoTime() - start) / 1e9));
        print(System.out);
        try {
            write(directory);
        } catch (IOException e) {
            e.printStackTrace();
            exit = 1;
        }
        return exit;
    }

    synchronized void add(Measurement measurement) {
        measurements.add(measurement);
        System.out.println("[benchmark] " + line(measurement));
    }

    synchronized void add(Rate rate) {
        rates.add(rate);
        System.out.println("[benchmark] " + line(rate));
    }

    synchronized void step(String name, double seconds, String note) {
        steps.add(new Step(name, seconds, note));
        System.out.printf("[benchmark] setup: %s: %.1f s%s%n", name, seconds, note == null ? "" : " (" + note + ")");
    }

    synchronized void target(String name, String measured, String limit, boolean pass) {
        targets.add(new Target(name, measured, limit, pass));
    }

    synchronized void problem(String text) {
        problems.add(text);
        System.out.println("[benchmark] PROBLEM: " + text);
    }

    Map<String, Object> machine() {
        return machine;
    }

    void print(PrintStream out) {
        out.println();
        out.printf("%s: %s; %s%n", output.title(), scope, machine);
        out.println();
        out.println("Setup");
        for (Step step : steps) {
            out.printf("  %-58s %9.1f s  %s%n", step.name(), step.seconds(), step.note() == null ? "" : step.note());
        }
        out.println();
        if (!measurements.isEmpty()) {
            out.printf("%-52s %3s %6s %9s %9s %9s %9s %8s | %-30s %8s %8s %6s%n", "operation", "cl", "n", "p50 ms",
                    "p99 ms", "mean ms", "max ms", "ops/s", "baseline", "b.p50", "b.p99", "x p50");
            out.println("-".repeat(176));
            measurements.forEach(m -> out.println(line(m)));
            out.println();
        }
        if (!rates.isEmpty()) {
            out.printf("%-52s %8s %8s %9s | %-36s %9s %6s%n", "operation", "n", "s", "per s", "baseline", "b.per s",
                    "ratio");
            out.println("-".repeat(136));
            rates.forEach(r -> out.println(line(r)));
            out.println();
        }
        out.println("Targets");
        for (Target target : targets) {
            out.printf("  %-4s %-62s measured %-28s limit %s%n", target.pass() ? "PASS" : "FAIL", target.name(),
                    target.measured(), target.limit());
        }
        if (!problems.isEmpty()) {
            out.println();
            out.println("Problems");
            problems.forEach(p -> out.println("  " + p));
        }
        out.println();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Measurement m : measurements) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("operation", m.operation());
            row.put("clients", m.clients());
            row.put("samples", m.latency().samples());
            row.put("p50_ms", round(m.latency().p50()));
            row.put("p99_ms", round(m.latency().p99()));
            row.put("mean_ms", round(m.latency().mean()));
            row.put("max_ms", round(m.latency().max()));
            row.put("throughput_per_s", m.perSecond() == null ? null : round(m.perSecond()));
            row.put("baseline", m.baseline());
            row.put("baseline_p50_ms", m.baselineLatency() == null ? null : round(m.baselineLatency().p50()));
            row.put("baseline_p99_ms", m.baselineLatency() == null ? null : round(m.baselineLatency().p99()));
            row.put("p50_ratio", ratio(m));
            row.put("note", m.note());
            rows.add(withContext(row));
        }
        for (Rate r : rates) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("operation", r.operation());
            row.put("samples", r.samples());
            row.put("seconds", round(r.seconds()));
            row.put("throughput_per_s", round(r.perSecond()));
            row.put("baseline", r.baseline());
            row.put("baseline_samples", r.baselineSamples());
            row.put("baseline_seconds", r.baselineSeconds() == null ? null : round(r.baselineSeconds()));
            row.put("baseline_throughput_per_s", r.baselinePerSecond() == null ? null : round(r.baselinePerSecond()));
            row.put("ratio", r.ratio() == null ? null : round(r.ratio()));
            row.put("note", r.note());
            rows.add(withContext(row));
        }
        json.writeValue(directory.resolve(output.measurements()).toFile(), rows);
        json.writeValue(directory.resolve(output.setup()).toFile(), steps);
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("targets", targets);
        verdict.put("problems", problems);
        json.writeValue(directory.resolve(output.targets()).toFile(), verdict);
        System.out.println("[benchmark] wrote " + directory.toAbsolutePath().resolve(output.measurements()));
    }

    private Map<String, Object> withContext(Map<String, Object> row) {
        row.putAll(scope);
        row.put("machine", machine);
        return row;
    }

    private static String line(Measurement m) {
        Latency.Summary l = m.latency();
        Latency.Summary b = m.baselineLatency();
        Double ratio = ratio(m);
        return String.format("%-52s %3d %6d %9.3f %9.3f %9.3f %9.1f %8s | %-30s %8s %8s %6s%s", clip(m.operation(), 52),
                m.clients(), l.samples(), l.p50(), l.p99(), l.mean(), l.max(),
                m.perSecond() == null ? "" : String.format("%.0f", m.perSecond()),
                m.baseline() == null ? "" : clip(m.baseline(), 30),
                b == null ? "" : String.format("%.3f", b.p50()), b == null ? "" : String.format("%.3f", b.p99()),
                ratio == null ? "" : String.format("%.1f", ratio), m.note() == null ? "" : "  " + m.note());
    }

    private static String line(Rate r) {
        return String.format("%-52s %8d %8.2f %9.0f | %-36s %9s %6s%s", clip(r.operation(), 52), r.samples(),
                r.seconds(), r.perSecond(), r.baseline() == null ? "" : clip(r.baseline(), 36),
                r.baselinePerSecond() == null ? "" : String.format("%.0f", r.baselinePerSecond()),
                r.ratio() == null ? "" : String.format("%.2f", r.ratio()), r.note() == null ? "" : "  " + r.note());
    }

    private static Double ratio(Measurement m) {
        return m.baselineLatency() == null || m.baselineLatency().samples() == 0 ? null
                : round(m.latency().p50() / m.baselineLatency().p50());
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static Double round(double value) {
        return Double.isNaN(value) ? null : Math.round(value * 1000.0) / 1000.0;
    }
}
