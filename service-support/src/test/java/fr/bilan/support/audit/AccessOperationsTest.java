package fr.bilan.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;

/** The one vocabulary of access records, derived from the RPC. */
class AccessOperationsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "bilan.beneficiary.v1.BeneficiaryService/GetBeneficiary, beneficiary.get",
            "bilan.beneficiary.v1.BeneficiaryService/ListBeneficiaries, beneficiary.list",
            "bilan.beneficiary.v1.BeneficiaryService/AssignConsultant, beneficiary.assign-consultant",
            "bilan.beneficiary.v1.BeneficiaryService/CreateConsentRecord, beneficiary.create-consent-record",
            "bilan.beneficiary.v1.AgreementService/GetAgreementDocument, agreement.get-document",
            "bilan.beneficiary.v1.PersonalDataService/ListAccessRecords, personal-data.list-access-records",
            "bilan.session.v1.AssessmentService/GetAssessment, assessment.get",
            "bilan.session.v1.AssessmentService/ListAssessments, assessment.list",
            "bilan.session.v1.AssessmentService/SignAttendance, assessment.sign-attendance",
            "bilan.session.v1.AssessmentService/GetAttendanceReport, assessment.get-attendance-report",
            "bilan.session.v1.CalendarFeedService/GetCalendarFeed, calendar-feed.get",
            "bilan.session.v1.ConsultantService/ListConsultantSessions, consultant.list-sessions",
            "bilan.synthesis.v1.SynthesisService/GetSynthesis, synthesis.get",
            "bilan.synthesis.v1.SynthesisService/ListSynthesisRevisions, synthesis.list-revisions",
            "bilan.synthesis.v1.SynthesisService/DownloadSynthesisDocument, synthesis.download-document",
            "bilan.synthesis.v1.SynthesisService/DownloadSharedSynthesisDocument, synthesis.download-shared-synthesis-document",
            "bilan.retention.v1.RetentionScheduleService/GetRetentionSchedule, retention-schedule.get",
            "bilan.retention.v1.RetentionScheduleService/CreateLegalHold, retention-schedule.create-legal-hold",
            "bilan.x.v1.CategoryService/ListCategories, category.list",
            "bilan.x.v1.AnalysisService/ListAnalyses, analysis.list"
    })
    void namesTheResourceThenTheVerbInKebabCase(String rpc, String operation) {
        assertThat(AccessOperations.of(rpc)).isEqualTo(operation);
    }

    @Test
    void givesEveryRpcOfThePlatformADistinctName() throws Exception {
        Map<String, String> rpcByOperation = new HashMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/bilan/descriptors.pb")) {
            for (FileDescriptorProto file : FileDescriptorSet.parseFrom(in).getFileList()) {
                for (ServiceDescriptorProto service : file.getServiceList()) {
                    for (MethodDescriptorProto method : service.getMethodList()) {
                        String rpc = file.getPackage() + "." + service.getName() + "/" + method.getName();
                        String operation = AccessOperations.of(rpc);
                        assertThat(operation).matches("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*");
                        String before = rpcByOperation.put(operation, rpc);
                        assertThat(before).as("%s and %s both named %s", before, rpc, operation)
                                .isNull();
                    }
                }
            }
        }
        assertThat(rpcByOperation).hasSizeGreaterThan(50);
    }

    @Test
    void refusesWhatIsNoFullMethodName() {
        assertThatThrownBy(() -> AccessOperations.of("GetAssessment")).isInstanceOf(IllegalArgumentException.class);
    }
}
