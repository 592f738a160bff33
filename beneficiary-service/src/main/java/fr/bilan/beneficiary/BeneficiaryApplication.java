package fr.bilan.beneficiary;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Beneficiaries, their funding, their consents and their tripartite agreements. */
@SpringBootApplication
public class BeneficiaryApplication {

    public static void main(String[] args) {
        SpringApplication.run(BeneficiaryApplication.class, args);
    }
}
