package dev.orgservice.local;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Properties;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) on a fixed port, with its log kept in a
 * directory so that a restart keeps the topics and the cluster id. The local run starts one in-process on 9092;
 * the outage test runs it as a separate process ({@link #main}) that it can kill and start again.
 */
public final class LocalKafkaBroker {

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static LocalKafkaBroker start(int port, File logDirectory) throws IOException {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + (port + 1));
        config.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + (port + 1));
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDirectory.getAbsolutePath());
        config.put("num.partitions", "3");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "true");
        if (!new File(logDirectory, "meta.properties").exists()) {
            format(config, logDirectory);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        return new LocalKafkaBroker(server, port);
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public void stop() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Writes the KRaft metadata (cluster id) into a new log directory, as {@code kafka-storage.sh format} does. */
    private static void format(Properties config, File logDirectory) throws IOException {
        if (!logDirectory.mkdirs() && !logDirectory.isDirectory()) {
            throw new IOException("cannot create " + logDirectory);
        }
        File file = new File(logDirectory.getParentFile(), logDirectory.getName() + ".properties");
        try (FileWriter writer = new FileWriter(file)) {
            config.store(writer, "local Kafka broker");
        }
        int result = StorageTool.execute(new String[]{"format", "-t", "org-service-local-kafka0", "-c",
                file.getAbsolutePath(), "--ignore-formatted"}, new PrintStream(OutputStream.nullOutputStream()));
        if (result != 0) {
            throw new IOException("formatting the Kafka log directory failed: " + result);
        }
    }

    /** Runs a broker as its own process: {@code LocalKafkaBroker PORT LOG_DIRECTORY}; stops when killed. */
    public static void main(String[] args) throws IOException {
        LocalKafkaBroker broker = start(Integer.parseInt(args[0]), new File(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
        System.out.println("BROKER READY " + broker.bootstrapServers());
    }
}
