package fr.bilan.beneficiary.cpf;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import fr.bilan.support.centre.Centres;

/** The CPF dossiers count their deadlines in each centre's calendar and zone ({@code bilan.centres.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Centres.class)
class CpfConfiguration {
}
