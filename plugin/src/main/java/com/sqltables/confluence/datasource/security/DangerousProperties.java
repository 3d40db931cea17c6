package com.sqltables.confluence.datasource.security;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The driver properties that let whoever writes a datasource's URL load classes, run code or SQL,
 * touch files on the Confluence server, use Confluence's own identity, or weaken the read-only
 * protection. Each property is refused outright or allowed only with the listed safe values.
 * Sources and reasoning per property: {@code docs/JDBC-URL-HARDENING.md}. Names are compared in
 * lower case; some drivers compare them exactly, so this may refuse a spelling the driver would
 * ignore, never the other way round.
 */
final class DangerousProperties {
    static final String CLASS = "it makes the driver load and run a Java class named in the setting";
    static final String FILE = "it makes the driver read or write a file on the Confluence server";
    static final String SQL = "it runs SQL when a connection opens";
    static final String LOCAL_INFILE = "it lets the database server read files from the Confluence server";
    static final String DESERIALIZE = "it makes the driver deserialize Java objects sent by the database server";
    static final String LOG = "it makes the driver write log or trace files on the Confluence server";
    static final String READ_ONLY = "it weakens the read-only protection";
    static final String SERVER = "it opens a server or a socket inside Confluence";
    static final String MULTI = "it lets one query run several statements";
    static final String SPLICE = "it makes the driver write parameter values into the SQL text instead of binding them";
    static final String SERVER_CHANGE = "it changes the database server (creates databases or starts replication)";
    static final String AMBIENT = "it connects with Confluence's own identity or stored configuration"
            + " (operating-system account, Kerberos ticket, cloud identity, wallet) instead of the credentials"
            + " entered for this datasource";
    static final String LEAK = "it puts Confluence's internals or query values into error messages";
    static final String PROVIDER = "it loads connection settings or credentials from files or remote services";
    static final String PRIVILEGE = "it connects with administrative privileges";
    static final String HIDES = "it hides settings from these checks";
    static final String SECRET = "it holds a secret, but the JDBC URL and connection properties are stored"
            + " unencrypted: enter the password in the Password field, where it is encrypted";

    private static final Set<String> FALSE = values("false", "0", "no");
    private static final Set<String> TRUE = values("true", "1", "yes");
    private static final Set<String> NOTHING = Collections.emptySet();

    /** Names that end like this hold secrets ({@code password}, {@code keyStorePassword}, {@code password2}, …). */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(password|passwd|pwd|secret|token)[0-9]*");
    private static final Set<String> SECRET_NAMES = values("password_hash", "keyvaultproviderclientkey");

    private static final Map<JdbcDriverFamily, Map<String, Rule>> RULES = new EnumMap<>(JdbcDriverFamily.class);
    private static final Map<JdbcDriverFamily, List<String>> PREFIXES = new EnumMap<>(JdbcDriverFamily.class);

