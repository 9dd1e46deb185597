package com.crscompanion.history.internal;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.crscompanion.history.ConversationHistory;

/** The real database history for tests of other modules, which cannot reach this package. */
public final class HistoryForTests {

	private HistoryForTests() {
	}

	public static ConversationHistory on(DataSource dataSource, Clock clock) {
		return jdbc(dataSource, clock);
	}

	/** The same, as its class, for this package's own tests. */
	static JdbcConversationHistory jdbc(DataSource dataSource, Clock clock) {
		return new JdbcConversationHistory(JdbcClient.create(dataSource), new JdbcTemplate(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock);
	}

}
