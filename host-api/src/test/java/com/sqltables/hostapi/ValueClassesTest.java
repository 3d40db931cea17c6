package com.sqltables.hostapi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import com.atlassian.mail.Email;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import com.atlassian.scheduler.status.RunOutcome;
import java.io.Serializable;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/**
 * The value classes hold their data the way the real ones do, so the dev host and plugin tests see
 * the same defaults, immutability and equality as Confluence.
 */
public class ValueClassesTest {

    private static final JobRunnerKey KEY = JobRunnerKey.of("com.example:job");

    @Test
    public void jobConfig_defaults_matchTheRealOnes() {
        JobConfig config = JobConfig.forJobRunnerKey(KEY);

        assertEquals(RunMode.RUN_ONCE_PER_CLUSTER, config.getRunMode());
        assertEquals(Schedule.runOnce(null), config.getSchedule());
        assertTrue(config.getParameters().isEmpty());
    }

    @Test
    public void jobConfig_with_returnsNewInstance_andLeavesOriginalUnchanged() {
        JobConfig original = JobConfig.forJobRunnerKey(KEY);
        Map<String, Serializable> parameters = new HashMap<>();
        parameters.put("a", 1);

        JobConfig changed = original.withRunMode(RunMode.RUN_LOCALLY)
                .withSchedule(Schedule.forCronExpression("0 0 3 1 * ?"))
                .withParameters(parameters);
        parameters.put("b", 2);

        assertNotSame(original, changed);
        assertEquals(JobConfig.forJobRunnerKey(KEY), original);
        assertEquals(RunMode.RUN_LOCALLY, changed.getRunMode());
        assertEquals("parameters are copied", 1, changed.getParameters().size());
        assertEquals(JobConfig.forJobRunnerKey(KEY).withSchedule(null), original);
    }

    @Test(expected = UnsupportedOperationException.class)
    public void jobConfig_parameters_areNotModifiable() {
        JobConfig.forJobRunnerKey(KEY).withParameters(new HashMap<>()).getParameters().put("x", "y");
    }

    @Test
    public void schedule_copiesDates_soLaterChangesDoNotLeakIn() {
        Date first = new Date(1000L);
        Schedule schedule = Schedule.forInterval(60_000L, first);
        first.setTime(2000L);
        schedule.getIntervalScheduleInfo().getFirstRunTime().setTime(3000L);

        assertEquals(new Date(1000L), schedule.getIntervalScheduleInfo().getFirstRunTime());
        assertNull(schedule.getCronScheduleInfo());
    }

    @Test(expected = IllegalArgumentException.class)
    public void schedule_negativeInterval_isRefused() {
        Schedule.forInterval(-1L, null);
    }

    @Test
    public void ids_areValues_whoseToStringIsTheId() {
        assertEquals(JobId.of("a"), JobId.of("a"));
        assertNotEquals(JobId.of("a"), JobId.of("b"));
        assertEquals("a", JobId.of("a").toString());
        assertEquals(new UserKey("u1"), new UserKey("u1"));
        assertEquals("42", UserKey.fromLong(42L).getStringValue());
    }

    @Test
    public void jobRunnerResponse_failedWithCause_summarisesTheCauseChain() {
        JobRunnerResponse response = JobRunnerResponse.failed(
                new IllegalStateException("outer", new java.io.IOException("inner")));

        assertEquals(RunOutcome.FAILED, response.getRunOutcome());
        assertEquals("IllegalStateException: outer\nIOException: inner", response.getMessage());
        assertNull(JobRunnerResponse.success().getMessage());
    }

    @Test(expected = IllegalArgumentException.class)
    public void jobRunnerResponse_abortedWithBlankMessage_isRefusedLikeTheRealOne() {
        JobRunnerResponse.aborted("  ");
    }

    @Test
    public void email_settersAreFluent_andDefaultsMatchTheRealOnes() {
        Email email = new Email("admin@example.com");

        assertSame(email, email.setSubject("s").setBody("b").setMimeType("text/html").setFrom("f@example.com"));
        assertEquals("UTF-8", email.getEncoding());
        assertEquals("bulk", email.getHeaders().get("Precedence"));
        assertEquals("auto-generated", email.getHeaders().get("Auto-Submitted"));
    }

    @Test
    public void email_equality_ignoresTheBody_likeTheRealOne() {
        Email one = new Email("a@example.com").setSubject("s").setBody("one");
        Email two = new Email("a@example.com").setSubject("s").setBody("two");

        assertEquals(one, two);
        assertEquals(one.hashCode(), two.hashCode());
    }

    @Test(expected = IllegalArgumentException.class)
    public void email_withoutAnyRecipient_isRefused() {
        new Email(" ", null, "");
    }
}
