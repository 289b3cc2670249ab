/**
 * Model architectures, as torchvision's {@code torchvision.models}: {@link
 * dev.shapetorch.vision.models.LeNet5}; torchvision's builders, under their torchvision names,
 * each with a no-argument overload (1000 classes) and a {@code numClasses} one: {@link
 * dev.shapetorch.vision.models.ResNet} ({@code resnet18} to {@code resnet152}, the wide ResNets
 * and ResNeXt) with {@link dev.shapetorch.vision.models.BasicBlock} and {@link
 * dev.shapetorch.vision.models.Bottleneck}, {@link dev.shapetorch.vision.models.VGG} ({@code
 * vgg11} to {@code vgg19_bn}), {@link dev.shapetorch.vision.models.AlexNet}, {@link
 * dev.shapetorch.vision.models.SqueezeNet} with {@link dev.shapetorch.vision.models.Fire}, and
 * {@link dev.shapetorch.vision.models.DenseNet} with {@link
 * dev.shapetorch.vision.models.DenseBlock} and {@link dev.shapetorch.vision.models.DenseLayer}.
 * They are records of {@code nn} layers whose
 * parameter names equal torchvision's, so state dicts move between the two; their {@code
 * forward}s carry {@code @Shape} annotations for the shape checker.
 *
 * <pre>{@code
 * ResNet net = ResNet.resnet18(10);
 * Checkpoints.load(net, Path.of("resnet18.safetensors"));
 * }</pre>
 */
package dev.shapetorch.vision.models;
