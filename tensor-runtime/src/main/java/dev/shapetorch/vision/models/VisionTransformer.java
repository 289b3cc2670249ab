package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Vision Transformer (Dosovitskiy et al.) as torchvision's {@code vit_b_16}, {@code
 * vit_b_32}, {@code vit_l_16}, {@code vit_l_32} and {@code vit_h_14} build it for 224x224
 * images: {@code conv_proj} cuts the image into patches and embeds them (a convolution with
 * kernel and stride the patch size), a learned {@code class_token} is put before them, the
 * {@link Encoder} runs, and {@code heads.head} (a linear layer) maps the class token's output to
 * the class scores. Parameter names equal torchvision's ({@code class_token}, {@code
 * conv_proj.weight}, {@code encoder.pos_embedding}, {@code
 * encoder.layers.encoder_layer_0.self_attention.in_proj_weight}, {@code encoder.ln.bias}, {@code
 * heads.head.weight}, ...). Initialised as torchvision does: {@code conv_proj} normal with std
 * {@code sqrt(1 / fanIn)} (torchvision truncates at +-2, over 50 std away), zero class token and
 * biases, {@code heads.head} zero.
 *
 * <pre>{@code
 * VisionTransformer vit = VisionTransformer.vit_b_16();   // 86,567,656 parameters
 * Tensor logits = vit.forward(images);                    // [B, 3, 224, 224] -> [B, 1000]
 * }</pre>
 *
 * <p>Type: {@code @Shape({"Classes"}) VisionTransformer}, the number of classes, as the builders
 * declare it, so that the checker types {@code VisionTransformer.vit_b_16(10).forward(x)} as
 * {@code [B, 10]}.
 *
 * <p>Shape: {@code [B, 3, imageSize, imageSize] -> [B, classes]}.
 *
 * @param convProj the patch embedding: 3 -> hidden, kernel and stride the patch size
 * @param classToken {@code [1, 1, hidden]}
 * @param encoder the transformer
 * @param heads {@code head}: hidden -> classes
 * @param imageSize the images' height and width
 * @param patchSize the patches' height and width
 */
public record VisionTransformer(Conv2d convProj, Parameter classToken, Encoder encoder,
    Sequential heads, long imageSize, long patchSize) implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null, or if {@code patchSize}
   *     does not divide {@code imageSize}
   */
  public VisionTransformer {
    Arguments.requireNonNull(convProj, "convProj");
    Arguments.requireNonNull(classToken, "classToken");
    Arguments.requireNonNull(encoder, "encoder");
    Arguments.requireNonNull(heads, "heads");
    if (imageSize < 1 || patchSize < 1 || imageSize % patchSize != 0) {
      throw Arguments.invalid(null, "imageSize must be a positive multiple of patchSize, got"
          + " imageSize=" + imageSize + ", patchSize=" + patchSize);
    }
  }

  /** ViT-B/16 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) VisionTransformer vit_b_16() {
    return vit_b_16(1000);
  }

  /**
   * ViT-B/16: patches of 16, 12 layers, 12 heads, width 768, MLP 3072.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VisionTransformer vit_b_16(@Dim int numClasses) {
    return create(16, 12, 12, 768, 3072, numClasses);
  }

  /** ViT-B/32 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) VisionTransformer vit_b_32() {
    return vit_b_32(1000);
  }

  /**
   * ViT-B/32: patches of 32, 12 layers, 12 heads, width 768, MLP 3072.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VisionTransformer vit_b_32(@Dim int numClasses) {
    return create(32, 12, 12, 768, 3072, numClasses);
  }

  /** ViT-L/16 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) VisionTransformer vit_l_16() {
    return vit_l_16(1000);
  }

  /**
   * ViT-L/16: patches of 16, 24 layers, 16 heads, width 1024, MLP 4096.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VisionTransformer vit_l_16(@Dim int numClasses) {
    return create(16, 24, 16, 1024, 4096, numClasses);
  }

  /** ViT-L/32 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) VisionTransformer vit_l_32() {
    return vit_l_32(1000);
  }

  /**
   * ViT-L/32: patches of 32, 24 layers, 16 heads, width 1024, MLP 4096.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VisionTransformer vit_l_32(@Dim int numClasses) {
    return create(32, 24, 16, 1024, 4096, numClasses);
  }

  /** ViT-H/14 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) VisionTransformer vit_h_14() {
    return vit_h_14(1000);
  }

  /**
   * ViT-H/14: patches of 14, 32 layers, 16 heads, width 1280, MLP 5120 (632 million parameters,
   * 2.5 GB in float32).
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VisionTransformer vit_h_14(@Dim int numClasses) {
    return create(14, 32, 16, 1280, 5120, numClasses);
  }

  private static VisionTransformer create(long patch, int layers, long heads, long hidden,
      long mlp, int numClasses) {
    ResNet.requirePositive(numClasses);
    long image = 224;
    Conv2d proj = new Conv2d(3, hidden, patch, patch, patch, patch, 0, 0, 1, 1, 1, true);
    Linear head = new Linear(hidden, numClasses);
    try (var ng = Torch.noGrad()) {
      Init.normal_(proj.weight().get(), 0, Math.sqrt(1.0 / (3 * patch * patch)));
      Init.zeros_(proj.bias().get());
      Init.zeros_(head.weight().get());
      Init.zeros_(head.bias().get());
    }
    long seq = (image / patch) * (image / patch) + 1;
    return new VisionTransformer(proj, new Parameter(Torch.zeros(1, 1, hidden)),
        Encoder.create(seq, layers, heads, hidden, mlp, 0.0, 0.0),
        new Sequential(Map.of("head", head)), image, patch);
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.parameter("class_token", classToken);
    v.module("conv_proj", convProj);
    v.module("encoder", encoder);
    v.module("heads", heads);
  }

  /**
   * The class scores.
   *
   * <p>Shape: {@code [B, 3, imageSize, imageSize] -> [B, classes]}.
   *
   * @throws IllegalArgumentException if the images are not {@code imageSize} square
   */
  @Override
  public @Shape({"B", "Classes"}) Tensor forward(
      @Shape({"Classes"}) VisionTransformer this, @Shape({"B", "3", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    long[] s = x.shape();
    if (s.length != 4 || s[2] != imageSize || s[3] != imageSize) {
      throw Arguments.invalid(null, "expected images [B, 3, " + imageSize + ", " + imageSize
          + "], got " + Arrays.toString(s) + "; resize them to " + imageSize + "x"
          + imageSize);
    }
    long n = s[0];
    Tensor patches = convProj.forward(x);
    long hidden = patches.shape()[1];
    Tensor tokens = patches.reshape(n, hidden, -1).permute(0, 2, 1);
    Tensor cls = classToken.get().expand(n, -1, -1);
    Tensor h = encoder.forward(Torch.cat(List.of(cls, tokens), 1));
    return heads.forward(h.select(1, 0));
  }
}
