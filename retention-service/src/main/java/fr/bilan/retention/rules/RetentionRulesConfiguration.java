package fr.bilan.retention.rules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the retention rules when the service starts: a faulty rules file stops the start. */
@Configuration(proxyBeanMethods = false)
public class RetentionRulesConfiguration {

    @Bean
    RuleBook ruleBook() {
        return RuleBook.fromClasspath();
    }

    @Bean
    RetentionPolicy retentionPolicy(RuleBook ruleBook) {
        return new RetentionPolicy(ruleBook);
    }
}
