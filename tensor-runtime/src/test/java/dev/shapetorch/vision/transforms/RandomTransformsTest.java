package dev.shapetorch.vision.transforms;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.data.SampleRandom;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The random transforms: drawn parameters lie in torchvision's ranges, the result equals the
 * functional call with those parameters, and a seed reproduces the result; plus argument errors.
 */
class RandomTransformsTest {

  private static final Tensor U8 = TransformsGoldenTest.u8();
  private static final Tensor F32 = TransformsGoldenTest.f32();

  private static void assertSame(Tensor expected, Tensor actual) {
    assertThat(actual.shape()).isEqualTo(expected.shape());
    assertThat(actual.dtype()).isEqualTo(expected.dtype());
    assertThat(actual.equal(expected)).isTrue();
  }

  /** Seeds, draws with {@code params}, reseeds and applies: the same draws. */
  private static <T> T drawn(long seed, Supplier<T> params) {
    SampleRandom.seed(seed);
    T p = params.get();
    SampleRandom.seed(seed);
    return p;
  }

  private static void reproducible(Transform t, Tensor image) {
    for (long seed = 0; seed < 5; seed++) {
      SampleRandom.seed(seed);
      Tensor a = t.apply(image);
      SampleRandom.seed(seed);
      assertSame(a, t.apply(image));
    }
  }

  @Test
  void everyRandomTransform_isReproducibleFromTheSeed() {
    List<Transform> all = List.of(
        new RandomResizedCrop(5), new ColorJitter(0.4, 0.4, 0.4, 0.1), new GaussianBlur(3),
        new RandomErasing(), new RandomRotation(30), new RandomAffine(20),
        new RandomPerspective(), new RandomInvert(), new RandomPosterize(3),
        new RandomSolarize(100), new RandomAdjustSharpness(2), new RandomAutocontrast(),
        new RandomEqualize(), new RandomGrayscale(0.5), new RandomVerticalFlip(),
        new RandomApply(List.of(new RandomInvert(1.0))),
        new RandomChoice(List.of(TF::hflip, TF::vflip, TF::invert)),
        new RandomOrder(List.of(new Pad(1), new CenterCrop(6), new Grayscale(3))));
    for (Transform t : all) {
      reproducible(t, U8);
    }
  }

  @Test
  void randomResizedCrop_drawsWindowsInTheImage_andResizesThem() {
    double[] scale = {0.08, 1.0};
    double[] ratio = {3.0 / 4.0, 4.0 / 3.0};
    SampleRandom.seed(1);
    for (int n = 0; n < 500; n++) {
      long[] p = RandomResizedCrop.params(7, 9, scale, ratio);
      assertThat(p[2]).isIn(com.google.common.collect.Range.closed(1L, 7L));
      assertThat(p[3]).isIn(com.google.common.collect.Range.closed(1L, 9L));
      assertThat(p[0] + p[2]).isAtMost(7L);
      assertThat(p[1] + p[3]).isAtMost(9L);
      assertThat(p[0]).isAtLeast(0L);
      assertThat(p[1]).isAtLeast(0L);
    }
    RandomResizedCrop t = new RandomResizedCrop(5);
    for (long seed = 0; seed < 10; seed++) {
      long[] p = drawn(seed, () -> RandomResizedCrop.params(7, 9, scale, ratio));
      assertSame(TF.resizedCrop(U8, p[0], p[1], p[2], p[3], 5, 5), t.apply(U8));
    }
  }

  @Test
  void randomResizedCrop_fallsBackToACentralCropWithinTheRatio() {
    // no area fraction above 1 fits: 10 failed tries, then the centre clamped to ratio 1
    long[] p = RandomResizedCrop.params(4, 10, new double[] {5, 6}, new double[] {1, 1});
    assertThat(p).isEqualTo(new long[] {0, 3, 4, 4});
  }

  @Test
  void colorJitter_drawsFactorsInItsRanges_andAppliesThemInTheDrawnOrder() {
    ColorJitter t = new ColorJitter(0.4, 0.3, 0.2, 0.1);
    SampleRandom.seed(2);
    for (int n = 0; n < 200; n++) {
      double[] p = t.params();
      assertThat(new double[] {p[0], p[1], p[2], p[3]}).usingExactEquality()
          .containsExactly(0, 1, 2, 3);
      assertThat(p[4]).isIn(com.google.common.collect.Range.closed(0.6, 1.4));
      assertThat(p[5]).isIn(com.google.common.collect.Range.closed(0.7, 1.3));
      assertThat(p[6]).isIn(com.google.common.collect.Range.closed(0.8, 1.2));
      assertThat(p[7]).isIn(com.google.common.collect.Range.closed(-0.1, 0.1));
    }
    for (long seed = 0; seed < 5; seed++) {
      double[] p = drawn(seed, t::params);
      Tensor expected = F32;
      for (int i = 0; i < 4; i++) {
        int k = (int) p[i];
        expected = switch (k) {
          case 0 -> TF.adjustBrightness(expected, p[4]);
          case 1 -> TF.adjustContrast(expected, p[5]);
          case 2 -> TF.adjustSaturation(expected, p[6]);
          default -> TF.adjustHue(expected, p[7]);
        };
      }
      assertSame(expected, t.apply(F32));
    }
    double[] skipped = new ColorJitter(0.5).params();
    assertThat(Double.isNaN(skipped[5]) && Double.isNaN(skipped[6]) && Double.isNaN(skipped[7]))
        .isTrue();
  }

