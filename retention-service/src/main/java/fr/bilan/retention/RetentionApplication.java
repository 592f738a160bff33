package fr.bilan.retention;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The legal clock: computes when each document must be destroyed (R6313-7) and destroys it, with proof. */
@SpringBootApplication
public class RetentionApplication {

    public static void main(String[] args) {
        SpringApplication.run(RetentionApplication.class, args);
    }
}
