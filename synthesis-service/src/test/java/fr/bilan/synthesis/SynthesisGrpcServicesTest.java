package fr.bilan.synthesis;

import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.support.testing.StandardGrpcServicesContract;

@SpringBootTest(classes = SynthesisApplication.class)
class SynthesisGrpcServicesTest extends StandardGrpcServicesContract {
}
