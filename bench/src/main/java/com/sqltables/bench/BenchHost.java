package com.sqltables.bench;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.core.ContentEntityObject;
import com.atlassian.confluence.web.context.HttpContext;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.atlassian.webresource.api.assembler.RequiredResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * What Confluence gives the macro, as plain objects (no mocking library on the measured path): a page
 * view ({@code display}) in space {@code BENCH}, a viewer who is in every group (or nobody, for an
 * anonymous view), a request without a query string, the app's real i18n texts, and a web-resource
 * assembler that accepts every request.
 */
final class BenchHost {
    static final String SPACE = "BENCH";
    private static final UserKey VIEWER = new UserKey("bench-viewer");

    private volatile boolean anonymous;

    /** @param anonymous whether the next renders are viewed without a logged-in user */
    void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    UserManager userManager() {
        UserProfile viewer = new Viewer();
        return new UserManager() {
            @Override
            public UserProfile getRemoteUser() {
                return anonymous ? null : viewer;
            }

            @Override
            public UserKey getRemoteUserKey() {
                return anonymous ? null : VIEWER;
            }

            @Override
            public UserProfile getRemoteUser(HttpServletRequest request) {
                return getRemoteUser();
            }

            @Override
            public UserKey getRemoteUserKey(HttpServletRequest request) {
                return getRemoteUserKey();
            }

            @Override
            public UserProfile getUserProfile(String username) {
                return viewer;
            }

            @Override
            public UserProfile getUserProfile(UserKey userKey) {
                return viewer;
            }

            @Override
            public boolean isUserInGroup(UserKey userKey, String group) {
                return true;
            }

            @Override
            public boolean isSystemAdmin(UserKey userKey) {
                return false;
            }

            @Override
            public boolean isAdmin(UserKey userKey) {
                return false;
            }

            @Override
            public boolean isLicensed(UserKey userKey) {
                return true;
            }
        };
    }

    HttpContext httpContext() {
        // The servlet interface is large; the macro reads only the query string, which a plain page view lacks.
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(BenchHost.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "bench request";
                        default:
                            return null;
                    }
                });
        return new HttpContext() {
            @Override
            public HttpServletRequest getRequest() {
                return request;
            }

            @Override
            public HttpServletResponse getResponse() {
                return null;
            }

            @Override
            public HttpSession getSession(boolean create) {
                return null;
            }
        };
    }

    PageBuilderService pageBuilder() {
        RequiredResources resources = new RequiredResources() {
            @Override
            public RequiredResources requireWebResource(String moduleCompleteKey) {
                return this;
            }

            @Override
            public RequiredResources requireContext(String context) {
                return this;
            }
        };
        return () -> () -> resources;
    }

    /** @return the conversion context of a page view; the page's body is irrelevant to saved queries */
    ConversionContext pageView() {
        ContentEntityObject page = new ContentEntityObject() {
            @Override
            public String getType() {
                return "page";
            }
        };
        page.setId(4242L);
        page.setLastModifier(() -> VIEWER);
        return new ConversionContext() {
            @Override
            public ContentEntityObject getEntity() {
                return page;
            }

            @Override
            public String getSpaceKey() {
                return SPACE;
            }

            @Override
            public String getOutputType() {
                return "display";
            }

            @Override
            public String getOutputDeviceType() {
                return "desktop";
            }

            @Override
            public boolean isDiffOrEmail() {
                return false;
            }

            @Override
            public Object getProperty(String name) {
                return null;
            }

            @Override
            public Object getProperty(String name, Object defaultValue) {
                return defaultValue;
            }

            @Override
            public void setProperty(String name, Object value) {
            }

            @Override
            public boolean hasProperty(String name) {
                return false;
            }
        };
    }

    /** The app's own {@code i18n/sql-tables.properties}, formatted with {@link MessageFormat} as SAL does. */
    static final class PropertiesI18n implements I18nResolver {
        private final Properties texts = new Properties();

        PropertiesI18n() {
            try (InputStream in = PropertiesI18n.class.getResourceAsStream("/i18n/sql-tables.properties")) {
                if (in == null) {
                    throw new IllegalStateException("i18n/sql-tables.properties is not on the class path");
                }
                texts.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getRawText(String key) {
            return texts.getProperty(key, key);
        }

        @Override
        public String getText(String key, Serializable... arguments) {
            return arguments == null || arguments.length == 0 ? getRawText(key)
                    : new MessageFormat(getRawText(key), Locale.ENGLISH).format(arguments);
        }

        @Override
        public String getText(Locale locale, String key, Serializable... arguments) {
            return getText(key, arguments);
        }

        @Override
        public String getText(String key) {
            return getRawText(key);
        }

        @Override
        public String getText(Locale locale, String key) {
            return getRawText(key);
        }
    }

    private static final class Viewer implements UserProfile {
        @Override
        public UserKey getUserKey() {
            return VIEWER;
        }

        @Override
        public String getUsername() {
            return "bench";
        }

        @Override
        public String getFullName() {
            return "Bench Viewer";
        }

        @Override
        public String getEmail() {
            return "bench@example.invalid";
        }

        @Override
        public URI getProfilePictureUri(int width, int height) {
            return null;
        }

        @Override
        public URI getProfilePictureUri() {
            return null;
        }

        @Override
        public URI getProfilePageUri() {
            return null;
        }
    }
}
