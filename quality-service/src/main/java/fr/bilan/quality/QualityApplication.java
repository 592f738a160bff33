package fr.bilan.quality;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The quality loop a Qualiopi audit looks for, kept as a by-product of the work: the satisfaction
 * surveys (at the end and six months later) and their page, the follow-up interview, the register of
 * complaints, drop-outs and improvement actions, the published results and the audit pack. Holds process
 * evidence only, never a bilan's content.
 */
@SpringBootApplication
public class QualityApplication {

    public static void main(String[] args) {
        SpringApplication.run(QualityApplication.class, args);
    }
}
