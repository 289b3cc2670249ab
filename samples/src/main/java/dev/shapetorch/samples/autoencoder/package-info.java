/**
 * Sample 3 of the gallery: a convolutional autoencoder on Fashion-MNIST ({@link
 * dev.shapetorch.samples.autoencoder.ConvAutoencoder}, a typed module record), trained with Adam
 * by {@link dev.shapetorch.samples.autoencoder.AutoencoderTrainer}, which shows its progress and
 * writes the reconstructions as a PNG grid, the loss curves and TensorBoard logs.
 * docs/samples.md shows the command, the expected result and the pictures.
 */
package dev.shapetorch.samples.autoencoder;
