package dev.accord.console.web;

/** A service's API refused or could not answer; {@code detail} is what it said, fit to show to the person who asked. */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
