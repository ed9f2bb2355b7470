package dev.orgservice.command.structure;

import dev.orgservice.command.tenant.RegistryTenantGuard;
import dev.orgservice.command.tenant.RegistryTenantGuard.LockedRow;
import dev.orgservice.platform.eventstore.AppendPrecondition;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A command on a cached tree whose tenant's registry row this instance knows runs on both as they are, and has them
 * checked where it costs no round trip of its own: its append inserts only while the registry row has the revision
 * the command used, locking it {@code FOR SHARE} as {@link RegistryTenantGuard} would have ({@link AppendPrecondition});
 * a tree another instance appended to fails the append on the store's unique (tree, sequence number) key. Either
 * failure is a conflict: the unit of work rolls back, which drops the cached tree and the remembered row, and the
 * command gateway retries the command, which then reads both. The checks those paths cannot make, because nothing
 * is appended, are made by reading the row and the tree's version before the outcome counts: when the command is
 * refused (a stale tree or row could refuse a valid command, say "unit not found") and when it changes nothing.
 * So a command answers as if it had read and locked the row first, one round trip of three fewer per command
 * (docs/benchmark-log.md, thirty-sixth run). A row changed by another instance is usually forgotten before the
 * next command here ({@code RegistryChanges}), so that its append does not fail and throw away an up-to-date tree.
 */
@Component
public class DeferredStoreCheck implements AppendPrecondition, MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String KEY = DeferredStoreCheck.class.getName();
    private static final String UNCHANGED_ROW = """
            select from event_store.tenant_registry where tenant_id = ? and xmin::text = ? for share""";

    private final RegistryTenantGuard registry;

    DeferredStoreCheck(RegistryTenantGuard registry) {
        this.registry = registry;
    }

    /** What a command took on trust, kept in its unit of work until the store has confirmed it (or is about to). */
    private record Trusted(UUID tenantId, String treeId, Long treeVersion, String revision) {
    }

    /**
     * Lets the current command use its cached tree (at {@code cachedVersion}) and the tenant's known registry row
     * unchecked; false when the row is not known here (the caller then reads it with the tree's version).
     */
    boolean trust(TreeCommand command, Long cachedVersion) {
        String revision = registry.adoptKnownRow(command.tenantId());
        if (revision == null) {
            return false;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.resources().put(KEY, new Trusted(command.tenantId(), command.treeId(), cachedVersion, revision));
        unitOfWork.onRollback(u -> registry.forget(command.tenantId()));
        return true;
    }

    @Override
    public Condition forThisAppend() {
        Trusted trusted = takeUnchecked();
        if (trusted == null) {
            return null;
        }
        return new Condition(UNCHANGED_ROW, List.of(trusted.tenantId(), trusted.revision()),
                "the registry row of tenant " + trusted.tenantId() + " changed since this instance read it");
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result;
        try {
            result = interceptorChain.proceed();
        } catch (Exception refusal) {
            try {
                requireUnchanged();
            } catch (RuntimeException uncheckable) {
                if (!failedTheTransaction(refusal)) {
                    // a refusal that may rest on stale state is not an answer: the conflict, or the check's own
                    // failure (a timeout, a lost connection), which the gateway retries or answers 503
                    throw uncheckable;
                }
                refusal.addSuppressed(uncheckable); // the check could not run after the refusal's own SQL error
            }
            throw refusal;
        }
        if (unitOfWork.root().getResource(KEY) != null) {
            // registered after the handler published its events, so it runs after their append: it only acts when
            // the command appended nothing (the append takes what was trusted)
            unitOfWork.onPrepareCommit(u -> requireUnchanged());
        }
        return result;
    }

    /** Reads what the command trusted and has not had checked; a conflict when the store moved on. */
    private void requireUnchanged() {
        Trusted trusted = takeUnchecked();
        if (trusted == null) {
            return;
        }
        LockedRow stored = registry.lockWithTreeVersion(trusted.tenantId(), trusted.treeId());
        if (stored == null || !stored.revision().equals(trusted.revision())
                || !Objects.equals(stored.treeVersion(), trusted.treeVersion())) {
            throw new ConcurrencyException("The organization tree or the registry row of tenant " + trusted.tenantId()
                    + " changed since this instance cached them");
        }
    }

    private static boolean failedTheTransaction(Throwable refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** What this command trusted and nothing has checked yet, if anything; whoever takes it checks it. */
    private static Trusted takeUnchecked() {
        return CurrentUnitOfWork.isStarted() ? (Trusted) CurrentUnitOfWork.get().root().resources().remove(KEY) : null;
    }
}
