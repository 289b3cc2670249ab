import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.Torch;

/** A convolution's bias has one value per out-channel; any other reached libtorch before. */
class ConvBiasRejected {
  void use() {
    // :: error: (shape.mismatch.conv.channels) F.conv2d: bias [5] must be 1-D [6], one value per out-channel: weight [6, 1, 5, 5] has 6 out-channels (dim 0); pass a bias of 6 values or null
    F.conv2d(Torch.zeros(1, 1, 8, 8), Torch.zeros(6, 1, 5, 5), Torch.zeros(5));
    // :: error: (shape.mismatch.conv.channels) Torch.conv1d: bias [2] must be 1-D [4], one value per out-channel: weight [4, 2, 3] has 4 out-channels (dim 0); pass a bias of 4 values or null
    Torch.conv1d(Torch.zeros(1, 2, 8), Torch.zeros(4, 2, 3), Torch.zeros(2), 1, 0, 1, 1);
    // :: error: (shape.mismatch.conv.channels) F.convTranspose2d: bias [3] must be 1-D [6], one value per out-channel: weight [4, 3, 3, 3] with 2 group(s) has 6 out-channels (dim 1 x groups); pass a bias of 6 values or null
    F.convTranspose2d(Torch.zeros(1, 4, 5, 5), Torch.zeros(4, 3, 3, 3), Torch.zeros(3), new long[] {1, 1}, new long[] {0, 0}, new long[] {0, 0}, 2, new long[] {1, 1});
    // :: error: (shape.mismatch.conv.channels) Torch.conv2d: bias [1, 6]
    Torch.conv2d(Torch.zeros(1, 1, 8, 8), Torch.zeros(6, 1, 5, 5), Torch.zeros(1, 6), new long[] {1, 1}, new long[] {0, 0}, new long[] {1, 1}, 1);
  }
}
