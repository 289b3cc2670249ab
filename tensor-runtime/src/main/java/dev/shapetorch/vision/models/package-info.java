/**
 * Model architectures, as torchvision's {@code torchvision.models}: {@link
 * dev.shapetorch.vision.models.LeNet5}, {@link dev.shapetorch.vision.models.VGG} ({@code
 * vgg11}), {@link dev.shapetorch.vision.models.ResNet} ({@code resnet18}, {@code resnet34}) with
 * {@link dev.shapetorch.vision.models.BasicBlock}. They are records of {@code nn} layers whose
 * parameter names equal torchvision's, so state dicts move between the two; their {@code
 * forward}s carry {@code @Shape} annotations for the shape checker.
 *
 * <pre>{@code
 * ResNet net = ResNet.resnet18(10);
 * Checkpoints.load(net, Path.of("resnet18.safetensors"));
 * }</pre>
 */
package dev.shapetorch.vision.models;
