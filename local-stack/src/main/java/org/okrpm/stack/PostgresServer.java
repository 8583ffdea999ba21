package org.okrpm.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server {@code ./run-local --postgres} runs the services on, named as libpq names it: PGHOST
 * (127.0.0.1), PGPORT (5432), PGUSER (postgres) and PGPASSWORD (none). Each service gets a database of its own,
 * {@code okrpm_<service>}, created when missing and kept across restarts.
 */
public record PostgresServer(String host, int port, String user, String password) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public static PostgresServer fromEnvironment(Map<String, String> env) {
        return new PostgresServer(env.getOrDefault("PGHOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("PGPORT", "5432")), env.getOrDefault("PGUSER", "postgres"),
                env.getOrDefault("PGPASSWORD", ""));
    }

    /** {@code okr-service} → {@code okrpm_okr}. */
    public static String databaseOf(String service) {
        return "okrpm_" + service.replace("-service", "").replace('-', '_');
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String describe() {
        return host + ":" + port + " (user " + user + ")";
    }

    /** Creates the database unless it exists already. */
    public void ensureDatabase(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Unexpected database name " + database);
        }
        try (Connection admin = connect("postgres");
             PreparedStatement exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = admin.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + describe() + " did not let the stack create database "
                    + database + ": " + e.getMessage()
                    + " (start PostgreSQL, or set PGHOST, PGPORT, PGUSER, PGPASSWORD)", e);
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }
}
