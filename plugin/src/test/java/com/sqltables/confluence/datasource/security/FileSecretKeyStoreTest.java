package com.sqltables.confluence.datasource.security;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FileSecretKeyStoreTest {
    @Rule
    public final TemporaryFolder home = new TemporaryFolder();

    private Path keyFile() {
        return home.getRoot().toPath().resolve("sql-tables").resolve("secret.key");
    }

    @Test
    public void key_firstUse_createsA256BitKeyFileInSharedHome() throws Exception {
        FileSecretKeyStore store = FileSecretKeyStore.inHome(home.getRoot().toPath());
        SecretKey key = store.key();
        assertEquals("AES", key.getAlgorithm());
        assertEquals(32, key.getEncoded().length);
        assertEquals(keyFile().toAbsolutePath().toString(), store.location());
        assertTrue(new String(Files.readAllBytes(keyFile()), StandardCharsets.US_ASCII).startsWith(FileSecretKeyStore.FORMAT));
        assertSame(key, store.key());
    }

    @Test
    public void key_file_isReadableByItsOwnerOnly() throws Exception {
        assumeTrue("POSIX file system", home.getRoot().toPath().getFileSystem().supportedFileAttributeViews().contains("posix"));
        FileSecretKeyStore.inHome(home.getRoot().toPath()).key();
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(keyFile()));
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(keyFile().getParent()));
    }

    @Test
    public void key_existingFile_isReusedByAnotherStore() {
        byte[] first = FileSecretKeyStore.inHome(home.getRoot().toPath()).key().getEncoded();
        byte[] second = FileSecretKeyStore.inHome(home.getRoot().toPath()).key().getEncoded();
        assertArrayEquals(first, second);
    }

    @Test
    public void key_createdByManyNodesAtOnce_isTheSameForAll() throws Exception {
        int nodes = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<byte[]>> keys = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Callable<byte[]> node = () -> {
                    start.await();
                    return FileSecretKeyStore.inHome(home.getRoot().toPath()).key().getEncoded();
                };
                keys.add(pool.submit(node));
            }
            start.countDown();
            byte[] expected = keys.get(0).get();
            for (Future<byte[]> key : keys) {
                assertArrayEquals(expected, key.get());
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(keyFile().getParent())) {
            assertEquals("no temporary files left", List.of(keyFile()), files.collect(java.util.stream.Collectors.toList()));
        }
    }

    @Test
    public void key_damagedFile_givesAClearErrorWithoutItsContent() throws Exception {
        Files.createDirectories(keyFile().getParent());
        Files.write(keyFile(), "sql-tables-aes256-v1:c2hvcnQ=".getBytes(StandardCharsets.US_ASCII));
        SecretKeyStoreException e = assertThrows(SecretKeyStoreException.class,
                () -> FileSecretKeyStore.inHome(home.getRoot().toPath()).key());
        assertTrue(e.getMessage(), e.getMessage().contains("is damaged"));
        assertFalse(e.getMessage(), e.getMessage().contains("c2hvcnQ"));
    }

    @Test
    public void key_unwritableHome_givesAClearError() throws Exception {
        Path notADirectory = home.newFile("plain-file").toPath();
        SecretKeyStoreException e = assertThrows(SecretKeyStoreException.class,
                () -> FileSecretKeyStore.inHome(notADirectory).key());
        assertTrue(e.getMessage(), e.getMessage().contains("could not be created"));
    }

    @Test
    public void cipher_withFileStore_decryptsAfterRestart() {
        String ciphertext = new PasswordCipher(FileSecretKeyStore.inHome(home.getRoot().toPath())).encrypt("pw", "datasource:1");
        assertEquals("pw", new PasswordCipher(FileSecretKeyStore.inHome(home.getRoot().toPath())).decrypt(ciphertext, "datasource:1"));
    }
}
