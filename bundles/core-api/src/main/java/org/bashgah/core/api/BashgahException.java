package org.bashgah.core.api;

/**
 * The failures a caller can act on. The REST layer maps each to one HTTP status and a problem-details
 * body: {@link Invalid} 400, {@link Forbidden} 403, {@link NotFound} 404, {@link Conflict} 409,
 * {@link Rejected} 422.
 */
public abstract class BashgahException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected BashgahException(String message) {
        super(message);
    }

    /** The thing asked for does not exist (or is not visible to the caller). */
    public static class NotFound extends BashgahException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    /** The request clashes with what exists, e.g. a second member with the same phone. */
    public static class Conflict extends BashgahException {
        private static final long serialVersionUID = 1L;
        private final String existingId;

        public Conflict(String message, String existingId) {
            super(message);
            this.existingId = existingId;
        }

        /** The id of the thing that already exists, or null. */
        public String existingId() {
            return existingId;
        }
    }

    /** The caller may not do this (role or branch). */
    public static class Forbidden extends BashgahException {
        private static final long serialVersionUID = 1L;

        public Forbidden(String message) {
            super(message);
        }
    }

    /** The request itself is malformed: fields missing, out of range, of the wrong form. */
    public static class Invalid extends BashgahException {
        private static final long serialVersionUID = 1L;
        private final java.util.List<FieldError> errors;

        public Invalid(java.util.List<FieldError> errors) {
            super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid");
            this.errors = java.util.List.copyOf(errors);
        }

        public java.util.List<FieldError> errors() {
            return errors;
        }
    }

    /** The request is well formed but breaks a rule; names the field at fault. */
    public static class Rejected extends BashgahException {
        private static final long serialVersionUID = 1L;
        private final String field;

        public Rejected(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
