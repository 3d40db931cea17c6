package com.sqltables.devhost.content;

/**
 * A content operation was refused. The {@link Kind} maps to the HTTP status both the REST API and the
 * browser pages answer with; the message is safe to show (it never carries internals).
 */
public final class ContentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the operation was refused. */
    public enum Kind {
        BAD_REQUEST(400), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;

    public ContentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ContentException notFound(String message) {
        return new ContentException(Kind.NOT_FOUND, message);
    }

    public static ContentException forbidden(String message) {
        return new ContentException(Kind.FORBIDDEN, message);
    }

    public static ContentException badRequest(String message) {
        return new ContentException(Kind.BAD_REQUEST, message);
    }

    public static ContentException conflict(String message) {
        return new ContentException(Kind.CONFLICT, message);
    }
}
