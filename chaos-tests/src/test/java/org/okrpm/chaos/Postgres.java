package org.okrpm.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the drill runs on (like .ci/run: {@code -Dchaos.pg.host=127.0.0.1:5432}, user postgres):
 * creates and drops the run's databases, blocks and unblocks one, and counts rows. One short connection per call.
 */
final class Postgres {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    private final String hostPort;
    private final String user;
    private final String password;

    Postgres(String hostPort, String user, String password) {
        this.hostPort = hostPort;
        this.user = user;
        this.password = password;
    }

    static Postgres fromSystemProperties() {
        return new Postgres(System.getProperty("chaos.pg.host", "127.0.0.1:5432"),
                System.getProperty("chaos.pg.user", "postgres"), System.getProperty("chaos.pg.password", ""));
    }

    String hostPort() {
        return hostPort;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + hostPort + "/" + database;
    }

    void create(String database) throws SQLException {
        admin("create database " + checked(database));
    }

    /** Drops the database, ending its sessions (PostgreSQL 13+). */
    void drop(String database) throws SQLException {
        admin("drop database if exists " + checked(database) + " with (force)");
    }

    /**
     * Cuts the database off: no new connections ({@code ALLOW_CONNECTIONS false}), then every open session of it
     * terminated. Returns how many sessions were terminated.
     */
    int block(String database) throws SQLException {
        admin("alter database " + checked(database) + " with allow_connections false");
        try (Connection c = connect("postgres");
             PreparedStatement terminate = c.prepareStatement("select count(pg_terminate_backend(pid)) "
                     + "from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            terminate.setString(1, database);
            try (ResultSet rs = terminate.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    void unblock(String database) throws SQLException {
        admin("alter database " + checked(database) + " with allow_connections true");
    }

    /** Sessions of the database right now (for the report). */
    int sessions(String database) throws SQLException {
        try (Connection c = connect("postgres");
             PreparedStatement count = c.prepareStatement(
                     "select count(*) from pg_stat_activity where datname = ?")) {
            count.setString(1, database);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The single number a {@code select count(*) ...} gives. */
    long count(String database, String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(database); PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = connect("postgres"); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    private static String checked(String database) {
        if (!NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Unexpected database name " + database);
        }
        return database;
    }
}
