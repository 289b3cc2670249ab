package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.internal.NativeLibrary;
import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.InferenceMode;

/**
 * Autograd's modes ({@code Torch.noGrad}, {@code enableGrad}, {@code setGradEnabled}, {@code
 * inferenceMode}), gradient hooks ({@code x.registerHook}), {@code x.detach()}, and the escape
 * hatch from JavaCPP ({@code Torch.wrap}). Declarations ({@link Variants}); the public forms are
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

  /**
   * Opens a scope in which autograd records ops again, as {@code torch.enable_grad()}: inside a
   * {@link Torch#noGrad()} scope, it turns recording back on until closed.
   */
  @Variants(Variant.FUNCTION)
  static GradModeScope enableGrad() {
    return new GradModeScope(true, "Torch.enableGrad");
  }

  /**
   * Opens a scope in which autograd records ops if {@code enabled} and records nothing if not, as
   * {@code torch.set_grad_enabled(enabled)}. Closing it restores the previous mode; as with
   * PyTorch's function form, a scope never closed leaves the mode set on this thread.
   */
  @Variants(Variant.FUNCTION)
  static GradModeScope setGradEnabled(boolean enabled) {
    return new GradModeScope(enabled, "Torch.setGradEnabled");
  }

  /**
   * Opens a scope of libtorch's inference mode, as {@code torch.inference_mode()}: no graph and
   * no version counters; the tensors made inside are inference tensors ({@link
   * InferenceModeScope}).
   */
  @Variants(Variant.FUNCTION)
  static InferenceModeScope inferenceMode() {
    return new InferenceModeScope(true);
  }

  /**
   * Opens a scope that enters inference mode if {@code enabled} and leaves an enclosing one if
   * not, as {@code torch.inference_mode(mode)}.
   */
  @Variants(Variant.FUNCTION)
  static InferenceModeScope inferenceMode(boolean enabled) {
    return new InferenceModeScope(enabled);
  }

  /** True inside an {@link Torch#inferenceMode()} scope, as {@code torch.is_inference_mode_enabled()}. */
  @Variants(Variant.FUNCTION)
  static boolean isInferenceModeEnabled() {
    NativeLibrary.ensureLoaded();
    return InferenceMode.is_enabled();
  }

  /**
   * True if this tensor was made in inference mode, as {@code x.is_inference()}: it can never
   * take part in autograd.
   */
  @Variants(Variant.METHOD)
  static boolean isInference(Tensor self) {
    return self.h().__dispatch_is_inference();
  }

  /**
   * Registers a function that autograd calls with this tensor's gradient whenever one is
   * computed, as {@code x.register_hook(hook)}. The function may return a replacement of the
   * same shape (the gradient that flows on and accumulates), or {@code null} to leave it as it
   * is. Tensors it creates are freed when it returns; an exception it throws stops the backward
   * pass and is thrown, as it was, by {@code backward()} or {@link Autograd#grad}. The hook stays
   * until the handle removes it or this tensor is freed (its scope closes, or {@code close()}).
   *
   * <p>Shape: the returned gradient has this tensor's shape (checked at run time, {@code
   * [shape.mismatch.hook]}).
   *
   * @return the handle that removes the hook
   * @throws IllegalStateException if this tensor does not require gradient
   */
  @Variants(Variant.METHOD)
  static RemovableHandle registerHook(Tensor self, UnaryOperator<Tensor> hook) {
    return GradientHook.register(self, hook);
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
