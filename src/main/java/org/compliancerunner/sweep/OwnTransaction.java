package org.compliancerunner.sweep;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes a chunk makes visible at once: they commit in a transaction of their own, not with the chunk's. */
final class OwnTransaction {

    private OwnTransaction() {
    }

    static TransactionTemplate of(PlatformTransactionManager transactions) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return own;
    }
}
