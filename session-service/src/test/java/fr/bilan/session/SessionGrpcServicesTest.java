package fr.bilan.session;

import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.support.testing.StandardGrpcServicesContract;

@SpringBootTest(classes = SessionApplication.class)
class SessionGrpcServicesTest extends StandardGrpcServicesContract {
}
