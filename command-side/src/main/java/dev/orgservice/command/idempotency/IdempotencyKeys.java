package dev.orgservice.command.idempotency;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.problem.Problems;
import dev.orgservice.platform.security.CurrentUser;
import dev.orgservice.platform.validation.Rows;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Idempotent creates (header {@code Idempotency-Key}, IETF draft-ietf-httpapi-idempotency-key-header): a create sent
 * again with the key of an earlier successful one gets the earlier answer's ids instead of a second resource. The key
 * is stored, per tenant, with a fingerprint of the request (operation and body) and the ids the request handed out,
 * in the transaction that appends the request's events (table {@code event_store.request_key}): a key is remembered
 * exactly when its events are, and a failed request leaves no key behind. Keys are forgotten after the retention.
 */
@Component
public class IdempotencyKeys implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String HEADER = "Idempotency-Key";
    /** Marks the answer to a create sent again with its key (the name Stripe and others use). */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The command metadata entry that carries the {@link RequestIds.KeyClaim} to the unit of work. */
    public static final String CLAIM = "idempotencyKeyClaim";
    static final int MAX_LENGTH = 255;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcTemplate jdbc;
    private final ObjectMapper fields;
    private final String retention;

    public IdempotencyKeys(JdbcTemplate jdbc, ObjectMapper json,
                           @Value("${org.idempotency.retention:PT24H}") Duration retention) {
        this.jdbc = jdbc;
        // the request's fields only: a validation getter (@AssertTrue) added by a deploy must not change a retry's
        // fingerprint; map keys sorted, so that their order in the body does not matter either
        this.fields = json.copy().setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.retention = retention.toMillis() + " milliseconds";
    }

    /**
     * The ids for a create request.
     *
     * @param header    the {@code Idempotency-Key} as sent (null: none)
     * @param operation names the endpoint, so that one key on two endpoints is two different requests
     * @param request   what the request asks for (body, query parameters), compared with the first request's,
     *                  as is the user who sends it
     */
    public RequestIds ids(UUID tenantId, String header, String operation, Object... request) {
        if (header == null) {
            return RequestIds.fresh();
        }
        String key = parse(header);
        byte[] fingerprint = fingerprint(operation, CurrentUser.get().userId(), request);
        List<Remembered> remembered = jdbc.query("""
                select fingerprint, ids, revision from event_store.request_key
                where tenant_id = ? and idempotency_key = ? and created_at > now() - ?::interval""",
                (row, n) -> new Remembered(row.getBytes(1), uuids(row.getArray(2)), row.getObject(3, Long.class)),
                tenantId, key, retention);
        if (remembered.isEmpty()) {
            return RequestIds.keyed(new RequestIds.KeyClaim(tenantId, key, fingerprint, List.of()));
        }
        if (!Arrays.equals(remembered.get(0).fingerprint(), fingerprint)) {
            throw new OrgException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key + "' was used for "
                    + "another request; a new request needs a new key", Map.of("idempotencyKey", key));
        }
        log.info("Create request replayed for its Idempotency-Key");
        return RequestIds.replaying(key, remembered.get(0).ids(), remembered.get(0).revision());
    }

    /**
     * Stores the key in the command's unit of work (its transaction) before the command is handled, and the
     * revision the handler answers (a unit's or position's create: the answer's {@code revision} and {@code ETag}; a
     * position import: its first batch's) after it.
     */
    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        // once per unit of work, should this interceptor ever be registered twice: a second insert would find the
        // first one's row and refuse the request
        if (!(unitOfWork.getMessage().getMetaData().get(CLAIM) instanceof RequestIds.KeyClaim claim)
                || unitOfWork.resources().putIfAbsent(CLAIM, claim) != null) {
            return chain.proceed();
        }
        claim(claim);
        Object result = chain.proceed();
        if (result instanceof Long revision) {
            jdbc.update("update event_store.request_key set revision = ? where tenant_id = ? and idempotency_key = ?",
                    revision, claim.tenantId(), claim.key());
        }
        return result;
    }

    private void claim(RequestIds.KeyClaim claim) {
        // the draft's "still being processed": a request with the key in flight holds this lock until its transaction
        // ends, and a retry is answered 409 at once instead of holding a connection while it waits for that
        Boolean free = jdbc.queryForObject("select pg_try_advisory_xact_lock(hashtextextended('request-key/' || ?::text "
                + "|| '/' || ?, 0))", Boolean.class, claim.tenantId(), claim.key());
        // a key past its retention that the purge has not removed yet is taken over
        int stored = Boolean.TRUE.equals(free) ? jdbc.update("""
                insert into event_store.request_key (tenant_id, idempotency_key, fingerprint, ids) values (?, ?, ?, ?)
                on conflict (tenant_id, idempotency_key) do update
                    set fingerprint = excluded.fingerprint, ids = excluded.ids, revision = null, created_at = now()
                    where request_key.created_at <= now() - ?::interval""", ps -> {
            ps.setObject(1, claim.tenantId());
            ps.setString(2, claim.key());
            ps.setBytes(3, claim.fingerprint());
            ps.setArray(4, ps.getConnection().createArrayOf("uuid", claim.ids().toArray()));
            ps.setString(5, retention);
        }) : 0;
        if (stored == 0) {
            throw new OrgException(ErrorCode.CONCURRENT_CHANGE, "Another request with Idempotency-Key '" + claim.key()
                    + "' is or was being handled at the same time; send this one again to get that request's answer",
                    Map.of("idempotencyKey", claim.key()));
        }
    }

    /** Forgets the keys past their retention (every instance does; deleting twice is harmless). */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    public void forgetExpired() {
        int forgotten = jdbc.update("delete from event_store.request_key where created_at <= now() - ?::interval",
                retention);
        log.debug("Forgot {} expired idempotency keys", forgotten);
    }

    /**
     * The key as sent: a structured-field string ({@code "..."}, as the draft writes it) or bare. No comma: the
     * header sent twice reaches us joined by one.
     */
    private static String parse(String header) {
        String key = header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")
                ? header.substring(1, header.length() - 1) : header;
        if (key.isEmpty() || key.length() > MAX_LENGTH
                || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ',')) {
            Rows.requireNoErrors(List.of(new Problems.FieldError(HEADER, "once, 1 to " + MAX_LENGTH + " visible "
                    + "ASCII characters (no quote, backslash or comma inside), e.g. a UUID")));
        }
        return key;
    }

    private byte[] fingerprint(String operation, String userId, Object... request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(operation, userId)) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return sha256.digest(fields.writeValueAsBytes(request));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint a " + operation + " request", e);
        }
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return List.of((UUID[]) array.getArray());
    }

    private record Remembered(byte[] fingerprint, List<UUID> ids, Long revision) {
    }
}
