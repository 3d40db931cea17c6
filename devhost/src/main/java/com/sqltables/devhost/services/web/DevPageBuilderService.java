package com.sqltables.devhost.services.web;

import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.atlassian.webresource.api.assembler.RequiredResources;
import com.atlassian.webresource.api.assembler.WebResourceAssembler;
import com.sqltables.devhost.spi.HostConventions;
import com.sqltables.devhost.spi.RequestContext;

import javax.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Collects the web resources a plugin requires while a request renders, in the request attribute
 * {@link HostConventions#REQUIRED_RESOURCES_REQUEST_ATTRIBUTE}, from which the web host writes the page head.
 * Outside a request (e.g. a job) requirements have nowhere to go and are dropped, as in Confluence.
 */
public final class DevPageBuilderService implements PageBuilderService {
    private final Function<String, List<String>> resourcesOfContext;

    /** @param resourcesOfContext complete keys of the web resources declaring a {@code <context>} */
    public DevPageBuilderService(Function<String, List<String>> resourcesOfContext) {
        this.resourcesOfContext = resourcesOfContext;
    }

    @Override
    public WebResourceAssembler assembler() {
        return () -> new Required();
    }

    private final class Required implements RequiredResources {
        @Override
        public RequiredResources requireWebResource(String moduleCompleteKey) {
            required().ifPresent(set -> set.add(moduleCompleteKey));
            return this;
        }

        @Override
        public RequiredResources requireContext(String context) {
            required().ifPresent(set -> set.addAll(resourcesOfContext.apply(context)));
            return this;
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<LinkedHashSet<String>> required() {
        Optional<HttpServletRequest> request = RequestContext.currentRequest();
        if (request.isEmpty()) {
            return Optional.empty();
        }
        Object existing = request.get().getAttribute(HostConventions.REQUIRED_RESOURCES_REQUEST_ATTRIBUTE);
        if (existing instanceof LinkedHashSet) {
            return Optional.of((LinkedHashSet<String>) existing);
        }
        LinkedHashSet<String> created = new LinkedHashSet<>();
        request.get().setAttribute(HostConventions.REQUIRED_RESOURCES_REQUEST_ATTRIBUTE, created);
        return Optional.of(created);
    }
}
