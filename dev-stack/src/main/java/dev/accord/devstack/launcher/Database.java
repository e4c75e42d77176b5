package dev.accord.devstack.launcher;

/** The database the services share, as they are told it (ACCORD_DB_URL, _USER, _PASSWORD). */
public record Database(String url, String user, String password) {
}
