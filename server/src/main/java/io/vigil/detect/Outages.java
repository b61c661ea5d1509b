package io.vigil.detect;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether a failure is PostgreSQL being away (worth keeping the work and trying again) rather than a
 * refusal that would fail again the same way.
 */
final class Outages {

    private Outages() {
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException || t instanceof java.net.SocketException) {
                return true;
            }
            // connection errors (class 08), shutdown (57P), or no connection to be had from the pool
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Acquisition timeout") || message.contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }
}
