package com.sqltables.devhost.spi;

/**
 * Names both halves of the dev host agree on (paths as in Confluence, session and request attributes).
 */
public final class HostConventions {
    /** Web context path, as AMPS's {@code atlas-run} uses for Confluence. */
    public static final String CONTEXT_PATH = "/confluence";

    /** Login page; takes {@code os_destination} (a path below the context) like Confluence's. */
    public static final String LOGIN_PATH = "/login.action";

    /** WebSudo (secure administrator session) page; takes {@code destination}. */
    public static final String WEBSUDO_PATH = "/authenticate.action";

    /** Session attribute: epoch millis until which the session has WebSudo (absent = none). */
    public static final String WEBSUDO_UNTIL_SESSION_ATTRIBUTE = "devhost.websudo.until";

    /** Session attribute holding the session's XSRF token (also sent as cookie {@code atlassian.xsrf.token}). */
    public static final String XSRF_TOKEN_SESSION_ATTRIBUTE = "devhost.xsrf.token";

    /** Form parameter and cookie name of the XSRF token, as in Confluence. */
    public static final String XSRF_TOKEN_PARAMETER = "atl_token";

    /** Request attribute: {@code java.util.LinkedHashSet<String>} of web-resource complete keys required while
     *  rendering this request (filled by PageBuilderService, emitted by the web host into the page head). */
    public static final String REQUIRED_RESOURCES_REQUEST_ATTRIBUTE = "devhost.required.resources";

    /** URL prefix of plugin servlets. */
    public static final String PLUGIN_SERVLET_PREFIX = "/plugins/servlet";

    /** URL prefix of web-resource downloads: {@code /download/resources/<completeKey>/<resourceName>}. */
    public static final String RESOURCE_DOWNLOAD_PREFIX = "/download/resources";

    private HostConventions() {
    }
}
