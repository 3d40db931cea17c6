package com.sqltables.devhost.services.web;

import com.sqltables.devhost.plugins.testing.FakeHttp;
import com.sqltables.devhost.spi.HostConventions;
import com.sqltables.devhost.spi.RequestContext;
import org.junit.After;
import org.junit.Test;

import java.util.LinkedHashSet;
import java.util.List;

import static org.junit.Assert.assertEquals;

public class DevPageBuilderServiceTest {
    private final DevPageBuilderService pageBuilder = new DevPageBuilderService(
            context -> context.equals("sql-tables") ? List.of("p:table-css", "p:table-js") : List.of());

    @After
    public void tearDown() {
        RequestContext.clear();
    }

    @Test
    public void requiredResources_collectInTheRequestInOrderWithoutDuplicates() {
        FakeHttp.Request request = new FakeHttp.Request();
        RequestContext.bind(request.proxy, null, null);

        pageBuilder.assembler().resources().requireWebResource("p:admin").requireContext("sql-tables")
                .requireWebResource("p:admin");
        pageBuilder.assembler().resources().requireWebResource("com.atlassian.auiplugin:ajs");

        assertEquals(new LinkedHashSet<>(List.of("p:admin", "p:table-css", "p:table-js", "com.atlassian.auiplugin:ajs")),
                request.attributes.get(HostConventions.REQUIRED_RESOURCES_REQUEST_ATTRIBUTE));
    }

    @Test
    public void requiredResources_outsideARequest_areDroppedNotCarriedIntoTheNextRequest() {
        pageBuilder.assembler().resources().requireWebResource("p:from-a-job");
        FakeHttp.Request request = new FakeHttp.Request();
        RequestContext.bind(request.proxy, null, null);

        pageBuilder.assembler().resources().requireWebResource("p:page");

        assertEquals(new LinkedHashSet<>(List.of("p:page")),
                request.attributes.get(HostConventions.REQUIRED_RESOURCES_REQUEST_ATTRIBUTE));
    }
}
