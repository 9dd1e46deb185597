package com.crscompanion.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * The two databases the app runs on, migrated by the app's own Flyway scripts: H2 in memory (the embedded default)
 * and PostgreSQL on 127.0.0.1:5432, database {@code test}, in a schema of its own that is dropped afterwards. Without
 * PostgreSQL a test is skipped on a developer's machine and fails in CI ({@code CI=true}).
 */
public final class TestDatabases {

	public static final String POSTGRES_URL = System.getenv().getOrDefault("CRS_TEST_POSTGRES_URL",
			"jdbc:postgresql://127.0.0.1:5432/test");

	public static final String POSTGRES_USER = System.getenv().getOrDefault("CRS_TEST_POSTGRES_USER", "postgres");

	private TestDatabases() {
	}

	/** A migrated database; several {@link #connect()} calls act as several app instances sharing it. */
	public interface Database extends AutoCloseable {

		String name();

		DataSource connect();

		@Override
		void close();

	}

	public static Stream<String> names() {
		return Stream.of("h2", "postgresql");
	}

	public static Database open(String name) {
		return "h2".equals(name) ? h2() : postgres();
	}

	private static Database h2() {
		String url = "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		Pools pools = new Pools("h2", url, "sa", null);
		Flyway.configure().dataSource(url, "sa", "").load().migrate();
		return pools;
	}

	private static Database postgres() {
		String schema = "crs_test_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
			connection.createStatement().execute("create schema " + schema);
		}
		catch (SQLException ex) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " is required in CI (CI=true) and "
						+ "could not be reached: " + ex.getMessage(), ex);
			}
			Assumptions.abort("PostgreSQL at " + POSTGRES_URL + " is not reachable here: " + ex.getMessage());
		}
		String url = POSTGRES_URL + "?currentSchema=" + schema;
		Flyway.configure().dataSource(url, POSTGRES_USER, "").schemas(schema).load().migrate();
		return new Pools("postgresql", url, POSTGRES_USER, schema);
	}

	private static final class Pools implements Database {

		private final String name;

		private final String url;

		private final String user;

		private final String schema;

		private final java.util.List<HikariDataSource> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

		Pools(String name, String url, String user, String schema) {
			this.name = name;
			this.url = url;
			this.user = user;
			this.schema = schema;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public DataSource connect() {
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(this.url);
			config.setUsername(this.user);
			config.setPassword("");
			config.setMaximumPoolSize(4);
			HikariDataSource dataSource = new HikariDataSource(config);
			this.opened.add(dataSource);
			return dataSource;
		}

		@Override
		public void close() {
			this.opened.forEach(HikariDataSource::close);
			if (this.schema != null) {
				try (Connection connection = DriverManager.getConnection(POSTGRES_URL, this.user, "")) {
					connection.createStatement().execute("drop schema " + this.schema + " cascade");
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Could not drop test schema " + this.schema, ex);
				}
			}
		}

	}

}
