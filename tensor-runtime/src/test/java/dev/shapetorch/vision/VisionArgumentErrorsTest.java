package dev.shapetorch.vision;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.vision.datasets.DownloadSource;
import dev.shapetorch.vision.models.BasicBlock;
import dev.shapetorch.vision.models.Bottleneck;
import dev.shapetorch.vision.models.LeNet5;
import dev.shapetorch.vision.models.ResNet;
import dev.shapetorch.vision.models.VGG;
import dev.shapetorch.vision.transforms.Compose;
import dev.shapetorch.vision.transforms.Normalize;
import dev.shapetorch.vision.transforms.ToTensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 10 §6 for transforms, models and the download records (found by the fuzzer once it
 * reached dev.shapetorch.vision): a null or invalid argument gets an {@link
 * IllegalArgumentException} that starts with the op the user called and names the parameter.
 */
class VisionArgumentErrorsTest {

  @Test
  void transforms_nullArguments_areNamed() {
    assertStarts("ToTensor.apply: image is null", () -> new ToTensor().apply(null));
    assertStarts("Normalize: std is null", () -> new Normalize(new double[] {0.5}, null));
    assertStarts("Compose.of: transforms[1] is null",
        () -> Compose.of(new ToTensor(), null));
  }

  @Test
  void modelFactories_refuseNoClasses_beforeBuildingAnything() {
    assertStarts("VGG.vgg11: numClasses must be positive, got 0", () -> VGG.vgg11(0));
    assertStarts("ResNet.resnet18: numClasses must be positive, got -1",
        () -> ResNet.resnet18(-1));
    assertStarts("LeNet5.create: numClasses must be positive, got 0", () -> LeNet5.create(0));
    assertStarts("ResNet.resnext101_64x4d: numClasses must be positive, got 0",
        () -> ResNet.resnext101_64x4d(0));
    assertStarts("ResNet.wide_resnet50_2: numClasses must be positive, got -3",
        () -> ResNet.wide_resnet50_2(-3));
    assertStarts("VGG.vgg19_bn: numClasses must be positive, got 0", () -> VGG.vgg19_bn(0));
  }

  @Test
  void bottleneck_refusesSizesThatGiveNoChannels() {
    assertStarts("Bottleneck.create: in (64), planes (0), stride (1), groups (1) and "
        + "widthPerGroup (64) must be positive", () -> Bottleneck.create(64, 0, 1, 1, 64));
    assertStarts("Bottleneck.create: planes 8 with widthPerGroup 4 gives no channels",
        () -> Bottleneck.create(64, 8, 1, 1, 4));
  }

  @Test
  void models_nullInputsAndComponents_areNamedUnderTheModel() {
    // The null input used to be reported by the model's first layer ("Conv2d.forward: ...").
    assertStarts("LeNet5.forward: x is null", () -> LeNet5.create(10).forward(null));
    assertStarts("LeNet5: conv2 is null",
        () -> new LeNet5(LeNet5.create(10).conv1(), null, null, null, null));
  }

  @Test
  void anInnerLayersCheck_isReportedUnderTheModelsFactory() {
    assertStarts("[shape.conv.params] BasicBlock.create: Conv2d: in must be positive, got 0",
        () -> BasicBlock.create(0, 4, 1));
  }

  @Test
  void downloadSource_nullLists_areNamed() {
    assertStarts("DownloadSource: mirrors is null", () -> new DownloadSource(null, List.of()));
  }

  private static void assertStarts(String start, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(start), "expected \"" + start + "\" at the start of: "
        + e.getMessage());
  }
}
