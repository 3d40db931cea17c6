package com.atlassian.scheduler;

import com.atlassian.scheduler.status.RunOutcome;
import java.util.Objects;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/JobRunnerResponse.java and public job runners returning success()/success(String)/aborted(String)/failed(String)/failed(Throwable).
/**
 * Compile-only stand-in for the outcome of one job run: an immutable value, like the real one.
 * {@code aborted} and {@code failed} reject a blank message, and {@code failed(Throwable)} keeps a
 * short summary of the cause chain (at most 255 characters), as the real class does.
 */
public final class JobRunnerResponse {

    private static final int MAX_MESSAGE_LENGTH = 255;

    private final RunOutcome runOutcome;
    private final String message;

    private JobRunnerResponse(RunOutcome runOutcome, String message) {
        this.runOutcome = runOutcome;
        this.message = message;
    }

    public static JobRunnerResponse success() {
        return success(null);
    }

    public static JobRunnerResponse success(String message) {
        return new JobRunnerResponse(RunOutcome.SUCCESS, message);
    }

    public static JobRunnerResponse aborted(String message) {
        return new JobRunnerResponse(RunOutcome.ABORTED, requireText(message, "aborted"));
    }

    public static JobRunnerResponse failed(String message) {
        return new JobRunnerResponse(RunOutcome.FAILED, requireText(message, "failed"));
    }

    public static JobRunnerResponse failed(Throwable cause) {
        return new JobRunnerResponse(RunOutcome.FAILED, summarise(Objects.requireNonNull(cause, "cause")));
    }

    public RunOutcome getRunOutcome() {
        return runOutcome;
    }

    /** @return the message, or {@code null} for a plain success */
    public String getMessage() {
        return message;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        JobRunnerResponse that = (JobRunnerResponse) other;
        return runOutcome == that.runOutcome && Objects.equals(message, that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(runOutcome, message);
    }

    @Override
    public String toString() {
        return "JobRunnerResponse[runOutcome=" + runOutcome + ",message='" + message + "']";
    }

    // The real class refuses a blank message here; code that passes one must fail in tests too.
    private static String requireText(String message, String outcome) {
        if (message == null || message.trim().isEmpty()) {
            throw new IllegalArgumentException("A job reported as " + outcome + " needs a message");
        }
        return message;
    }

    private static String summarise(Throwable cause) {
        StringBuilder text = new StringBuilder();
        for (Throwable current = cause; current != null && text.length() < MAX_MESSAGE_LENGTH;
                current = current.getCause()) {
            if (current != cause) {
                text.append('\n');
            }
            text.append(current.getClass().getSimpleName());
            if (current.getMessage() != null) {
                text.append(": ").append(current.getMessage());
            }
        }
        return text.length() > MAX_MESSAGE_LENGTH ? text.substring(0, MAX_MESSAGE_LENGTH) : text.toString();
    }
}
