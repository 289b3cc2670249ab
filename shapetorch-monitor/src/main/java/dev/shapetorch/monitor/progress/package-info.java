/**
 * Progress of training and evaluation loops: {@link
 * dev.shapetorch.monitor.progress.TrainingProgress} shows items done, items per second, the time
 * left and the running loss and accuracy as a live bar on a terminal (the {@code
 * me.tongfei:progressbar} library), and as one line per pass in logs.
 *
 * <pre>{@code
 * try (TrainingProgress progress = TrainingProgress.start("epoch 1/6", 60_000)) {
 *   progress.update(128, 0.61, 101);
 * }
 * }</pre>
 */
package dev.shapetorch.monitor.progress;
