package fr.bilan.retention;

import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.support.testing.StandardGrpcServicesContract;

@SpringBootTest(classes = RetentionApplication.class)
class RetentionGrpcServicesTest extends StandardGrpcServicesContract {
}
