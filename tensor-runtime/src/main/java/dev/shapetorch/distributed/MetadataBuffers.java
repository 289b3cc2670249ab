package dev.shapetorch.distributed;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The int64 tensors the shape agreement all-gathers through, allocated once per group and
 * reused (the group's collectives run one at a time), so that the check costs one small
 * all-gather and two memory copies, no tensor allocation.
 */
final class MetadataBuffers implements AutoCloseable {

  private final Tensor in;
  private final Tensor[] outs;
  private final TensorVector inVector;
  private final TensorVector outVector;

  MetadataBuffers(int world, int slots) {
    TensorOptions longs = new TensorOptions(ScalarType.Long);
    in = torch.zeros(new long[] {slots}, longs);
    outs = new Tensor[world];
    outVector = new TensorVector();
    for (int r = 0; r < world; r++) {
      outs[r] = torch.zeros(new long[] {slots}, longs);
      outVector.push_back(outs[r]);
    }
    inVector = new TensorVector(in);
  }

  /** Writes this rank's record into the input buffer. */
  void put(long[] record) {
    new LongPointer(in.data_ptr()).put(record);
  }

  /** Rank {@code r}'s record, after the all-gather. */
  long[] get(int r, int slots) {
    long[] v = new long[slots];
    new LongPointer(outs[r].data_ptr()).get(v);
    return v;
  }

  TensorVector in() {
    return inVector;
  }

  TensorVector outs() {
    return outVector;
  }

  @Override
  public void close() {
    inVector.close();
    outVector.close();
    in.close();
    for (Tensor t : outs) {
      t.close();
    }
  }
}
