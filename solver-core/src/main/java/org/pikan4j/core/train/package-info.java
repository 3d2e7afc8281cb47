/**
 * Training a physics-informed network: a chain of optimizer stages run on a
 * {@link org.pikan4j.core.residual.PinnLoss}, with a history, listeners and a NaN guard.
 *
 * <ul>
 *   <li>{@link org.pikan4j.core.train.Training} is the immutable configuration: stages
 *       ({@link org.pikan4j.core.train.Stage}: Adam, L-BFGS, or Levenberg-Marquardt on the residual
 *       vector), a loss tolerance, a history interval and listeners;</li>
 *   <li>{@link org.pikan4j.core.train.Trainer} runs it and returns a
 *       {@link org.pikan4j.core.train.TrainingResult}: the best finite parameters, their loss and
 *       terms, the steps, the wall time and a {@link org.pikan4j.core.train.StopReason} with a
 *       one-sentence diagnosis;</li>
 *   <li>{@link org.pikan4j.core.train.TrainingHistory} keeps one row per recorded step and a list
 *       of events, and writes both as CSV;</li>
 *   <li>{@link org.pikan4j.core.train.TrainingListener}s observe from outside and may ask to stop;
 *       {@link org.pikan4j.core.train.ProgressBar} is one.</li>
 * </ul>
 *
 * <p>A NaN or infinite loss ends training at once with the parameters of the lowest finite loss
 * and a {@link org.pikan4j.core.train.NonFiniteLoss} saying where and which term; it is returned,
 * not thrown ({@link org.pikan4j.core.train.TrainingResult#requireFinite()} throws on request).
 * The loop itself is deterministic.
 */
package org.pikan4j.core.train;
