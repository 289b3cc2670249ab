/**
 * Model architectures, as torchvision's {@code torchvision.models}: {@link
 * dev.shapetorch.vision.models.LeNet5}; torchvision's builders, under their torchvision names,
 * each with a no-argument overload (1000 classes) and a {@code numClasses} one: {@link
 * dev.shapetorch.vision.models.ResNet} ({@code resnet18} to {@code resnet152}, the wide ResNets
 * and ResNeXt) with {@link dev.shapetorch.vision.models.BasicBlock} and {@link
 * dev.shapetorch.vision.models.Bottleneck}, {@link dev.shapetorch.vision.models.VGG} ({@code
 * vgg11} to {@code vgg19_bn}), {@link dev.shapetorch.vision.models.AlexNet}, {@link
 * dev.shapetorch.vision.models.SqueezeNet} with {@link dev.shapetorch.vision.models.Fire},
 * {@link dev.shapetorch.vision.models.DenseNet} with {@link
 * dev.shapetorch.vision.models.DenseBlock} and {@link dev.shapetorch.vision.models.DenseLayer},
 * {@link dev.shapetorch.vision.models.MobileNetV2} ({@code mobilenet_v2}), {@link
 * dev.shapetorch.vision.models.MobileNetV3} ({@code mobilenet_v3_large}, {@code
 * mobilenet_v3_small}), {@link dev.shapetorch.vision.models.EfficientNet} ({@code
 * efficientnet_b0} to {@code efficientnet_b7}) and {@link
 * dev.shapetorch.vision.models.VisionTransformer} ({@code vit_b_16}, {@code vit_b_32}, {@code
 * vit_l_16}, {@code vit_l_32}, {@code vit_h_14}), with their blocks and torchvision.ops'
 * {@link dev.shapetorch.vision.models.SqueezeExcitation} and {@link
 * dev.shapetorch.vision.models.StochasticDepth}. They are records of {@code nn} layers whose
 * parameter names equal torchvision's, so state dicts move between the two; their {@code
 * forward}s carry {@code @Shape} annotations for the shape checker.
 *
 * <pre>{@code
 * ResNet net = ResNet.resnet18(10);
 * Checkpoints.load(net, Path.of("resnet18.safetensors"));
 * }</pre>
 */
package dev.shapetorch.vision.models;
