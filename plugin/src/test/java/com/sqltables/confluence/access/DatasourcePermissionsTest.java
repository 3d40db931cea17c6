package com.sqltables.confluence.access;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.testing.PropertiesI18nResolver;
import java.time.Instant;
import java.util.List;
import org.junit.Before;
import org.junit.Test;

public class DatasourcePermissionsTest {
    private static final UserKey ANALYST = new UserKey("analyst-key");
    private static final UserKey READER = new UserKey("reader-key");
    private static final UserKey OUTSIDER = new UserKey("outsider-key");

    private final UserManager userManager = mock(UserManager.class);
    private final PropertiesI18nResolver i18n = new PropertiesI18nResolver();
    private DatasourcePermissions permissions;

    @Before
    public void setUp() {
        when(userManager.isUserInGroup(ANALYST, "sql-authors")).thenReturn(true);
        when(userManager.isUserInGroup(READER, "finance")).thenReturn(true);
        permissions = new DatasourcePermissions(userManager);
    }

    private static Datasource datasource(List<String> spaces, List<String> groups, boolean inlineSql) {
        DatasourceSettings settings = DatasourceSettings.builder().name("Sales").connectionKind(ConnectionKind.H2)
                .jdbcUrl("jdbc:h2:mem:x").allowedSpaces(spaces).allowedGroups(groups).inlineSqlAllowed(inlineSql)
                .build();
        return new Datasource(7, settings, 1, Instant.EPOCH, null, Instant.EPOCH, null);
    }

    private static AccessDeniedException.Reason denied(Runnable check) {
        return assertThrows(AccessDeniedException.class, check::run).getReason();
    }

    @Test
    public void checkView_noSpacesOrGroupsListed_allowsEveryoneEverywhere() {
        Datasource open = datasource(List.of(), List.of(), false);
        permissions.checkView(open, "ANY", OUTSIDER);
        permissions.checkView(open, null, null);
    }

    @Test
    public void checkView_listedSpace_isMatchedIgnoringCase() {
        Datasource sales = datasource(List.of("FIN", "~jdoe"), List.of(), false);
        permissions.checkView(sales, "fin", null);
        permissions.checkView(sales, "~JDOE", null);
    }

    @Test
    public void checkView_otherSpace_isRefusedNamingTheSpace() {
        Datasource sales = datasource(List.of("FIN"), List.of(), false);
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> permissions.checkView(sales, "DEV", READER));
        assertEquals(AccessDeniedException.Reason.SPACE, e.getReason());
        assertEquals("Datasource 'Sales' may not be used in space 'DEV'. A Confluence administrator can allow it.",
                e.text(i18n));
    }

    @Test
    public void checkView_contentOutsideAnySpace_isRefusedWhenSpacesAreListed() {
        Datasource sales = datasource(List.of("FIN"), List.of(), false);
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> permissions.checkView(sales, null, READER));
        assertEquals(AccessDeniedException.Reason.SPACE, e.getReason());
        assertEquals("Datasource 'Sales' may only be used in certain spaces, and this content is not in a space.",
                e.text(i18n));
    }

    @Test
    public void checkView_viewerInAListedGroup_isAllowed() {
        permissions.checkView(datasource(List.of(), List.of("finance", "sql-authors"), false), "FIN", READER);
    }

    @Test
    public void checkView_viewerInNoListedGroup_isRefusedWithoutNamingTheGroups() {
        Datasource sales = datasource(List.of(), List.of("finance"), false);
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> permissions.checkView(sales, "FIN", OUTSIDER));
        assertEquals(AccessDeniedException.Reason.VIEWER, e.getReason());
        assertEquals("You are not allowed to see data from datasource 'Sales'.", e.text(i18n));
        assertFalse(e.getMessage(), e.getMessage().contains("finance"));
    }

    @Test
    public void checkView_anonymousViewerWithGroupsListed_isAskedToLogIn() {
        Datasource sales = datasource(List.of(), List.of("finance"), false);
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> permissions.checkView(sales, "FIN", null));
        assertEquals("Log in to see this table: data from datasource 'Sales' is shown to certain users only.",
                e.text(i18n));
    }

    @Test
    public void checkInlineSql_datasourceForSavedQueriesOnly_isRefused() {
        Datasource sales = datasource(List.of(), List.of("sql-authors"), false);
        assertEquals(AccessDeniedException.Reason.INLINE_SQL_DISABLED,
                denied(() -> permissions.checkInlineSql(sales, ANALYST)));
    }

    @Test
    public void checkInlineSql_authorInAListedGroup_isAllowed() {
        Datasource sales = datasource(List.of(), List.of("sql-authors"), true);
        permissions.checkInlineSql(sales, ANALYST);
        assertTrue(permissions.mayWriteSql(sales, ANALYST));
    }

    @Test
    public void checkInlineSql_authorNotInAListedGroup_isRefused() {
        Datasource sales = datasource(List.of(), List.of("sql-authors"), true);
        assertEquals(AccessDeniedException.Reason.SQL_AUTHOR, denied(() -> permissions.checkInlineSql(sales, READER)));
        assertFalse(permissions.mayWriteSql(sales, READER));
    }

    @Test
    public void checkInlineSql_unknownAuthor_isRefused() {
        Datasource sales = datasource(List.of(), List.of("sql-authors"), true);
        assertEquals(AccessDeniedException.Reason.SQL_AUTHOR, denied(() -> permissions.checkInlineSql(sales, null)));
    }

    @Test
    public void checkInlineSql_noGroupsListed_letsNobodyWriteSql() {
        Datasource open = datasource(List.of(), List.of(), true);
        assertEquals(AccessDeniedException.Reason.SQL_AUTHOR, denied(() -> permissions.checkInlineSql(open, ANALYST)));
    }
}
