/**
 * The tape behind {@link dev.shapetorch.backprop.BVar}: internal, not part of the public API,
 * and free to change.
 *
 * <p>A {@link dev.shapetorch.backprop.internal.Tape} is a Wengert list. Each backprop run
 * ({@link dev.shapetorch.backprop.BVars#backprop} and friends) creates one; its inputs are the
 * first entries, and every op lifted onto a non-constant {@code BVar} appends one {@link
 * dev.shapetorch.backprop.internal.Node} that remembers the op's gradient continuation and the
 * tape indices of its non-constant inputs. Constants never touch the tape. Because a node only
 * refers to earlier entries, the backward pass is one sweep from the output down to index 0
 * ({@link dev.shapetorch.backprop.internal.Sweep}), adding contributions with each entry's
 * {@link dev.shapetorch.backprop.Backprop} algebra and skipping entries no gradient reached.
 *
 * <p>A tape is not thread-safe: build it on one thread. After the run's function returns, the
 * tape stops recording (a {@code BVar} that escaped the function can no longer be used in ops),
 * but it can be swept any number of times ({@link dev.shapetorch.backprop.BVars#backpropWith}).
 */
package dev.shapetorch.backprop.internal;
