package dev.shapetorch.vision;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.vision.datasets.DownloadSource;
import dev.shapetorch.vision.models.BasicBlock;
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
