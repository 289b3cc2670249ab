/**
 * Image transforms over tensors {@code [C, H, W]}, as torchvision's {@code
 * torchvision.transforms}: {@link dev.shapetorch.vision.transforms.ToTensor}, {@link
 * dev.shapetorch.vision.transforms.Normalize}, {@link dev.shapetorch.vision.transforms.RandomCrop},
 * {@link dev.shapetorch.vision.transforms.RandomHorizontalFlip}, {@link
 * dev.shapetorch.vision.transforms.Resize}, chained with {@link
 * dev.shapetorch.vision.transforms.Compose}, and the rest of torchvision 0.14's v1 tensor
 * transforms (crops, padding, colour, blur, erasing, rotation, affine, perspective). {@link
 * dev.shapetorch.vision.transforms.TF} holds the functional forms ({@code
 * torchvision.transforms.functional}) that the classes call. Random transforms draw from {@link
 * dev.shapetorch.data.SampleRandom}, which a {@code DataLoader} seeds per batch.
 *
 * <pre>{@code
 * Transform augment = Compose.of(new RandomCrop(32, 4), new RandomHorizontalFlip(), new ToTensor(),
 *     new Normalize(new double[] {0.4914, 0.4822, 0.4465}, new double[] {0.2470, 0.2435, 0.2616}));
 * }</pre>
 */
package dev.shapetorch.vision.transforms;