  @Test
  void gaussianBlur_drawsSigmaInItsRange() {
    GaussianBlur t = new GaussianBlur(new int[] {3, 5}, new double[] {0.5, 1.5});
    for (long seed = 0; seed < 20; seed++) {
      double s = drawn(seed, t::params);
      assertThat(s).isIn(com.google.common.collect.Range.closed(0.5, 1.5));
      assertSame(TF.gaussianBlur(U8, new int[] {3, 5}, new double[] {s, s}), t.apply(U8));
    }
  }

  @Test
  void randomRotation_drawsAnAngleInItsRange() {
    RandomRotation t = new RandomRotation(new double[] {-10, 40}, InterpolationMode.BILINEAR,
        true, null, new double[] {0.5});
    for (long seed = 0; seed < 20; seed++) {
      double angle = drawn(seed, t::params);
      assertThat(angle).isIn(com.google.common.collect.Range.closed(-10.0, 40.0));
      assertSame(TF.rotate(F32, angle, InterpolationMode.BILINEAR, true, null,
          new double[] {0.5}), t.apply(F32));
    }
  }

  @Test
  void randomAffine_drawsItsParametersInTheirRanges() {
    RandomAffine t = new RandomAffine(new double[] {-15, 15}, new double[] {0.2, 0.3},
        new double[] {0.8, 1.2}, new double[] {-5, 5, 0, 10}, InterpolationMode.NEAREST,
        new double[] {0}, null);
    for (long seed = 0; seed < 20; seed++) {
      double[] p = drawn(seed, () -> t.params(9, 7));
      assertThat(p[0]).isIn(com.google.common.collect.Range.closed(-15.0, 15.0));
      assertThat(Math.abs(p[1])).isAtMost(Math.rint(0.2 * 9));
      assertThat(Math.abs(p[2])).isAtMost(Math.rint(0.3 * 7));
      assertThat(p[1]).isEqualTo(Math.rint(p[1]));
      assertThat(p[3]).isIn(com.google.common.collect.Range.closed(0.8, 1.2));
      assertThat(p[4]).isIn(com.google.common.collect.Range.closed(-5.0, 5.0));
      assertThat(p[5]).isIn(com.google.common.collect.Range.closed(0.0, 10.0));
      assertSame(TF.affine(U8, p[0], new double[] {p[1], p[2]}, p[3],
          new double[] {p[4], p[5]}, InterpolationMode.NEAREST, new double[] {0}, null),
          t.apply(U8));
    }
  }

  @Test
  void randomErasing_drawsARectangleInsideTheImage_andFillsIt() {
    double[] scale = {0.02, 0.33};
    double[] ratio = {0.3, 3.3};
    SampleRandom.seed(3);
    for (int n = 0; n < 300; n++) {
      long[] r = RandomErasing.params(7, 9, scale, ratio);
      if (r != null) {
        assertThat(r[2]).isLessThan(7L);
        assertThat(r[3]).isLessThan(9L);
        assertThat(r[0] + r[2]).isAtMost(7L);
        assertThat(r[1] + r[3]).isAtMost(9L);
      }
    }
    RandomErasing t = new RandomErasing(1.0, scale, ratio, new double[] {1, 2, 3});
    for (long seed = 0; seed < 10; seed++) {
      SampleRandom.seed(seed);
      SampleRandom.current().nextDouble(); // the coin
      long[] r = RandomErasing.params(7, 9, scale, ratio);
      SampleRandom.seed(seed);
      Tensor y = t.apply(U8);
      Tensor expected = r == null ? U8
          : TF.erase(U8, r[0], r[1], r[2], r[3], Torch.fromArray(new double[] {1, 2, 3}, 3, 1, 1));
      assertSame(expected, y);
    }
  }

