package dev.shapetorch.tensor;

/** How {@link Torch#pad} fills the border: PyTorch's {@code mode} strings of {@code F.pad}. */
public enum PadMode {
  /** With a constant value ({@code "constant"}). */
  CONSTANT("constant"),
  /** Mirrored, without repeating the edge ({@code "reflect"}). */
  REFLECT("reflect"),
  /** Repeating the edge value ({@code "replicate"}). */
  REPLICATE("replicate"),
  /** Wrapping around ({@code "circular"}). */
  CIRCULAR("circular");

  private final String pytorchName;

  PadMode(String pytorchName) {
    this.pytorchName = pytorchName;
  }

  /** PyTorch's name, e.g. {@code "reflect"}. */
  public String pytorchName() {
    return pytorchName;
  }
}
