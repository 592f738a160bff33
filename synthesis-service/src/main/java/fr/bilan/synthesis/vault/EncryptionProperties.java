package fr.bilan.synthesis.vault;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bilan.synthesis.encryption.*}: the master key that wraps the bilans' data keys. Each value
 * is the base64 of 32 random bytes ({@code openssl rand -base64 32}), from a Kubernetes secret in
 * production. Never logged.
 */
@ConfigurationProperties("bilan.synthesis.encryption")
public class EncryptionProperties {

    /**
     * The current master key (env {@code BILAN_SYNTHESIS_ENCRYPTION_MASTER_KEY}). Empty: generated for
     * the embedded S3 store only (local runs); with a real S3 endpoint the service refuses to start.
     */
    private String masterKey = "";

    /** Id of the current master key, stored next to each data key it wraps. */
    private String masterKeyId = "k1";

    /** Older master keys by id: they still unwrap what they wrapped, which is then rewrapped under the current one. */
    private Map<String, String> retiredMasterKeys = new LinkedHashMap<>();

    public String getMasterKey() {
        return masterKey;
    }

    public void setMasterKey(String masterKey) {
        this.masterKey = masterKey;
    }

    public String getMasterKeyId() {
        return masterKeyId;
    }

    public void setMasterKeyId(String masterKeyId) {
        this.masterKeyId = masterKeyId;
    }

    public Map<String, String> getRetiredMasterKeys() {
        return retiredMasterKeys;
    }

    public void setRetiredMasterKeys(Map<String, String> retiredMasterKeys) {
        this.retiredMasterKeys = retiredMasterKeys;
    }

    /** Key material stays out of toString, whatever prints this object. */
    @Override
    public String toString() {
        return "EncryptionProperties[masterKeyId=" + masterKeyId + ", retired=" + retiredMasterKeys.keySet() + "]";
    }
}
