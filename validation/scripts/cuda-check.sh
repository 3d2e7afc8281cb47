#!/usr/bin/env bash
# On a machine with an NVIDIA GPU (CUDA 11.6 runtime): build with ND4J's CUDA backend, run the
# derivative and gradient checks on the nd4j backend (float64: finite-difference checks need it),
# the float32-vs-float64 agreement test on a trained model, then print the benchmark tables in
# float64 and float32 (float32 is where a GPU pays; training's L-BFGS phase wants float64).
# Not run by CI (no unit test needs a GPU); not yet run on a GPU by the project.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -P cuda -DskipTests install
mvn -B -P cuda -pl solver-core test \
    -Dtest='JetDerivativesTest,LossGradientTest,BackendCrossCheckTest,Float32AgreementTest' \
    -Dsurefire.failIfNoSpecifiedTests=false
java -jar validation/target/pikan.jar check --backend nd4j
for precision in float64 float32; do
    java -Xmx4g -jar validation/target/pikan.jar bench --backend nd4j --precision "$precision" --seconds 2 \
        --sweeps reference,points,grid,width --out "pikan-out/bench-cuda-$precision"
done
