package com.sqltables.confluence.datasource.security;

import com.atlassian.sal.api.ApplicationProperties;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

public class DatasourcePasswordsTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private ApplicationProperties homes(Path shared, Path local) {
        ApplicationProperties properties = mock(ApplicationProperties.class);
        when(properties.getSharedHomeDirectory()).thenReturn(Optional.ofNullable(shared));
        when(properties.getLocalHomeDirectory()).thenReturn(Optional.ofNullable(local));
        return properties;
    }

    private static Datasource stored(long id, String ciphertext) {
        DatasourceSettings settings = DatasourceSettings.builder().name("sales").connectionKind(ConnectionKind.H2)
                .jdbcUrl("jdbc:h2:mem:sales").username("report").passwordCiphertext(ciphertext).build();
        return new Datasource(id, settings, 1, Instant.EPOCH, "admin", Instant.EPOCH, "admin");
    }

    @Test
    public void encrypt_thenDecrypt_returnsPassword_andKeyLivesInSharedHome() throws Exception {
        Path shared = folder.newFolder("shared").toPath();
        Path local = folder.newFolder("local").toPath();
        DatasourcePasswords passwords = new DatasourcePasswords(homes(shared, local));

        String ciphertext = passwords.encrypt("s3cr3t-pässword", 42);

        assertFalse(ciphertext.contains("s3cr3t"));
        assertEquals("s3cr3t-pässword", passwords.decrypt(stored(42, ciphertext)));
        assertTrue(Files.isRegularFile(shared.resolve("sql-tables").resolve("secret.key")));
        assertFalse(Files.exists(local.resolve("sql-tables")));
        assertEquals(shared.resolve("sql-tables").resolve("secret.key").toAbsolutePath().toString(), passwords.keyLocation());
    }

    @Test
    public void decrypt_ciphertextCopiedToAnotherDatasource_isRefusedWithoutLeakingIt() throws Exception {
        DatasourcePasswords passwords = new DatasourcePasswords(homes(folder.newFolder().toPath(), null));
        String ciphertext = passwords.encrypt("hunter2", 1);

        PasswordDecryptionException e = assertThrows(PasswordDecryptionException.class,
                () -> passwords.decrypt(stored(2, ciphertext)));
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    public void decrypt_anotherNodeWithSameSharedHome_decrypts() throws Exception {
        Path shared = folder.newFolder().toPath();
        String ciphertext = new DatasourcePasswords(homes(shared, folder.newFolder().toPath())).encrypt("pw", 7);

        DatasourcePasswords otherNode = new DatasourcePasswords(homes(shared, folder.newFolder().toPath()));

        assertEquals("pw", otherNode.decrypt(stored(7, ciphertext)));
    }

    @Test
    public void noSharedHome_fallsBackToLocalHome() throws Exception {
        Path local = folder.newFolder().toPath();
        DatasourcePasswords passwords = new DatasourcePasswords(homes(null, local));

        passwords.encrypt("pw", 3);

        assertTrue(Files.isRegularFile(local.resolve("sql-tables").resolve("secret.key")));
    }

    @Test
    public void noHomeAtAll_givesClearError() {
        DatasourcePasswords passwords = new DatasourcePasswords(homes(null, null));

        SecretKeyStoreException e = assertThrows(SecretKeyStoreException.class, () -> passwords.encrypt("pw", 1));
        assertTrue(e.getMessage(), e.getMessage().contains("home directory"));
    }

    @Test
    public void noPassword_storesAndReturnsNull() throws Exception {
        DatasourcePasswords passwords = new DatasourcePasswords(homes(folder.newFolder().toPath(), null));

        assertNull(passwords.encrypt(null, 5));
        assertNull(passwords.decrypt(stored(5, null)));
    }
}
