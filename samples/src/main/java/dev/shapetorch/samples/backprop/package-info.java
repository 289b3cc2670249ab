/**
 * Sample 5 of the gallery: a Fashion-MNIST classifier written purely with the {@code backprop}
 * module, in the style of Haskell's backprop library. The parameters are records annotated
 * {@code @BackpropRecord} ({@link dev.shapetorch.samples.backprop.Dense}, {@link
 * dev.shapetorch.samples.backprop.MlpParams}) whose gradient algebras and lenses are generated;
 * the layer and the activation are hand-written typed {@code Op}s ({@link
 * dev.shapetorch.samples.backprop.DenseOps}) lifted to {@code BVar}s; the model is a function of
 * {@code BVar}s ({@link dev.shapetorch.samples.backprop.BackpropMlp}); {@link
 * dev.shapetorch.samples.backprop.BackpropMlpTrainer} trains it with plain SGD. libtorch runs the
 * kernels, never its autograd. docs/samples.md shows the command and the expected result.
 */
package dev.shapetorch.samples.backprop;
