package fr.bilan.retention.purge;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import fr.bilan.retention.RetentionApplication;

/**
 * The retention service in a process of its own, as {@link PurgeCrashTest} starts it: it boots on
 * the stores its arguments name, runs one purge in the main thread, then exits; unless killed first.
 */
public final class PurgeCrashChild {

    private PurgeCrashChild() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(RetentionApplication.class, args);
        System.out.println("purge-crash-child: purge starting");
        System.out.println("purge-crash-child: run " + context.getBean(PurgeRunner.class)
                .runNow(PurgeTrigger.SCHEDULE, "purge-crash-child").orElse("none (another runs)"));
        context.close();
        System.exit(0);
    }
}
