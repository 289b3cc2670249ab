/**
 * Sample 4 of the gallery: transfer learning. {@link
 * dev.shapetorch.samples.transfer.TransferTrainer} loads a torchvision-named ResNet-18 from a
 * safetensors file (the names of {@code torchvision.models.resnet18().state_dict()}, the
 * 1000-class head included), replaces its head {@code fc} by one for Fashion-MNIST's 10 classes,
 * freezes the backbone ({@link dev.shapetorch.samples.transfer.Backbone}) and fine-tunes the head,
 * showing its progress and writing the training curves and TensorBoard logs. docs/samples.md
 * shows the command and the expected result.
 */
package dev.shapetorch.samples.transfer;
