package fr.bilan.beneficiary.statistics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.beneficiary.v1.BeneficiaryStatisticsServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CentreBeneficiaryStatistics;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.EmploymentStatusCount;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryStatisticsRequest;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryStatisticsResponse;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoTime;
import io.grpc.stub.StreamObserver;

/**
 * Aggregated figures for the network admin and centre managers. Counts name nobody, so they are
 * not personal data: unlike every other read of this service, they leave no access record.
 */
@GrpcService
class StatisticsGrpcService extends BeneficiaryStatisticsServiceGrpc.BeneficiaryStatisticsServiceImplBase {

    private final StatisticsRepository repository;

    StatisticsGrpcService(StatisticsRepository repository) {
        this.repository = repository;
    }

    @Override
    public void getBeneficiaryStatistics(GetBeneficiaryStatisticsRequest request,
            StreamObserver<GetBeneficiaryStatisticsResponse> response) {
        FieldViolations violations = new FieldViolations();
        Optional<Instant> start = ProtoTime.toInstant("start_time",
                request.hasStartTime() ? Optional.of(request.getStartTime()) : Optional.empty(), violations);
        Optional<Instant> end = ProtoTime.toInstant("end_time",
                request.hasEndTime() ? Optional.of(request.getEndTime()) : Optional.empty(), violations);
        violations.throwIfAny();
        StatisticsQuery query = StatisticsQuery.of(Caller.current(), request.getCentreId(), start, end);
        Map<String, CentreBeneficiaryStatistics.Builder> centres = new LinkedHashMap<>();
        long total = 0;
        for (StatisticsRepository.Count count : repository.count(query)) {
            var centre = centres.computeIfAbsent(count.centreId(),
                    id -> CentreBeneficiaryStatistics.newBuilder().setCentreId(id));
            centre.setBeneficiaryCount(centre.getBeneficiaryCount() + count.count())
                    .addEmploymentStatusCounts(EmploymentStatusCount.newBuilder()
                            .setEmploymentStatus(EmploymentStatus.valueOf(count.employmentStatus()))
                            .setCount(count.count()));
            total += count.count();
        }
        var answer = GetBeneficiaryStatisticsResponse.newBuilder().setBeneficiaryCount(total);
        centres.values().forEach(answer::addCentres);
        response.onNext(answer.build());
        response.onCompleted();
    }
}
