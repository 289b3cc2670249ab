package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.GradMode;

/**
 * Autograd's mode, {@code x.detach()}, and the escape hatch from JavaCPP: {@code Torch.noGrad},
 * {@code Torch.isGradEnabled}, {@code Torch.wrap}. Declarations ({@link Variants}); the public forms are
 * generated into {@link Torch}
 * and {@link Tensor}.
 */
final class AutogradOps {
  private AutogradOps() {}

  /**
   * Opens a scope in which autograd records nothing, as {@code torch.no_grad()}: use it with
   * try-with-resources.
   */
  @Variants(Variant.FUNCTION)
  static NoGradScope noGrad() {
    return new NoGradScope();
  }

  /** True if autograd records ops on the current thread (false inside {@link Torch#noGrad()}). */
  @Variants(Variant.FUNCTION)
  static boolean isGradEnabled() {
    return GradMode.is_enabled();
  }

  /**
   * Wraps a tensor made with JavaCPP directly (the counterpart of {@link Tensor#unwrap()}): the
   * new {@code Tensor} takes ownership of {@code handle}, belongs to the current {@link
   * TensorScope}, and frees {@code handle} when it is freed.
   *
   * @throws IllegalArgumentException if {@code handle} is null or an undefined tensor
   */
  @Variants(Variant.FUNCTION)
  static Tensor wrap(org.bytedeco.pytorch.Tensor handle) {
    if (handle == null || handle.isNull() || !handle.defined()) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.wrap") + ": the handle is null or an undefined tensor");
    }
    return Tensor.wrap(handle);
  }

  /**
   * The same values, cut from the autograd graph, as {@code x.detach()}; shares memory.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.METHOD)
  static @Shape({"*s"}) Tensor detach(@Shape({"*s"}) Tensor self) {
    return Tensor.wrap(self.h().detach());
  }
}
