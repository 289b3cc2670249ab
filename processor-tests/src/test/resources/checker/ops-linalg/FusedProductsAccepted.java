import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The fused products and matrix functions carry their operands' sizes: addmm is [N, P] for
 * [N, K] x [K, P], baddbmm keeps the batch, addbmm sums it away, trace is a scalar, the square
 * matrix functions keep their shape, cov is [V, V].
 */
class FusedProductsAccepted {
  void use(Tensor bias, @Shape({"N", "K"}) Tensor x, @Shape({"K", "P"}) Tensor w,
      @Shape({"B", "N", "K"}) Tensor xb, @Shape({"B", "K", "P"}) Tensor wb,
      @Shape({"*b", "M", "M"}) Tensor sq, @Shape({"V", "T"}) Tensor obs, @Shape({"K"}) Tensor v) {
    @Shape({"N", "P"}) Tensor y = Torch.addmm(bias, x, w);
    @Shape({"N", "P"}) Tensor scaled = bias.addmm(x, w, 0.5, 2.0);
    @Shape({"B", "N", "P"}) Tensor batched = Torch.baddbmm(bias, xb, wb);
    @Shape({"N", "P"}) Tensor summed = Torch.addbmm(bias, xb, wb);
    @Shape({"N"}) Tensor mv = Torch.addmv(bias, x, v);
    @Shape({"3", "K"}) Tensor outer = Torch.addr(bias, Torch.zeros(3), v);
    @Shape({}) Tensor tr = Torch.trace(x);
    @Shape({"*b", "M", "M"}) Tensor cube = Torch.matrixPower(sq, 3);
    @Shape({"*b"}) Tensor ld = sq.logdet();
    @Shape({"V", "V"}) Tensor c = Torch.cov(obs);
  }
}
