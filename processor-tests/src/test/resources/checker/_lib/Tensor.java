package lib;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;

/** Stand-in for dev.shapetorch.tensor.Tensor, annotated as the runtime annotates its ops. */
public final class Tensor {
  @ShapeRule(Rule.BROADCAST) public Tensor add(Tensor other) { return new Tensor(); }
  @ShapeRule(Rule.BROADCAST) public Tensor sub(Tensor other) { return new Tensor(); }
  @ShapeRule(Rule.BROADCAST) public Tensor mul(Tensor other) { return new Tensor(); }
  public @Shape({"*s"}) Tensor mul(@Shape({"*s"}) Tensor this, double other) { return new Tensor(); }
  public @Shape({"*s"}) Tensor relu(@Shape({"*s"}) Tensor this) { return new Tensor(); }
  @ShapeRule(Rule.MATMUL) public Tensor matmul(Tensor other) { return new Tensor(); }
  public @Shape({"M", "N"}) Tensor mm(@Shape({"M", "K"}) Tensor this, @Shape({"K", "N"}) Tensor other) { return new Tensor(); }
  @ShapeRule(Rule.RESHAPE) public Tensor view(long... shape) { return new Tensor(); }
  @ShapeRule(Rule.RESHAPE) public Tensor reshape(long... shape) { return new Tensor(); }
  @ShapeRule(Rule.FLATTEN) public Tensor flatten(int startDim, int endDim) { return new Tensor(); }
  @ShapeRule(value = Rule.FLATTEN, args = {"this", "0", "-1"}) public Tensor flatten() { return new Tensor(); }
  @ShapeRule(Rule.SQUEEZE_DIM) public Tensor squeeze(int dim) { return new Tensor(); }
  @ShapeRule(Rule.UNSQUEEZE) public Tensor unsqueeze(int dim) { return new Tensor(); }
  @ShapeRule(Rule.TRANSPOSE) public Tensor transpose(int dim0, int dim1) { return new Tensor(); }
  @ShapeRule(Rule.T) public Tensor t() { return new Tensor(); }
  @ShapeRule(Rule.PERMUTE) public Tensor permute(int... dims) { return new Tensor(); }
  @ShapeRule(Rule.REDUCE_ALL) public @Shape({}) Tensor sum() { return new Tensor(); }
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "keepdim"}) public Tensor sum(int dim, boolean keepdim) { return new Tensor(); }
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "false"}) public Tensor argmax(int dim) { return new Tensor(); }
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"this", "dim", "false"}) public Tensor mean(int dim) { return new Tensor(); }
  @ShapeRule(Rule.ALONG_DIM) public Tensor softmax(int dim) { return new Tensor(); }
  public long size(int dim) { return 0; }
}
