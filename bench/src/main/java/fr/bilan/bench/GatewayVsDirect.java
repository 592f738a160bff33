package fr.bilan.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;

/**
 * The same read, {@code GetBeneficiary}, two ways in one run: REST through the gateway
 * (HTTP → gRPC → MongoDB) and gRPC straight to beneficiary-service. Closed loop, the same number of
 * concurrent callers for the same time; each path is measured twice, interleaved, so that drift of
 * the machine shows. Prints throughput, p50 and p99 and their ratios as a Markdown table.
 *
 * <p>Usage: {@code java -jar bench.jar <gateway URL> <gRPC host:port> <beneficiary id> <token>
 * [seconds=15] [concurrency=16]}
 */
public final class GatewayVsDirect {

    private interface Call {
        void run() throws Exception;
    }

    private record Result(String name, double throughput, double p50Millis, double p99Millis, long errors) {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String[] grpcTarget = args[1].split(":");
        String id = args[2];
        String token = args[3];
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        int concurrency = args.length > 5 ? Integer.parseInt(args[5]) : 16;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest rest = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/beneficiaries/" + id))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
        Call viaGateway = () -> {
            HttpResponse<byte[]> response = http.send(rest, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
        };
        ManagedChannel channel = ManagedChannelBuilder.forAddress(grpcTarget[0], Integer.parseInt(grpcTarget[1]))
                .usePlaintext().build();
        var stub = BeneficiaryServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(token));
        GetBeneficiaryRequest request = GetBeneficiaryRequest.newBuilder().setId(id).build();
        Call direct = () -> stub.withDeadlineAfter(10, TimeUnit.SECONDS).getBeneficiary(request);

        measure("warm-up gateway", viaGateway, Math.max(5, seconds / 2), concurrency);
        measure("warm-up direct", direct, Math.max(5, seconds / 2), concurrency);
        List<Result> results = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            results.add(measure("direct gRPC, round " + round, direct, seconds, concurrency));
            results.add(measure("gateway REST, round " + round, viaGateway, seconds, concurrency));
        }
        channel.shutdownNow();

        System.out.printf("%n%d callers, %d s per measure, GET /api/v1/beneficiaries/{id} vs GetBeneficiary%n%n", concurrency, seconds);
        System.out.println("| path | requests/s | p50 (ms) | p99 (ms) | errors |");
        System.out.println("|---|---|---|---|---|");
        results.forEach(r -> System.out.printf("| %s | %.0f | %.2f | %.2f | %d |%n",
                r.name(), r.throughput(), r.p50Millis(), r.p99Millis(), r.errors()));
        Result directBest = best(results, "direct");
        Result gatewayBest = best(results, "gateway");
        System.out.printf("%nBest of two rounds: gateway keeps %.0f %% of direct throughput; adds %.2f ms at p50 and %.2f ms at p99.%n",
                100 * gatewayBest.throughput() / directBest.throughput(),
                gatewayBest.p50Millis() - directBest.p50Millis(), gatewayBest.p99Millis() - directBest.p99Millis());
    }

    private static Result best(List<Result> results, String prefix) {
        return results.stream().filter(r -> r.name().startsWith(prefix))
                .max((a, b) -> Double.compare(a.throughput(), b.throughput())).orElseThrow();
    }

    private static Result measure(String name, Call call, int seconds, int concurrency) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<long[]> latencies = new ArrayList<>();
        AtomicInteger[] counts = new AtomicInteger[concurrency];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int worker = 0; worker < concurrency; worker++) {
            long[] samples = new long[4_000_000 / concurrency];
            latencies.add(samples);
            AtomicInteger count = counts[worker] = new AtomicInteger();
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            call.run();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        int n = count.get();
                        if (n < samples.length) {
                            samples[n] = System.nanoTime() - start;
                            count.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        int total = Arrays.stream(counts).mapToInt(AtomicInteger::get).sum();
        long[] all = new long[total];
        int offset = 0;
        for (int worker = 0; worker < concurrency; worker++) {
            System.arraycopy(latencies.get(worker), 0, all, offset, counts[worker].get());
            offset += counts[worker].get();
        }
        Arrays.sort(all);
        Result result = new Result(name, (double) total / seconds, millis(all, 0.50), millis(all, 0.99), errors.get());
        System.err.printf("%s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%n", name, result.throughput(),
                result.p50Millis(), result.p99Millis(), result.errors());
        return result;
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, quantile * sorted.length)] / 1e6;
    }

    private static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(headers);
            }
        };
    }
}
