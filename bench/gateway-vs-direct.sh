#!/usr/bin/env bash
# The gateway's cost, measured: the same read through the gateway (REST → gRPC → MongoDB) and as a
# direct gRPC call, in one run, on a platform started for the occasion (real Keycloak for tokens).
# Usage: bench/gateway-vs-direct.sh [seconds=15] [concurrency=16]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
if [[ $(./bilan status) == *running* ]]; then
  echo "gateway-vs-direct.sh: the platform is running; stop it first (./bilan down)" >&2
  exit 1
fi
export BILAN_HOME
BILAN_HOME=$(mktemp -d)
trap './bilan down > /dev/null 2>&1 || true; rm -rf "$BILAN_HOME"' EXIT
# the benchmark's single user would otherwise meet the per-user rate limit
export BILAN_GATEWAY_RATE_LIMIT_PER_USER=100000000 BILAN_GATEWAY_RATE_LIMIT_PER_CLIENT_IP=100000000

./mvnw -q -B -DskipTests package
./bilan up > "$BILAN_HOME/up.txt" || { cat "$BILAN_HOME/up.txt"; exit 1; }
TOKEN=$(./bilan token consultant)
ID=$(curl -s -X POST http://localhost:${BILAN_GATEWAY_PORT:-8080}/api/v1/beneficiaries \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"centreId":"centre-lyon","givenName":"Élodie","familyName":"Durand","email":"elodie.durand@example.fr","employmentStatus":"PRIVATE_SECTOR_EMPLOYEE"}' \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
java -jar bench/target/bench-*-exec.jar "http://localhost:${BILAN_GATEWAY_PORT:-8080}" \
  "localhost:${BILAN_BENEFICIARY_GRPC_PORT:-9091}" "$ID" "$TOKEN" "${1:-15}" "${2:-16}"
