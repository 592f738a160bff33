# Sourced by the benchmarks: starts the whole platform for the occasion (real Keycloak for tokens,
# embedded stores in a throw-away BILAN_HOME) and stops it on exit.
# Usage: . bench/platform.sh <script name>   (from the repository root)
BENCH_NAME=$1
if [[ $(./bilan status) == *running* ]]; then
  echo "$BENCH_NAME: the platform is running; stop it first (./bilan down)" >&2
  exit 1
fi
export BILAN_HOME
BILAN_HOME=$(mktemp -d)
trap './bilan down > /dev/null 2>&1 || true; rm -rf "$BILAN_HOME"' EXIT
# the benchmark's single user would otherwise meet the per-user rate limit
export BILAN_GATEWAY_RATE_LIMIT_PER_USER=100000000 BILAN_GATEWAY_RATE_LIMIT_PER_CLIENT_IP=100000000
GATEWAY=http://localhost:${BILAN_GATEWAY_PORT:-8080}
GRPC=localhost:${BILAN_BENEFICIARY_GRPC_PORT:-9091}

./mvnw -q -B -DskipTests package
./bilan up > "$BILAN_HOME/up.txt" || { cat "$BILAN_HOME/up.txt"; exit 1; }
