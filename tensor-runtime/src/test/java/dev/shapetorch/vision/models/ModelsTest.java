package dev.shapetorch.vision.models;

import static com.google.common.truth.Truth.assertThat;

import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** torchvision's names and parameter counts, and output shapes. */
class ModelsTest {

  private static long count(Module m) {
    long n = 0;
    for (Parameter p : m.parameters()) {
      n += p.get().numel();
    }
    return n;
  }

  @Test
  void lenet5_hasTutorialNames_61706Parameters_andMapsImagesToLogits() {
    LeNet5 net = LeNet5.create(10);
    assertThat(net.namedParameters().keySet()).containsExactly("conv1.weight", "conv1.bias",
        "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias",
        "fc3.weight", "fc3.bias").inOrder();
    assertThat(count(net)).isEqualTo(61_706);
    assertThat(net.forward(Torch.randn(3, 1, 28, 28)).shape()).isEqualTo(new long[] {3, 10});
  }

  @Test
  void resnet18_matchesTorchvision() {
    ResNet net = ResNet.resnet18(1000);
    assertThat(count(net)).isEqualTo(11_689_512);
    assertThat(net.parameters()).hasSize(62);
    assertThat(net.stateDict()).hasSize(122);
    List<String> names = List.copyOf(net.stateDict().keySet());
    assertThat(names.subList(0, 7)).containsExactly("conv1.weight", "bn1.weight", "bn1.bias",
        "bn1.running_mean", "bn1.running_var", "bn1.num_batches_tracked",
        "layer1.0.conv1.weight").inOrder();
    assertThat(names).containsAtLeast("layer2.0.downsample.0.weight",
        "layer2.0.downsample.1.running_var", "layer4.1.bn2.bias", "fc.weight", "fc.bias");
    assertThat(names).doesNotContain("layer1.0.downsample.0.weight");
    assertThat(names.get(names.size() - 1)).isEqualTo("fc.bias");
    assertThat(net.stateDict().get("layer3.0.downsample.0.weight").shape())
        .isEqualTo(new long[] {256, 128, 1, 1});
  }

  @Test
  void resnet34_matchesTorchvision_andClassifiesSmallImages() {
    ResNet net = ResNet.resnet34(10);
    assertThat(net.parameters()).hasSize(110);
    assertThat(net.stateDict()).hasSize(218);
    assertThat(count(ResNet.resnet34(1000))).isEqualTo(21_797_672);
    net.eval();
    try (NoGradScope ng = Torch.noGrad()) {
      Tensor out = net.forward(Torch.randn(2, 3, 32, 32));
      assertThat(out.shape()).isEqualTo(new long[] {2, 10});
    }
    assertThat(net.namedModules().keySet()).containsAtLeast("layer3.5", "layer3.5.relu",
        "layer4.0.downsample", "avgpool");
  }

  @Test
  void vgg11_matchesTorchvision() {
    VGG net = VGG.vgg11(1000);
    assertThat(count(net)).isEqualTo(132_863_336);
    assertThat(net.namedParameters().keySet()).containsExactly(
        "features.0.weight", "features.0.bias", "features.3.weight", "features.3.bias",
        "features.6.weight", "features.6.bias", "features.8.weight", "features.8.bias",
        "features.11.weight", "features.11.bias", "features.13.weight", "features.13.bias",
        "features.16.weight", "features.16.bias", "features.18.weight", "features.18.bias",
        "classifier.0.weight", "classifier.0.bias", "classifier.3.weight", "classifier.3.bias",
        "classifier.6.weight", "classifier.6.bias").inOrder();
    net.eval();
    try (NoGradScope ng = Torch.noGrad()) {
      assertThat(net.forward(Torch.randn(1, 3, 32, 32)).shape()).isEqualTo(new long[] {1, 1000});
    }
    assertThat(net.classifier().get(6).toString()).contains("4096");
  }
}
