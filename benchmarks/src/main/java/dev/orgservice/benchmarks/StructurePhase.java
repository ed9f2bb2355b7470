package dev.orgservice.benchmarks;

/**
 * A phase of the structure benchmark after its setup: it reports to the run's {@link Report}, takes its time from
 * the run's {@link Budget}, calls the running {@link Services} and closes its clients' connections after each
 * measurement.
 */
abstract class StructurePhase {

    protected final Report report;
    protected final Budget budget;
    protected final Services services;
    protected final ClientConnections connections;

    StructurePhase(Report report, Budget budget, Services services, ClientConnections connections) {
        this.report = report;
        this.budget = budget;
        this.services = services;
        this.connections = connections;
    }

    abstract void run() throws Exception;
}
