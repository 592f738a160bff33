package fr.bilan.synthesis.vault;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bilan.synthesis.encryption.*}: the master key that wraps the bilans' data keys. Each key is
 * the base64 of 32 random bytes ({@code openssl rand -base64 32}), from a Kubernetes secret in
 * production. Never logged, not even by {@link #toString()}.
 *
 * @param masterKey         the current master key (env {@code BILAN_SYNTHESIS_ENCRYPTION_MASTER_KEY}).
 *                          Empty: generated for the embedded S3 store only (local runs); with a real S3
 *                          endpoint the service refuses to start
 * @param masterKeyId       id of the current master key, stored next to each data key it wraps
 * @param retiredMasterKeys older master keys by id: they still unwrap what they wrapped, which is
 *                          then rewrapped under the current one
 */
@ConfigurationProperties("bilan.synthesis.encryption")
public record EncryptionProperties(String masterKey, @DefaultValue("k1") String masterKeyId,
        Map<String, String> retiredMasterKeys) {

    public EncryptionProperties {
        masterKey = masterKey == null ? "" : masterKey;
        retiredMasterKeys = retiredMasterKeys == null ? Map.of() : Map.copyOf(retiredMasterKeys);
    }

    @Override
    public String toString() {
        return "EncryptionProperties[masterKeyId=" + masterKeyId + ", retiredMasterKeys=" + retiredMasterKeys.keySet() + "]";
    }
}
