#!/usr/bin/env bash
# Runs the whole Organization Service locally: builds it, then starts an embedded PostgreSQL (unless
# ORG_DB_URL is set) and both services (command side :8081, query side :8082). Needs only a JDK.
set -euo pipefail
cd "$(dirname "$0")"
# clean: a migration deleted from the sources (a reverted change) would otherwise stay in target/classes and run
./mvnw -q -B clean install -DskipTests
exec java ${JAVA_OPTS:-} -jar local-system/target/local-system-0.1.0-SNAPSHOT.jar "$@"
