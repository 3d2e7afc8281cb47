#!/usr/bin/env bash
# On a machine with an NVIDIA GPU (CUDA 11.6 runtime): build with ND4J's CUDA backend, run the
# derivative and gradient checks on the nd4j backend, then print the benchmark table.
# Not run by CI (no unit test needs a GPU); not yet run on a GPU by the project.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -P cuda -DskipTests install
mvn -B -P cuda -pl solver-core test \
    -Dtest='JetDerivativesTest,LossGradientTest,BackendCrossCheckTest' -Dsurefire.failIfNoSpecifiedTests=false
java -jar validation/target/pikan.jar check --backend nd4j
java -jar validation/target/pikan.jar bench --backend nd4j --seconds 2 --out pikan-out/bench-cuda
