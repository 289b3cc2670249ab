package dev.shapetorch.shapes.rules;

import java.util.List;

/**
 * The shape effect of torchvision's image transforms ({@code dev.shapetorch.vision.transforms}):
 * an image is {@code [C, H, W]}, a batch of images {@code [B, C, H, W]}, a grey image without
 * its channel dim {@code [H, W]}. A transform that sets the spatial size reads it from its type
 * vector ({@code Resize(32, 32)} is a {@code @Shape({"32", "32"}) Resize}), so that a pipeline's
 * output shape, and a grey image given to an RGB model, are known at compile time.
 *
 * <p>Each function takes the transform's op name ({@code "Resize.apply"}), then, for a transform
 * with hyperparameters, its type vector (argument 0), then the image (argument 1, or 0).
 */
public final class ImageRules {
  private ImageRules() {}

  /**
   * {@code ToTensor}: {@code [H, W] -> [1, H, W]} (a grey image gets its channel dim); an image
   * or batch of rank 3 or more is kept; rank 0 and 1 are errors.
   */
  public static ShapeResult<TensorShape> toTensor(String op, TensorShape image) {
    if (image.hasVariadic()) {
      // [1, H, W] and the image itself both fit [..., H, W]
      return ShapeResult.ok(image);
    }
    if (image.rank() < 2) {
      return rank(op, image, 0, "an image [H, W] or [C, H, W], or a batch [*batch, C, H, W]",
          "a 1-D signal is not an image; reshape it to [H, W]");
    }
    if (image.rank() == 2) {
      return ShapeResult.ok(TensorShape.of(List.of(DimExpr.of(1), image.dim(0), image.dim(1))));
    }
    return ShapeResult.ok(image);
  }

  /**
   * {@code Resize} and {@code RandomResizedCrop}: {@code [C, H, W] -> [C, height, width]},
   * {@code [B, C, H, W] -> [B, C, height, width]}. Type vector {@code [height, width]}.
   */
  public static ShapeResult<TensorShape> resize(
      String op, TensorShape transform, TensorShape image) {
    int r = image.rank();
    if (image.hasVariadic() ? r > 4 : r != 3 && r != 4) {
      return rank(op, image, 1, "an image [C, H, W] or a batch [B, C, H, W]",
          r == 2 && !image.hasVariadic()
              ? "add the channel dim first (ToTensor does, or unsqueeze(0))"
              : "reshape it to [C, H, W]");
    }
    return ShapeResult.ok(spatial(transform, image));
  }

  /**
   * {@code CenterCrop}: {@code [*, H, W] -> [*, height, width]} (an image smaller than the crop
   * is padded with zeros first, as torchvision does). Type vector {@code [height, width]}.
   */
  public static ShapeResult<TensorShape> crop(
      String op, TensorShape transform, TensorShape image) {
    if (!image.hasVariadic() && image.rank() < 2) {
      return rank(op, image, 1, "an image [..., H, W]", "reshape it to [H, W]");
    }
    return ShapeResult.ok(spatial(transform, image));
  }

  /**
   * {@code Grayscale}: {@code [*, 1 or 3, H, W] -> [*, n, H, W]}. Type vector {@code [n]}, the
   * output channels (1 or 3).
   */
  public static ShapeResult<TensorShape> grayscale(
      String op, TensorShape transform, TensorShape image) {
    ShapeResult<TensorShape> bad = channelled(op, image, 1);
    if (bad != null) {
      return bad;
    }
    if (image.rank() < 3) {
      // [..., H, W]: the channel dim is somewhere in the prefix
      return ShapeResult.ok(image.rank() == 2
          ? TensorShape.of(TensorShape.ANONYMOUS_VARIADIC,
              List.of(outputChannels(transform), image.dim(0), image.dim(1)))
          : TensorShape.unknownRank());
    }
    DimExpr c = image.dim(image.rank() - 3);
    if (c.isConstant() && !RuleSupport.is(c, 1) && !RuleSupport.is(c, 3)) {
      return RuleSupport.fail(MessageKeys.IMAGE_CHANNELS, op, "image " + image + " has " + c
          + " channels (" + Unifier.dimLabel(image, image.rank() - 3) + "), but a grey"
          + " conversion takes 1 (grey) or 3 (RGB)", 1, image.rank() - 3);
    }
    List<DimExpr> dims = RuleSupport.dimsCopy(image);
    dims.set(dims.size() - 3, outputChannels(transform));
    return ShapeResult.ok(RuleSupport.withDims(image, dims));
  }

  /**
   * {@code Normalize}: {@code [*batch, C, H, W]} kept; the image needs its channel dim (the
   * count of means against {@code C} is checked at run time, where the means are known).
   */
  public static ShapeResult<TensorShape> normalize(String op, TensorShape image) {
    ShapeResult<TensorShape> bad = channelled(op, image, 0);
    return bad != null ? bad : ShapeResult.ok(image);
  }

  /** Flips and other per-pixel transforms of {@code [..., H, W]}: the shape is kept. */
  public static ShapeResult<TensorShape> keep(String op, TensorShape image) {
    if (!image.hasVariadic() && image.rank() < 2) {
      return rank(op, image, 0, "an image [..., H, W]", "reshape it to [H, W]");
    }
    return ShapeResult.ok(image);
  }

  /** The image with its last two dims set from a {@code [height, width]} type vector. */
  private static TensorShape spatial(TensorShape transform, TensorShape image) {
    DimExpr h = DimExpr.UNKNOWN;
    DimExpr w = DimExpr.UNKNOWN;
    if (!transform.hasVariadic() && transform.rank() == 2) {
      h = transform.dim(0);
      w = transform.dim(1);
    }
    List<DimExpr> dims = RuleSupport.dimsCopy(image);
    if (dims.size() >= 2) {
      dims.set(dims.size() - 2, h);
      dims.set(dims.size() - 1, w);
      return RuleSupport.withDims(image, dims);
    }
    // [..., x] or [...]: the spatial dims are the last two, whatever precedes them
    return TensorShape.of(TensorShape.ANONYMOUS_VARIADIC, List.of(h, w));
  }

  private static DimExpr outputChannels(TensorShape transform) {
    return !transform.hasVariadic() && transform.rank() == 1 ? transform.dim(0) : DimExpr.UNKNOWN;
  }

  /** Null if {@code image} is {@code [..., C, H, W]}; the rank mismatch otherwise. */
  private static ShapeResult<TensorShape> channelled(String op, TensorShape image, int argument) {
    if (image.rank() >= 3 || image.hasVariadic()) {
      return null;
    }
    return rank(op, image, argument, "an image [C, H, W] or a batch [*batch, C, H, W]",
        image.rank() == 2 ? "add the channel dim first (ToTensor does, or unsqueeze(0))"
            : "reshape it to [C, H, W]");
  }

  private static ShapeResult<TensorShape> rank(
      String op, TensorShape image, int argument, String want, String hint) {
    return RuleSupport.fail(MessageKeys.RANK, op, "image " + image + " is "
        + RuleSupport.rankOf(image) + ", required " + want + "; " + hint, argument, -1);
  }
}
