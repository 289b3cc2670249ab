package lib;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;

/** Stand-in for nn.Conv2d; its type lists (Cin, Cout, KH, KW, SH, SW, PH, PW, DH, DW). */
public final class Conv2d {
  public @Shape({"in", "out", "k", "k", "1", "1", "0", "0", "1", "1"}) Conv2d(
      @Dim long in, @Dim long out, @Dim long k) {}

  public @Shape({"in", "out", "k", "k", "s", "s", "p", "p", "1", "1"}) Conv2d(
      @Dim long in, @Dim long out, @Dim long k, @Dim long s, @Dim long p) {}

  public @Shape({"N", "Cout", "(H+2*PH-DH*(KH-1)-1)/SH+1", "(W+2*PW-DW*(KW-1)-1)/SW+1"}) Tensor forward(
      @Shape({"Cin", "Cout", "KH", "KW", "SH", "SW", "PH", "PW", "DH", "DW"}) Conv2d this,
      @Shape({"N", "Cin", "H", "W"}) Tensor input) {
    return new Tensor();
  }
}