  @Test
  void randomPerspective_movesEachCornerInwardsWithinTheDistortion() {
    for (long seed = 0; seed < 50; seed++) {
      SampleRandom.seed(seed);
      int[][][] p = RandomPerspective.params(9, 7, 0.5);
      int[][] end = p[1];
      // dx = int(0.5 * 4) = 2, dy = int(0.5 * 3) = 1
      assertThat(end[0][0]).isIn(com.google.common.collect.Range.closed(0, 2));
      assertThat(end[0][1]).isIn(com.google.common.collect.Range.closed(0, 1));
      assertThat(end[1][0]).isIn(com.google.common.collect.Range.closed(6, 8));
      assertThat(end[2][1]).isIn(com.google.common.collect.Range.closed(5, 6));
      assertThat(end[3][0]).isIn(com.google.common.collect.Range.closed(0, 2));
    }
    RandomPerspective t = new RandomPerspective(0.5, 1.0, InterpolationMode.BILINEAR,
        new double[] {0});
    SampleRandom.seed(4);
    SampleRandom.current().nextDouble();
    int[][][] p = RandomPerspective.params(9, 7, 0.5);
    SampleRandom.seed(4);
    assertSame(TF.perspective(F32, p[0], p[1], InterpolationMode.BILINEAR, new double[] {0}),
        t.apply(F32));
  }

  @Test
  void probabilityTransforms_applyTheirFunctionAtOne_andKeepTheImageAtZero() {
    assertSame(TF.invert(U8), new RandomInvert(1).apply(U8));
    assertSame(TF.posterize(U8, 2), new RandomPosterize(2, 1).apply(U8));
    assertSame(TF.solarize(F32, 0.3), new RandomSolarize(0.3, 1).apply(F32));
    assertSame(TF.adjustSharpness(U8, 3), new RandomAdjustSharpness(3, 1).apply(U8));
    assertSame(TF.autocontrast(U8), new RandomAutocontrast(1).apply(U8));
    assertSame(TF.equalize(U8), new RandomEqualize(1).apply(U8));
    assertSame(TF.rgbToGrayscale(U8, 3), new RandomGrayscale(1).apply(U8));
    assertSame(TF.vflip(U8), new RandomVerticalFlip(1).apply(U8));
    assertSame(TF.invert(U8), new RandomApply(List.of(TF::invert), 1).apply(U8));
    for (Transform t : List.<Transform>of(new RandomInvert(0), new RandomPosterize(2, 0),
        new RandomSolarize(10, 0), new RandomAdjustSharpness(3, 0), new RandomAutocontrast(0),
        new RandomEqualize(0), new RandomGrayscale(0), new RandomVerticalFlip(0),
        new RandomApply(List.of(TF::invert), 0), new RandomErasing(0, new double[] {0.1, 0.2},
            new double[] {1, 2}, new double[] {0}))) {
      assertSame(U8, t.apply(U8));
    }
  }

