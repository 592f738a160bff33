package fr.bilan.synthesis.vault;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bilan.synthesis.encryption.*}: the keyring of master keys that wrap the bilans' data keys.
 * Each key is the base64 of 32 random bytes ({@code openssl rand -base64 32}), from a Kubernetes
 * secret in production. Never logged, not even by {@link #toString()}.
 *
 * @param masterKeyId the id of the current master key, which wraps every new data key and is stored
 *                    next to it (env {@code BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYID})
 * @param masterKeys  the keyring: the current key and the older ones that still unwrap the data keys
 *                    they wrapped (which are then rewrapped under the current one), or a newer one
 *                    staged before it becomes current. A list, so that an id keeps its case from
 *                    environment variables: {@code BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_0_ID},
 *                    {@code …_0_KEY}
 * @param masterKey   shorthand for a keyring of one: the key of {@code masterKeyId} (env
 *                    {@code BILAN_SYNTHESIS_ENCRYPTION_MASTER_KEY}). Neither set: generated for the
 *                    embedded S3 store only (local runs); with a real S3 endpoint the service refuses to start
 */
@ConfigurationProperties("bilan.synthesis.encryption")
public record EncryptionProperties(@DefaultValue("k1") String masterKeyId, List<MasterKey> masterKeys, String masterKey) {

    public EncryptionProperties {
        masterKeys = masterKeys == null ? List.of() : List.copyOf(masterKeys);
        masterKey = masterKey == null ? "" : masterKey;
    }

    /** One key of the keyring: its id and the base64 of its 32 bytes. */
    public record MasterKey(String id, String key) {

        @Override
        public String toString() {
            return "MasterKey[id=" + id + "]";
        }
    }

    @Override
    public String toString() {
        return "EncryptionProperties[masterKeyId=" + masterKeyId + ", masterKeys=" + masterKeys + "]";
    }
}
