package com.sqltables.confluence.datasource.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the key in a file, by default {@code <shared home>/sql-tables/secret.key}: shared home is
 * visible to every cluster node and is not in the database, so the key and the ciphertexts are
 * backed up and leaked separately. The file is created once, readable by its owner only (mode 600
 * where the file system has POSIX permissions), and never rewritten. If two nodes create it at the
 * same moment, exactly one key wins (the file is published with an atomic hard link) and both use it.
 */
public final class FileSecretKeyStore implements SecretKeyStore {
    private static final Logger log = LoggerFactory.getLogger(FileSecretKeyStore.class);
    /** First line of the file; a new format would get a new prefix. */
    static final String FORMAT = "sql-tables-aes256-v1:";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path file;
    private volatile SecretKey key;

    /** @param file the key file; it and its directory are created when first needed */
    public FileSecretKeyStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** @return a store in {@code <sharedHome>/sql-tables/secret.key} */
    public static FileSecretKeyStore inHome(Path sharedHome) {
        return new FileSecretKeyStore(sharedHome.resolve("sql-tables").resolve("secret.key"));
    }

    @Override
    public SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                current = key;
                if (current == null) {
                    current = Files.exists(file) ? read() : create();
                    key = current;
                }
            }
        }
        return current;
    }

    @Override
    public String location() {
        return file.toString();
    }

    private SecretKey create() {
        Path directory = file.getParent();
        boolean posix = isPosix();
        Path temporary = null;
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, posix ? new FileAttribute<?>[] {
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)} : new FileAttribute<?>[0]);
            }
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                    : new FileAttribute<?>[0];
            temporary = Files.createTempFile(directory, ".secret-", ".tmp", ownerOnly);
            byte[] raw = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(raw);
            String line = FORMAT + Base64.getEncoder().encodeToString(raw) + "\n";
            byte[] content = line.getBytes(StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            publish(temporary);
            log.info("Created the key that encrypts datasource passwords: {}", file);
        } catch (IOException e) {
            throw new SecretKeyStoreException("The key file " + file + " could not be created: " + e.getMessage()
                    + ". Check that Confluence can write to that directory.", e);
        } finally {
            deleteQuietly(temporary);
        }
        // Read back what is there: another node may have won the race.
        return read();
    }

    /** Makes the finished temporary file the key file, unless one exists already. */
    private void publish(Path temporary) throws IOException {
        try {
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            log.debug("Another node created {} first", file);
        } catch (UnsupportedOperationException | IOException e) {
            // No hard links here (some network file systems): a plain move, which still never replaces.
            try {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException other) {
                log.debug("Another node created {} first", file);
            }
        }
    }

    private SecretKey read() {
        String content;
        try {
            warnIfOthersCanRead();
            content = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new SecretKeyStoreException("The key file " + file + " cannot be read: " + e.getMessage()
                    + ". Without it, stored datasource passwords cannot be decrypted.", e);
        }
        byte[] raw = null;
        if (content.startsWith(FORMAT)) {
            try {
                raw = Base64.getDecoder().decode(content.substring(FORMAT.length()));
            } catch (IllegalArgumentException e) {
                raw = null;
            }
        }
        if (raw == null || raw.length != KEY_BYTES) {
            throw new SecretKeyStoreException("The key file " + file + " is damaged or was not written by SQL Tables."
                    + " Restore it from a backup; without it, stored datasource passwords cannot be decrypted.");
        }
        return new SecretKeySpec(raw, "AES");
    }

    private void warnIfOthersCanRead() throws IOException {
        if (!isPosix()) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            log.warn("The key file {} can be read by other users than Confluence's; restrict it (chmod 600).", file);
        }
    }

    private boolean isPosix() {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.debug("Could not delete {}", path, e);
            }
        }
    }
}
