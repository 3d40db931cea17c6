package com.sqltables.confluence;

/**
 * The change conflicts with the current state: someone else changed the object since it was read, it
 * is still in use, or another cluster node got there first. Reloading and retrying may succeed.
 */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
