package fr.bilan.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.ListBeneficiariesRequest;
import fr.bilan.proto.beneficiary.v1.ListBeneficiariesResponse;

/**
 * Load for what h2load cannot send: creates (each request a new beneficiary) and paginated lists
 * (each page asks for the next with the token of the last). Prints one tab-separated line:
 * scenario, path, requests, errors, seconds, requests/s, p50, p99, p99.9 (ms).
 *
 * <pre>
 * create &lt;grpc|gateway&gt; &lt;seconds&gt; &lt;threads&gt;   new beneficiaries, one per request
 * list   &lt;grpc|gateway&gt; &lt;seconds&gt; &lt;threads&gt;   filtered list pages (status and name prefix), walking the tokens
 * seed   &lt;count&gt; &lt;threads&gt;                       creates over gRPC until count are made
 * </pre>
 *
 * Environment: BENCH_TOKEN (bearer token, required), BENCH_GRPC (localhost:9091),
 * BENCH_GATEWAY (http://localhost:8080), BENCH_CENTRE (centre-lyon).
 */
public final class BeneficiaryLoad {

    /** Pages walked before a worker starts again with the next prefix: a user rarely reads further. */
    private static final int PAGES_PER_WALK = 5;
    private static final List<String> PREFIXES = List.of("du", "ma", "be", "le", "ga", "ro");

    private BeneficiaryLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: create|list <grpc|gateway> <seconds> <threads> | seed <count> <threads>");
            System.exit(2);
        }
        String token = System.getenv("BENCH_TOKEN");
        String centre = env("BENCH_CENTRE", "centre-lyon");
        People people = new People(centre);
        if (args[0].equals("seed")) {
            try (BeneficiaryApi api = new GrpcApi(env("BENCH_GRPC", "localhost:9091"), token)) {
                seed(api, people, Long.parseLong(args[1]), Integer.parseInt(args[2]));
            }
            return;
        }
        String path = args[1];
        double seconds = Double.parseDouble(args[2]);
        int threads = Integer.parseInt(args[3]);
        try (BeneficiaryApi api = path.equals("grpc") ? new GrpcApi(env("BENCH_GRPC", "localhost:9091"), token)
                : new GatewayApi(env("BENCH_GATEWAY", "http://localhost:8080"), token)) {
            ClosedLoop.Result result = switch (args[0]) {
                case "create" -> create(api, people, seconds, threads);
                case "list" -> list(api, centre, seconds, threads);
                default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
            };
            System.out.printf(Locale.ROOT, "%s\t%s\t%d\t%d\t%.1f\t%.1f\t%.2f\t%.2f\t%.2f%n", args[0], path,
                    result.requests(), result.errors(), result.seconds(), result.perSecond(),
                    result.percentileMillis(50), result.percentileMillis(99), result.percentileMillis(99.9));
        }
    }

    private static ClosedLoop.Result create(BeneficiaryApi api, People people, double seconds, int threads)
            throws Exception {
        AtomicLong next = new AtomicLong();
        return ClosedLoop.run(threads, seconds, worker -> {
            if (api.create(people.person(next.getAndIncrement())).isEmpty()) {
                throw new IllegalStateException("created without an id");
            }
        });
    }

    private static ClosedLoop.Result list(BeneficiaryApi api, String centre, double seconds, int threads)
            throws Exception {
        String[] tokens = new String[threads];
        int[] pages = new int[threads];
        int[] prefixes = new int[threads];
        return ClosedLoop.run(threads, seconds, worker -> {
            var request = ListBeneficiariesRequest.newBuilder().setCentreId(centre).setPageSize(50)
                    .addEmploymentStatuses(EmploymentStatus.JOB_SEEKER)
                    .setNamePrefix(PREFIXES.get((prefixes[worker] + worker) % PREFIXES.size()));
            if (tokens[worker] != null) {
                request.setPageToken(tokens[worker]);
            }
            ListBeneficiariesResponse page = api.list(request.build());
            // a page that ignores the filter would be fast and wrong
            if (page.getBeneficiariesList().stream().anyMatch(b -> b.getEmploymentStatus() != EmploymentStatus.JOB_SEEKER)) {
                throw new IllegalStateException("the list ignored its filter");
            }
            boolean more = !page.getNextPageToken().isEmpty() && ++pages[worker] < PAGES_PER_WALK;
            tokens[worker] = more ? page.getNextPageToken() : null;
            if (!more) {
                pages[worker] = 0;
                prefixes[worker]++;
            }
        });
    }

    private static void seed(BeneficiaryApi api, People people, long count, int threads) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int worker = 0; worker < threads; worker++) {
            pool.submit(() -> {
                for (long n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    try {
                        api.create(people.person(n));
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "seed\tgrpc\t%d\t%d\t%.1f\t%.1f\t\t\t%n", count, failed.get(), seconds,
                count / seconds);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
