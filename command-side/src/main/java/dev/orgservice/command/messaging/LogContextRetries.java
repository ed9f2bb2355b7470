package dev.orgservice.command.messaging;

import org.slf4j.MDC;

import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The command gateway's retry threads, running a retried command with the log context of the request that sent it
 * (its correlation id, user and tenant): without it the retry's lines, a conflict's reload of a large tree among
 * them, could not be found by the request's correlation id.
 */
final class LogContextRetries extends ScheduledThreadPoolExecutor {

    LogContextRetries(int threads, ThreadFactory threadFactory) {
        super(threads, threadFactory);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(withCallersContext(command), delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        super.execute(withCallersContext(command));
    }

    static Runnable withCallersContext(Runnable command) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> own = MDC.getCopyOfContextMap();
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
            try {
                command.run();
            } finally {
                if (own == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(own);
                }
            }
        };
    }
}
