package dev.accord.devstack.launcher;

/** A reason to stop the command; the launcher prints it as {@code accord: <message>} and exits with 1. */
public final class LauncherException extends RuntimeException {

    public LauncherException(String message) {
        super(message);
    }
}
