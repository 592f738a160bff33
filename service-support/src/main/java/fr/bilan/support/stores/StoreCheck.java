package fr.bilan.support.stores;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Refuses to start a service that does not know where its data lives: no MongoDB address, or (for a
 * service that holds documents) no S3 endpoint, unless the embedded stand-ins were asked for and are
 * there. Runs before any bean is made, so the refusal comes within the first seconds, before a port
 * is opened.
 */
class StoreCheck implements BeanFactoryPostProcessor {

    /** A class of module embedded-stores: its presence tells that the stand-ins are on the class path. */
    static final String STAND_INS = "fr.bilan.embedded.EmbeddedMongoAutoConfiguration";
    /** Services with object storage have the MinIO client (service-support's ObjectStorageAutoConfiguration). */
    static final String OBJECT_STORAGE = "io.minio.MinioClient";

    private final Environment environment;

    StoreCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        if (environment.getProperty(EmbeddedStoreSettings.ENABLED, Boolean.class, false)) {
            if (!ClassUtils.isPresent(STAND_INS, classLoader)) {
                throw StoreNotConfigured.standInsAbsent();
            }
            return;
        }
        List<StoreNotConfigured.Setting> missing = new ArrayList<>();
        if (!set("spring.mongodb.uri") && !set("spring.mongodb.host")) {
            missing.add(StoreNotConfigured.Setting.MONGODB);
        }
        if (ClassUtils.isPresent(OBJECT_STORAGE, classLoader) && !set(StoreNotConfigured.Setting.S3.name())) {
            missing.add(StoreNotConfigured.Setting.S3);
        }
        if (!missing.isEmpty()) {
            throw StoreNotConfigured.missing(missing);
        }
    }

    private boolean set(String property) {
        return StringUtils.hasText(environment.getProperty(property));
    }
}
