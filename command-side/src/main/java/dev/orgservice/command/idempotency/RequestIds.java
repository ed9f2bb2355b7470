package dev.orgservice.command.idempotency;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ids one create request hands out (the new unit's, position's, import's ...). Without an {@code Idempotency-Key}
 * they are fresh random ids. With a key seen before for the same request they are the ids the first request handed
 * out, in the same order, and the request is a replay: nothing is sent ({@link #replayed()}). With a new key they are
 * fresh ids, remembered with the key in the transaction that appends the request's events ({@link #claim()}).
 */
public final class RequestIds {

    private final KeyClaim key;
    private final List<UUID> earlier;
    private final Long earlierRevision;
    private final List<UUID> issued = new ArrayList<>();

    private RequestIds(KeyClaim key, List<UUID> earlier, Long earlierRevision) {
        this.key = key;
        this.earlier = earlier;
        this.earlierRevision = earlierRevision;
    }

    /** A request without a key. */
    public static RequestIds fresh() {
        return new RequestIds(null, null, null);
    }

    static RequestIds keyed(KeyClaim key) {
        return new RequestIds(key, null, null);
    }

    static RequestIds replaying(String key, List<UUID> earlier, Long earlierRevision) {
        return new RequestIds(new KeyClaim(null, key, null, List.of()), List.copyOf(earlier), earlierRevision);
    }

    /** The next id, in the order the controller hands them out (the same order on a replay of the same request). */
    public UUID next() {
        if (earlier != null && issued.size() == earlier.size()) {
            // the same fingerprint asking for more ids: only if a deploy changed how the endpoint hands them out
            throw new OrgException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key.key() + "' was used "
                    + "for a request this version answers differently; send it with a new key",
                    Map.of("idempotencyKey", key.key()));
        }
        UUID id = earlier != null ? earlier.get(issued.size()) : UUID.randomUUID();
        issued.add(id);
        return id;
    }

    /** The request was made before under its key: answer it again with the same ids, without sending a command. */
    public boolean replayed() {
        return earlier != null;
    }

    /** On a replay, the revision the first request answered (a unit's or position's create, a position import), else null. */
    public Long earlierRevision() {
        return earlierRevision;
    }

    /** The key and the ids handed out so far, to be remembered with the command's events; null without a new key. */
    public KeyClaim claim() {
        return key == null || replayed() ? null : key.with(issued);
    }

    /** What the command's unit of work stores: tenant, key, the request's fingerprint, the ids it handed out. */
    public record KeyClaim(UUID tenantId, String key, byte[] fingerprint, List<UUID> ids) {

        KeyClaim with(List<UUID> handedOut) {
            return new KeyClaim(tenantId, key, fingerprint, List.copyOf(handedOut));
        }
    }
}
