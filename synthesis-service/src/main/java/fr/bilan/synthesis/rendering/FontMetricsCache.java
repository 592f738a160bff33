package fr.bilan.synthesis.rendering;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;

/**
 * The font metrics openhtmltopdf computes from each face: the same for every document, so computed
 * once and shared by all renders (openhtmltopdf's own default store logs every lookup).
 */
final class FontMetricsCache implements FSCacheEx<String, FSCacheValue> {

    private final Map<String, FSCacheValue> metrics = new ConcurrentHashMap<>();

    @Override
    public void put(String key, FSCacheValue value) {
        metrics.put(key, value);
    }

    @Override
    public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
        FSCacheValue known = metrics.get(key);
        if (known != null) {
            return known;
        }
        try {
            FSCacheValue loaded = loader.call();
            if (loaded != null) {
                metrics.putIfAbsent(key, loaded);
            }
            return loaded;
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public FSCacheValue get(String key) {
        return metrics.get(key);
    }
}
