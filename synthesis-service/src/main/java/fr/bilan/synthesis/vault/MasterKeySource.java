package fr.bilan.synthesis.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

import fr.bilan.support.stores.EmbeddedStoreSettings;

/**
 * Where the master keys come from: the configuration, always in production. Only a service that runs
 * its own embedded S3 store (no {@code bilan.storage.s3.endpoint}) may do without one: it then makes
 * one up, kept in memory for a MEMORY store, or in {@code <data-dir>/master-key} (mode 600) for a
 * FILE store so that the documents it stored stay readable after a restart.
 */
final class MasterKeySource {

    static final String MASTER_KEY = "bilan.synthesis.encryption.master-key";
    static final String MASTER_KEYS = "bilan.synthesis.encryption.master-keys";
    static final String MASTER_KEY_ID = "bilan.synthesis.encryption.master-key-id";
    static final String KEY_FILE = "master-key";
    private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);

    private MasterKeySource() {
    }

    /**
     * @param embeddedS3 whether the service runs the embedded S3 store (no S3 endpoint configured)
     * @throws IllegalStateException without a master key on a real S3 store, with a key that is not
     *                               base64 of 32 bytes, with two keys under one id, or without a key
     *                               under the current id; the message names the setting, never a value
     */
    static MasterKeys resolve(EncryptionProperties properties, boolean embeddedS3, EmbeddedStoreSettings embedded) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (int i = 0; i < properties.masterKeys().size(); i++) {
            EncryptionProperties.MasterKey entry = properties.masterKeys().get(i);
            String setting = MASTER_KEYS + "[" + i + "]";
            if (!StringUtils.hasText(entry.id())) {
                throw new IllegalStateException(setting + ".id is missing: every master key has an id");
            }
            if (!StringUtils.hasText(entry.key())) {
                throw new IllegalStateException(setting + ".key (id " + entry.id() + ") is missing");
            }
            put(keys, entry.id(), decode(entry.key(), setting + ".key (id " + entry.id() + ")"), setting);
        }
        if (StringUtils.hasText(properties.masterKey())) {
            put(keys, properties.masterKeyId(), decode(properties.masterKey(), MASTER_KEY), MASTER_KEY);
        }
        if (keys.isEmpty() && !embeddedS3) {
            throw new IllegalStateException("No master key to encrypt the synthèse documents: with a real S3 store "
                    + "(bilan.storage.s3.endpoint is set) " + MASTER_KEYS + " (or " + MASTER_KEY + ", env "
                    + "BILAN_SYNTHESIS_ENCRYPTION_MASTER_KEY) must hold the base64 of 32 random bytes, from a secret "
                    + "(openssl rand -base64 32)");
        }
        if (keys.isEmpty()) {
            keys.put(properties.masterKeyId(), generated(embedded));
        }
        if (!keys.containsKey(properties.masterKeyId())) {
            throw new IllegalStateException(MASTER_KEY_ID + " is " + properties.masterKeyId() + ", but no master key "
                    + "has that id (" + MASTER_KEYS + " holds " + keys.keySet() + "): add the new key to the keyring "
                    + "before making it current");
        }
        try {
            return new MasterKeys(properties.masterKeyId(), keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void put(Map<String, byte[]> keys, String id, byte[] key, String setting) {
        if (keys.putIfAbsent(id, key) != null) {
            throw new IllegalStateException(setting + " gives a second key for id " + id + ": one key per id (a "
                    + "rotation gives the new key a new id)");
        }
    }

    private static byte[] decode(String base64, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // the exception's message may quote the offending character: not passed on
            throw new IllegalStateException(setting + " is not base64: it must hold the base64 of 32 random bytes");
        }
        if (key.length != MasterKeys.KEY_BYTES) {
            throw new IllegalStateException(setting + " must be the base64 of " + MasterKeys.KEY_BYTES
                    + " bytes (AES-256), it decodes to " + key.length + " bytes");
        }
        return key;
    }

    private static byte[] generated(EmbeddedStoreSettings embedded) {
        return switch (embedded.store()) {
            case MEMORY -> {
                log.warn("No {} configured: a master key was generated in memory, for local runs and tests only "
                        + "(the in-memory stores it protects are gone at the next start too)", MASTER_KEY);
                yield random();
            }
            case FILE -> persisted(embedded.dataDir().resolve(KEY_FILE));
        };
    }

    /** The key in {@code file}, written there first if missing (by this start, or another that won). */
    private static byte[] persisted(Path file) {
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), KEY_FILE, ".tmp", ownerOnly());
                Files.writeString(temporary, Base64.getEncoder().encodeToString(random()));
                try {
                    Files.move(temporary, file);
                } catch (FileAlreadyExistsException e) {
                    Files.delete(temporary);
                }
            }
            log.warn("No {} configured: using the master key generated in {}, for local runs only. Anywhere else, set "
                    + "it from a secret (env BILAN_SYNTHESIS_ENCRYPTION_MASTER_KEY)", MASTER_KEY, file.toAbsolutePath());
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local master key in " + file.toAbsolutePath(), e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static byte[] random() {
        byte[] key = new byte[MasterKeys.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