  @Test
  void randomOrderAndChoice_useEveryTransform() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    SampleRandom.seed(9);
    Transform choice = new RandomChoice(List.of(TF::hflip, TF::vflip));
    Transform order = new RandomOrder(List.of(new Lambda(x -> x.add(1.0)), new Lambda(x -> x.mul(2.0))));
    Tensor one = Torch.fromArray(new float[] {1}, 1, 1, 1);
    for (int n = 0; n < 40; n++) {
      seen.add(choice.apply(U8).equal(TF.hflip(U8)) ? "h" : "v");
      seen.add("order" + order.apply(one).item()); // (1+1)*2 = 4 or 1*2+1 = 3
    }
    assertThat(seen).containsExactly("h", "v", "order4.0", "order3.0");
  }

  @Test
  void deterministicTransforms_callTheirFunction() {
    assertSame(TF.centerCrop(U8, 4, 5), new CenterCrop(4, 5).apply(U8));
    assertSame(TF.pad(U8, new long[] {1, 2}, 0, PaddingMode.REFLECT),
        new Pad(new long[] {1, 2}, 0, PaddingMode.REFLECT).apply(U8));
    assertSame(TF.rgbToGrayscale(U8), new Grayscale().apply(U8));
    assertSame(TF.convertImageDtype(U8, DType.FLOAT32), new ConvertImageDtype(DType.FLOAT32).apply(U8));
    assertThat(new FiveCrop(3).apply(U8).shape()).isEqualTo(new long[] {5, 3, 3, 3});
    assertThat(new TenCrop(3).apply(U8).shape()).isEqualTo(new long[] {10, 3, 3, 3});
    Tensor batch = Torch.stack(List.of(U8, U8), 0);
    assertThat(new CenterCrop(4).apply(batch).shape()).isEqualTo(new long[] {2, 3, 4, 4});
    long d = 3 * 7 * 9;
    Tensor eye = Torch.eye(d);
    Tensor mean = Torch.fullLike(Torch.zeros(d), 0.5);
    assertSame(F32.sub(0.5), new LinearTransformation(eye, mean).apply(F32));
  }

  private static void fails(String prefix, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertThat(x).hasMessageThat().startsWith(prefix);
  }

  @Test
  void argumentErrors_nameTheClassAndTheValue() {
    fails("CenterCrop: sizes must be positive, got -1x3", () -> new CenterCrop(-1, 3));
    fails("Pad: padding must have 1, 2 or 4 values", () -> new Pad(new long[] {1, 2, 3}, 0,
        PaddingMode.CONSTANT));
    fails("ColorJitter: a single brightness must be >= 0, got -0.1",
        () -> new ColorJitter(-0.1));
    fails("ColorJitter: a single hue must be in [0, 0.5], got 0.6",
        () -> new ColorJitter(0, 0, 0, 0.6));
    fails("ColorJitter: hue must be [min, max] with -0.5 <= min <= max <= 0.5",
        () -> new ColorJitter(new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1},
            new double[] {-0.6, 0}));
    fails("GaussianBlur: kernelSize must be positive and odd, got [4]",
        () -> new GaussianBlur(4));
    fails("GaussianBlur: sigma must be [min, max]",
        () -> new GaussianBlur(new int[] {3}, new double[] {2, 1}));
    fails("RandomResizedCrop: scale must be [min, max]",
        () -> new RandomResizedCrop(4, 4, new double[] {1, 0.5}, new double[] {1, 1}));
    fails("RandomErasing: scale must be [min, max] with 0.0 <= min <= max <= 1.0",
        () -> new RandomErasing(0.5, new double[] {0.1, 1.5}, new double[] {1, 2}, null));
    fails("RandomRotation: a single degrees must be >= 0", () -> new RandomRotation(-3));
    fails("RandomAffine: translate must be [a, b] with values in [0, 1]",
        () -> new RandomAffine(new double[] {0, 0}, new double[] {0.5, 2}, null, null,
            InterpolationMode.NEAREST, new double[] {0}, null));
    fails("RandomPosterize: bits must be in 0..8, got 9", () -> new RandomPosterize(9));
    fails("RandomInvert: p must be a probability in [0, 1], got 1.5",
        () -> new RandomInvert(1.5));
    fails("RandomPerspective: distortionScale must be in [0, 1]",
        () -> new RandomPerspective(2, 0.5, InterpolationMode.BILINEAR, new double[] {0}));
    fails("Grayscale: numOutputChannels must be 1 or 3, got 2", () -> new Grayscale(2));
    fails("FiveCrop: sizes must be positive", () -> new FiveCrop(0));
    fails("TF.fiveCrop: a 8x4 crop must be positive and fit in the image",
        () -> TF.fiveCrop(U8, 8, 4));
    fails("TF.adjustBrightness: brightnessFactor must be >= 0, got -1.0",
        () -> TF.adjustBrightness(U8, -1));
    fails("TF.adjustHue: hueFactor must be in [-0.5, 0.5], got 0.7", () -> TF.adjustHue(U8, 0.7));
    fails("TF.gaussianBlur: kernelSize must be positive and odd, got [2, 3]",
        () -> TF.gaussianBlur(U8, new int[] {2, 3}, new double[] {1}));
    fails("TF.posterize: expects a uint8 image", () -> TF.posterize(F32, 2));
    fails("TF.equalize: expects a uint8 image", () -> TF.equalize(F32));
    fails("TF.solarize: threshold must be at most 1.0", () -> TF.solarize(F32, 2));
    fails("TF.affine: scale must be positive, got 0.0",
        () -> TF.affine(U8, 0, new double[] {0, 0}, 0, new double[] {0}));
    fails("TF.rotate: give one fill value or one per channel (3)",
        () -> TF.rotate(U8, 10, InterpolationMode.NEAREST, false, null, new double[] {1, 2}));
    fails("TF.convertImageDtype: the cast from", () -> TF.convertImageDtype(F32, DType.INT64));
    fails("TF.adjustContrast: expects [1 or 3] channels", () -> TF.adjustContrast(Torch.zeros(2, 4, 4), 1));
    fails("RandomRotation: expects an image [C, H, W] or a batch [B, C, H, W], got shape [2, 3]",
        () -> new RandomRotation(10).apply(Torch.zeros(2, 3)));
    fails("RandomEqualize: expects a uint8 image", () -> new RandomEqualize(1).apply(F32));
    fails("TF.resize: sizes must be positive, got -1x2", () -> TF.resize(U8, -1, 2));
    fails("LinearTransformation: transformationMatrix must be square",
        () -> new LinearTransformation(Torch.zeros(2, 3), Torch.zeros(2)));
  }
}