    static {
        Map<String, Rule> pg = new HashMap<>();
        refuse(pg, CLASS, "socketFactory", "socketFactoryArg", "sslfactoryarg", "sslhostnameverifier",
                "sslpasswordcallback", "authenticationPluginClassName", "connectExecutor", "connectExecutorArg");
        allow(pg, CLASS, "sslfactory", values("org.postgresql.ssl.defaultjavasslfactory",
                "org.postgresql.ssl.libpqfactory", "org.postgresql.ssl.nonvalidatingfactory"));
        // Empty is the safe default; a class name is loaded, and LEGACY_INSECURE allows XML external entities.
        allow(pg, CLASS, "xmlFactoryFactory", values(""));
        refuse(pg, LOG, "loggerFile");
        allow(pg, LOG, "loggerLevel", values("off"));
        refuse(pg, FILE, "sslkey", "sslcert", "sslrootcert");
        refuse(pg, AMBIENT, "service", "jaasApplicationName", "kerberosServerName");
        allow(pg, AMBIENT, "gssUseDefaultCreds", FALSE);
        refuse(pg, SERVER_CHANGE, "replication");
        allow(pg, SPLICE, "preferQueryMode", values("extended", "extendedforprepared", "extendedcacheeverything"));
        allow(pg, READ_ONLY, "readOnlyMode", values("transaction", "always"));
        RULES.put(JdbcDriverFamily.POSTGRESQL, pg);

        Map<String, Rule> maria = new HashMap<>();
        allow(maria, LOCAL_INFILE, "allowLocalInfile", FALSE);
        allow(maria, LOCAL_INFILE, "allowLoadLocalInfile", FALSE);
        allow(maria, LOCAL_INFILE, "allowUrlInLocalInfile", FALSE);
        refuse(maria, LOCAL_INFILE, "allowLoadLocalInfileInPath");
        allow(maria, DESERIALIZE, "autoDeserialize", FALSE);
        refuse(maria, CLASS, "socketFactory", "queryInterceptors", "statementInterceptors", "exceptionInterceptors",
                "connectionLifecycleInterceptors", "propertiesTransform", "clientInfoProvider",
                "profilerEventHandler", "logger", "loadBalanceExceptionChecker", "authenticationPlugins",
                "defaultAuthenticationPlugin", "authenticationFidoCallbackHandler",
                "authenticationWebAuthnCallbackHandler", "authenticationOpenidConnectCallbackHandler",
                "serverConfigCacheFactory", "parseInfoCacheFactory");
        for (String key : new String[] {"ha.loadBalanceStrategy", "haLoadBalanceStrategy", "loadBalanceStrategy"}) {
            allow(maria, CLASS, key, values("random", "bestresponsetime", "serveraffinity"));
        }
        refuse(maria, SQL, "initSql", "sessionVariables");
        refuse(maria, AMBIENT, "credentialType");
        refuse(maria, FILE, "serverRsaPublicKeyFile", "serverSslCert", "keyStore", "trustStore",
                "clientCertificateKeyStoreUrl", "trustCertificateKeyStoreUrl", "ociConfigFile", "useConfigs",
                "pipe", "localSocket", "namedPipePath");
        allow(maria, MULTI, "allowMultiQueries", FALSE);
        allow(maria, SERVER_CHANGE, "createDatabaseIfNotExist", FALSE);
        allow(maria, READ_ONLY, "readOnlyPropagatesToServer", TRUE);
        allow(maria, LEAK, "includeThreadDumpInDeadlockExceptions", FALSE);
        allow(maria, LEAK, "dumpQueriesOnException", FALSE);
        allow(maria, LOG, "autoGenerateTestcaseScript", FALSE);
        RULES.put(JdbcDriverFamily.MARIADB, maria);

        Map<String, Rule> mssql = new HashMap<>();
        refuse(mssql, CLASS, "socketFactoryClass", "socketFactoryConstructorArg", "trustManagerClass",
                "trustManagerConstructorArg", "accessTokenCallbackClass");
        refuse(mssql, FILE, "trustStore", "keyStoreLocation", "clientCertificate", "clientKey", "serverCertificate");
        allow(mssql, AMBIENT, "integratedSecurity", FALSE);
        allow(mssql, AMBIENT, "useDefaultGSSCredential", FALSE);
        allow(mssql, AMBIENT, "useDefaultJaasConfig", FALSE);
        refuse(mssql, AMBIENT, "jaasConfigurationName");
        allow(mssql, AMBIENT, "authentication", values("notspecified", "sqlpassword", "activedirectorypassword",
                "activedirectoryserviceprincipal"));
        RULES.put(JdbcDriverFamily.SQLSERVER, mssql);

        Map<String, Rule> oracle = new HashMap<>();
        refuse(oracle, FILE, "oracle.net.wallet_location", "wallet_location", "my_wallet_directory",
                "oracle.net.tns_admin", "tns_admin", "javax.net.ssl.keyStore", "javax.net.ssl.trustStore",
                "oracle.net.ldap.ssl.keyStore", "oracle.net.ldap.ssl.trustStore", "oracle.net.ldap.ssl.walletLocation",
                "oracle.jdbc.sqlErrorTranslationFile", "oracle.jdbc.ons.walletfile", "oracle.jdbc.tokenLocation",
                "oracle.jdbc.ociConfigFile", "oracle.net.kerberos5_cc_name");
        refuse(oracle, PROVIDER, "oracle.jdbc.config.file", "oracle.jdbc.configurationProviders");
        refuse(oracle, AMBIENT, "oracle.net.seps_wallet_location", "oracle.jdbc.tokenAuthentication");
        refuse(oracle, PRIVILEGE, "internal_logon");
        RULES.put(JdbcDriverFamily.ORACLE, oracle);
        PREFIXES.put(JdbcDriverFamily.ORACLE, List.of("oracle.jdbc.provider."));

        Map<String, Rule> h2 = new HashMap<>();
        refuse(h2, SQL, "INIT");
        refuse(h2, LOG, "TRACE_LEVEL_FILE", "TRACE_LEVEL_SYSTEM_OUT", "TRACE_MAX_FILE_SIZE");
        refuse(h2, CLASS, "DATABASE_EVENT_LISTENER", "JAVA_OBJECT_SERIALIZER", "AUTHENTICATOR",
                "BUILTIN_ALIAS_OVERRIDE");
        refuse(h2, SERVER, "AUTO_SERVER", "AUTO_SERVER_PORT", "FILE_LOCK");
        allow(h2, SERVER, "JMX", FALSE);
        refuse(h2, FILE, "RECOVER", "RECOVER_TEST", "OPEN_NEW");
        refuse(h2, AMBIENT, "AUTHREALM");
        refuse(h2, SERVER_CHANGE, "CLUSTER");
        allow(h2, HIDES, "IGNORE_UNKNOWN_SETTINGS", FALSE);
        RULES.put(JdbcDriverFamily.H2, h2);
    }

