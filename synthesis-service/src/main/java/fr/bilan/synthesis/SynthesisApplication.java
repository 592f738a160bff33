package fr.bilan.synthesis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The document de synthèse: written by the consultant, rendered to PDF, stored encrypted, handed to the beneficiary. */
@SpringBootApplication
public class SynthesisApplication {

    public static void main(String[] args) {
        SpringApplication.run(SynthesisApplication.class, args);
    }
}
