package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Surface;
import dev.shapetorch.shapes.Variant;

/**
 * ShapeTorch's {@code torch.linalg}: inverses and solves ({@code inv}, {@code det}, {@code
 * solve}), decompositions ({@code cholesky}, {@code qr}, {@code eigh}, {@code svd}) and norms
 * ({@code matrixNorm}, {@code vectorNorm}), reachable as {@code Linalg.name}. The ops are
 * declared once each in {@link LinalgInverseOps}, {@link LinalgDecompositionOps} and {@link
 * LinalgNormOps} and generated into this class with their runtime guard.
 *
 * <pre>{@code
 * Tensor a = Torch.randn(4, 3, 3);              // a batch of 4 matrices
 * Tensor b = Torch.randn(4, 3, 2);
 * Tensor x = Linalg.solve(a, b);                // [4, 3, 2]: a @ x == b
 * SvdDecomposition usv = Linalg.svd(a);         // u [4, 3, 3], s [4, 3], vh [4, 3, 3]
 * }</pre>
 *
 * <p>Shape: each op documents its own and checks it before libtorch runs; a non-square matrix
 * where a square one is needed is a {@link ShapeException} naming the {@code Linalg} op. A
 * singular or non-positive-definite matrix is a {@link TorchException} naming the op.
 */
@Surface(name = "Linalg", variant = Variant.LINALG)
abstract class LinalgBase {

  LinalgBase() {}
}
