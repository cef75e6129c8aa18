package io.spoofdesk.shared;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction a page or a kept value reads in when it needs several statements to see
 * one state: read-only, so Hibernate does not flush and PostgreSQL is told no write
 * follows.
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
