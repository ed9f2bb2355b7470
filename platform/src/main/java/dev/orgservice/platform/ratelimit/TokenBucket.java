package dev.orgservice.platform.ratelimit;

/** A token bucket: {@code capacity} requests at once, refilled continuously at {@code refillPerSecond}. */
final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long lastRefill;

    TokenBucket(double capacity, double refillPerSecond, long now) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1_000_000_000d;
        this.tokens = capacity;
        this.lastRefill = now;
    }

    /** Takes one token if there is one. */
    synchronized boolean tryTake(long now) {
        tokens = Math.min(capacity, tokens + (now - lastRefill) * refillPerNano);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whether the bucket is full again at {@code now}: then it is no different from a new one. */
    synchronized boolean fullAt(long now) {
        return tokens + (now - lastRefill) * refillPerNano >= capacity;
    }

    synchronized long remaining() {
        return (long) Math.floor(tokens);
    }

    /** Seconds until one token is back (at least 1, for Retry-After). */
    synchronized long secondsUntilNextToken() {
        return Math.max(1, (long) Math.ceil((1 - tokens) / (refillPerNano * 1_000_000_000d)));
    }

    long capacity() {
        return (long) capacity;
    }
}