    private DangerousProperties() {
    }

    /**
     * @param key the property name as written
     * @param value its value as written
     * @return why the property may not be used, or empty
     */
    static Optional<String> problem(JdbcDriverFamily family, String key, String value) {
        String name = key.trim().toLowerCase(Locale.ROOT);
        if (SECRET_NAME.matcher(name).matches() || SECRET_NAMES.contains(name)) {
            return Optional.of(SECRET);
        }
        for (String prefix : PREFIXES.getOrDefault(family, List.of())) {
            if (name.startsWith(prefix)) {
                return Optional.of(PROVIDER);
            }
        }
        Rule rule = RULES.get(family).get(name);
        if (rule == null) {
            return Optional.empty();
        }
        String normalised = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return rule.allowedValues.contains(normalised) ? Optional.empty() : Optional.of(rule.reason);
    }

    /** @return the property names refused for the family, in lower case (for the documentation test) */
    static Set<String> names(JdbcDriverFamily family) {
        return Collections.unmodifiableSet(RULES.get(family).keySet());
    }

    private static void refuse(Map<String, Rule> rules, String reason, String... keys) {
        for (String key : keys) {
            rules.put(key.toLowerCase(Locale.ROOT), new Rule(reason, NOTHING));
        }
    }

    private static void allow(Map<String, Rule> rules, String reason, String key, Set<String> allowedValues) {
        rules.put(key.toLowerCase(Locale.ROOT), new Rule(reason, allowedValues));
    }

    private static Set<String> values(String... values) {
        return Collections.unmodifiableSet(new HashSet<>(Arrays.asList(values)));
    }

    private static final class Rule {
        private final String reason;
        private final Set<String> allowedValues;

        Rule(String reason, Set<String> allowedValues) {
            this.reason = reason;
            this.allowedValues = allowedValues;
        }
    }
}
