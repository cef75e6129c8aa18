package io.spoofdesk.shared;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction a page or a kept value reads in when it needs several statements: one
 * connection and one persistence context for all of them (what one statement loaded, the
 * next does not load again), read-only so Hibernate does not flush and PostgreSQL is told
 * no write follows. Each statement still sees what had committed when it began (read
 * committed).
 */
public final class ReadOnlyTransactions {

	private ReadOnlyTransactions() {
	}

	public static TransactionTemplate over(PlatformTransactionManager transactions) {
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		return readOnly;
	}

}
