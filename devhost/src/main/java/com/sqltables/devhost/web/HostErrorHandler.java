package com.sqltables.devhost.web;

import com.sqltables.devhost.rest.RestErrors;
import com.sqltables.devhost.spi.HostConventions;
import org.eclipse.jetty.ee8.nested.ErrorHandler;
import org.eclipse.jetty.ee8.nested.Request;

import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Jetty's error pages replaced by the host's: JSON in Confluence's error shape below {@code /rest/}, the
 * layout elsewhere; no stack traces, no servlet names, no exception messages.
 */
public final class HostErrorHandler extends ErrorHandler {
    private final Layout layout;

    public HostErrorHandler(Layout layout) {
        this.layout = layout;
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer ? (Integer) code : response.getStatus();
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original != null ? original.toString() : String.valueOf(request.getRequestURI());
        String path = uri.startsWith(HostConventions.CONTEXT_PATH) ? uri.substring(HostConventions.CONTEXT_PATH.length()) : uri;
        String message = switch (status) {
            case 400 -> "The request is not valid.";
            case 401 -> "You need to log in.";
            case 403 -> "You are not permitted to do this.";
            case 404 -> "The page you are looking for does not exist.";
            case 405 -> "This method is not allowed here.";
            default -> status >= 500 ? "The dev host could not complete this request; its log has the details."
                    : "The request could not be completed.";
        };
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        if (path.startsWith("/rest/")) {
            RestErrors.write(response, status, message);
        } else {
            String title = status == 404 ? "Page not found" : status >= 500 ? "Something went wrong" : "Error " + status;
            ErrorPages.write(layout, request, response, status, title, message);
        }
    }
}
