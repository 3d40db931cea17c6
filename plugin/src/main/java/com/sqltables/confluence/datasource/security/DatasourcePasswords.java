package com.sqltables.confluence.datasource.security;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.pool.PasswordDecryptor;

import javax.inject.Inject;
import javax.inject.Named;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The plugin's one place where datasource passwords are encrypted and decrypted. Ciphertexts live in
 * Active Objects (the shared database); the key lives in a file of Confluence's <em>shared home</em>
 * ({@code sql-tables/secret.key}), so every node of a cluster uses the same key while a copy of the
 * database alone reveals no password. Each ciphertext is bound to its datasource's id: copying it to
 * another row does not decrypt.
 *
 * <p>The key file is created on first use, not at plugin start, so enabling the plugin touches no disk.
 */
@Named
public final class DatasourcePasswords implements PasswordDecryptor {
    private final ApplicationProperties applicationProperties;
    private volatile PasswordCipher cipher;

    @Inject
    public DatasourcePasswords(@ComponentImport ApplicationProperties applicationProperties) {
        this.applicationProperties = Objects.requireNonNull(applicationProperties, "applicationProperties");
    }

    /**
     * @param password the plain password, {@code null} for none
     * @param datasourceId the id of the stored datasource the password belongs to
     * @return the ciphertext to store, {@code null} for none
     */
    public String encrypt(String password, long datasourceId) {
        return cipher().encrypt(password, boundTo(datasourceId));
    }

    @Override
    public String decrypt(Datasource datasource) {
        String ciphertext = datasource.getSettings().getPasswordCiphertext();
        if (ciphertext == null || ciphertext.isEmpty()) {
            return null;
        }
        return cipher().decrypt(ciphertext, boundTo(datasource.getId()));
    }

    /** Where the key is kept, for the admin screen and docs (a path, never the key). */
    public String keyLocation() {
        return FileSecretKeyStore.inHome(keyStoreHome()).location();
    }

    private static String boundTo(long datasourceId) {
        return "datasource:" + datasourceId;
    }

    private PasswordCipher cipher() {
        PasswordCipher c = cipher;
        if (c == null) {
            synchronized (this) {
                c = cipher;
                if (c == null) {
                    c = new PasswordCipher(FileSecretKeyStore.inHome(keyStoreHome()));
                    cipher = c;
                }
            }
        }
        return c;
    }

    private Path keyStoreHome() {
        // Confluence Data Center: the shared home, seen by every node. Server / single node: the local home.
        return applicationProperties.getSharedHomeDirectory()
                .or(applicationProperties::getLocalHomeDirectory)
                .orElseThrow(() -> new SecretKeyStoreException(
                        "Confluence reports neither a shared nor a local home directory, so the key that encrypts"
                                + " datasource passwords has nowhere to live."));
    }
}
