package dev.orgservice.benchmarks;

import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kafka benchmark's broker as a JVM of its own, as brokers run in production: its JIT, GC and request
 * threads are then not counted as the bridge's work (they still share the machine's two cores). The parent
 * starts it with {@link #start}; it prints its bootstrap servers and stops when the parent closes its input.
 */
final class BrokerProcess implements AutoCloseable {

    private static final String READY = "BROKER READY ";

    private final Process process;
    private final String bootstrapServers;

    private BrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a single-node KRaft broker with {@code partitions} partitions for each of {@code topics}. */
    static BrokerProcess start(int partitions, List<String> topics) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Xms1g", "-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(),
                Integer.toString(partitions)));
        command.addAll(topics);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(READY)) {
                Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "broker-output");
                drain.setDaemon(true);
                drain.start();
                return new BrokerProcess(process, line.substring(READY.length()).trim());
            }
        }
        process.destroyForcibly();
        throw new IOException("the Kafka broker process ended before it was ready: exit " + process.exitValue());
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        process.destroy();
    }

    /** {@code BrokerProcess PARTITIONS TOPIC...}: runs until its standard input is closed. */
    public static void main(String[] args) throws IOException {
        for (String name : List.of("ROOT", "kafka", "org.apache.kafka", "state.change.logger")) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
        List<String> topics = List.of(args).subList(1, args.length);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Integer.parseInt(args[0]),
                topics.toArray(String[]::new));
        broker.afterPropertiesSet();
        System.out.println(READY + broker.getBrokersAsString());
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent holds our input open while it needs the broker
        }
        broker.destroy();
        System.exit(0);
    }
}
