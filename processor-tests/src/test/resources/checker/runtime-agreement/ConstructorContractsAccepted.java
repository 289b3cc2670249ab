import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.conv.Conv1d;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.conv.ConvTranspose2d;
import dev.shapetorch.nn.normalization.GroupNorm;
import dev.shapetorch.shapes.Shape;

/**
 * Constructor contracts that hold, and arguments the checker does not know: never an error on
 * their own (an unknown never errs alone); the run time checks them (SpecTest in tensor-runtime).
 */
class ConstructorContractsAccepted {
  final @Shape({"4", "6", "2", "2", "1", "1", "0", "0", "1", "1"}) Conv2d grouped =
      new Conv2d(4, 6, 2, 2, 1, 1, 0, 0, 1, 1, 2, true);
  final @Shape({"3", "4", "3", "3", "1", "1", "1", "1", "1", "1"}) Conv2d padded =
      new Conv2d(3, 4, 3, 1, 1);
  final @Shape({"4", "8", "3", "1", "1", "1"}) Conv1d depthwise =
      new Conv1d(4, 8, 3, 1, 1, 1, 4, false);
  final @Shape({"3", "4", "3", "3", "2", "2", "1", "1", "1", "1", "1", "1"}) ConvTranspose2d up =
      new ConvTranspose2d(3, 4, 3, 2, 1, 1);
  final @Shape({"6", "2"}) GroupNorm gn = new GroupNorm(2, 6);
  final @Shape({"8", "4", "0"}) MultiheadAttention attention = new MultiheadAttention(8, 4);

  void unknownArguments(int channels, int kernel, int groups, int padding, int heads) {
    new Conv2d(channels, 6, 2, 2, 1, 1, 0, 0, 1, 1, groups, true);
    new Conv2d(3, 4, kernel);
    new Conv2d(3, 4, 3, 1, padding);
    new GroupNorm(groups, channels);
    new MultiheadAttention(channels, heads);
  }
}
