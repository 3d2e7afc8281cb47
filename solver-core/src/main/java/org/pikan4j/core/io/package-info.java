/**
 * Model and checkpoint persistence: {@link org.pikan4j.core.io.ModelFile#save ModelFile.save} writes a network,
 * its parameter vector and metadata to one file, {@link org.pikan4j.core.io.ModelFile#load ModelFile.load}
 * reads them back as a {@link org.pikan4j.core.io.SavedModel} whose network evaluates bit for bit like the
 * saved one. {@link org.pikan4j.core.io.CheckpointFile} does the same for a whole training state (a
 * {@link org.pikan4j.core.io.Checkpoint}), in the same container with {@code kind=checkpoint}.
 *
 * <h2>File format, version 1</h2>
 * All integers and doubles are big-endian.
 * <pre>
 * offset  size  content
 * 0       7     magic, the ASCII bytes "PIKAN4J"
 * 7       4     format version, int (1)
 * 11      8     length of the whole file in bytes, long (detects truncation before anything else is read)
 * 19      4     header length H in bytes, int
 * 23      H     header, UTF-8 text (below)
 * 23+H    8·n   the parameter vector theta, n doubles (IEEE 754 bits as written, NaN payloads included)
 * end-4   4     CRC32 (java.util.zip) of every byte before it, as an int
 * </pre>
 * The header is {@code key=value} lines; it starts with a line break and a {@code #} comment line so that
 * {@code head -n 20 model.pikan} shows it after the short binary prefix. Entries, in this order:
 * <pre>
 * format.version=1
 * kind=model                                 model or checkpoint; files written before it existed lack it: model
 * layers=3                                   number of layers, input side first
 * layer.0.kind=kan                           kan, dense or periodic (an input embedding, only as layer 0)
 * layer.0.widths=2,5                         input width, output width
 * layer.0.degree=3                           kan: spline degree k
 * layer.0.intervals=5                        kan: grid size G
 * layer.0.noiseScale=0.1                     kan: initial coefficient noise
 * layer.0.grid.0.uniform=true                kan, per input i: the knot vector's uniformity flag
 * layer.0.grid.0.knots=-2.2,-1.8,...         kan, per input i: all G+2k+1 knots, extension knots included
 * layer.2.activation=sin                     dense: tanh, sin, silu or identity
 * layer.0.periods=2.0,0.0                    periodic: per input its period, 0 for an input passed through
 * parameters.network=61                      the network's parameter count
 * parameters.total=63                        n, the length of theta (trailing PDE coefficients included)
 * metadata.problem=poisson2d                 user metadata, in the order given
 * </pre>
 * Doubles in the header are written by {@link java.lang.Double#toString(double)} and parse back to the same
 * bits. The full knot vectors are stored because knots inserted during grid refinement keep the old
 * extension knots, which cannot be recomputed from the grid points. Metadata values escape {@code \},
 * line feed and carriage return as {@code \\}, {@code \n}, {@code \r}.
 *
 * <h2>Checkpoints ({@code kind=checkpoint}, checkpoint version 1)</h2>
 * The same framing; the header holds {@code format.version}, {@code kind=checkpoint},
 * {@code checkpoint.version=1}, the network entries above (so grids refined during training are restored
 * exactly) and the metadata, then the training state. The double section holds several arrays, listed in order
 * by {@code arrays=name:length,...}. Entries and arrays:
 * <pre>
 * state.stages=3, state.stage.0.name=adam ...  the chain's stage names (a resume must use the same chain)
 * state.stage=1, state.stageSteps=12           current stage and the steps it took
 * state.stageConverged=false                   whether its optimizer converged
 * state.step=512, state.firstStep=0            global step of the state, and where the run began
 * state.retries=0, state.seconds=3.25          divergence roll-backs used, wall time
 * optimizer=adam|lbfgs|bfgs|lm|none            none: the stage has not started
 *   adam:  optimizer.iterations, optimizer.learningRate; arrays adam.m, adam.v
 *   lbfgs: optimizer.pairs=k; arrays lbfgs.s, lbfgs.y (k x n, oldest pair first)
 *   bfgs:  optimizer.curvature=true|false; array bfgs.inverse (the dense inverse Hessian's upper triangle row
 *          by row, n(n + 1) / 2 numbers; none before the first step)
 *   lm:    optimizer.damping
 * best.loss, best.step, best.where             the lowest finite loss so far; arrays best.theta, best.terms
 * history.terms=T, history.term.t=name         term names of the rows
 * history.rows=R, history.runs, history.run.r.stage / .rows   row stages, run-length encoded
 * history.events=E, history.event.e.step / .kind / .description
 * history.pending=none|stage                   the newest step's row when the history did not record it
 * points.terms=P, points.p.name / .count / .dimension          collocation points of each term
 * arrays: theta (n), adam.*, lbfgs.*, bfgs.*, best.theta (n), best.terms (T), history.rows (R x (4+T): step, loss,
 *         learning rate, seconds, term values), history.pending (4+T), points.p (count x dimension)
 * </pre>
 * A newer {@code checkpoint.version} is refused as {@code NEWER_VERSION} like a newer container; a model file
 * given to {@code CheckpointFile.load}, or a checkpoint to {@code ModelFile.load}, as {@code WRONG_KIND}.
 *
 * <h2>Guarantees</h2>
 * Saving writes a temporary file in the target's directory, flushes it to disk and renames it over the
 * target (atomically where the file system allows), so a crash leaves the old file or the new one.
 * Loading checks, in order, the magic, the version, the length and the checksum, and only then parses the
 * header; every refusal is a {@link org.pikan4j.core.io.ModelFileException} naming the file and the
 * {@linkplain org.pikan4j.core.io.ModelFileException.Reason reason}, and no partial model is ever returned.
 * A new layer kind (periodic) does not raise the version: files without it are unchanged, and an older build
 * refuses a file with it by name (unknown kind). A later format must raise the version number; this build refuses versions above
 * {@link org.pikan4j.core.io.ModelFile#FORMAT_VERSION}.
 */
package org.pikan4j.core.io;
