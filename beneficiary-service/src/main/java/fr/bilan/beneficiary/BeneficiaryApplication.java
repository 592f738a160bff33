package fr.bilan.beneficiary;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beneficiaries, their funding, their consents and their tripartite agreements. */
@SpringBootApplication
@EnableScheduling
public class BeneficiaryApplication {

    public static void main(String[] args) {
        SpringApplication.run(BeneficiaryApplication.class, args);
    }
}
