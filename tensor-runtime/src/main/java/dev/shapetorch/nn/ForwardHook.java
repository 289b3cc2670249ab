package dev.shapetorch.nn;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs after a module's {@code forward}: PyTorch's forward hook, {@code hook(module, args,
 * output)}, registered with {@link AbstractModule#registerForwardHook}. The usual use is to
 * record intermediate activations:
 *
 * <pre>{@code
 * Map<String, Tensor> activations = new HashMap<>();
 * model.fc1().registerForwardHook((m, args, out) -> {
 *   activations.put("fc1", ((Tensor) out).detach());
 *   return null;
 * });
 * }</pre>
 *
 * <p>Shape: a replacement output is returned to the caller as it is; it should have the shape
 * the module's {@code forward} declares, since the checker relies on that declaration.
 */
@FunctionalInterface
public interface ForwardHook {

  /**
   * Looks at, or replaces, the result of one call.
   *
   * @param module the module that was called
   * @param args the arguments {@code forward} received (after any pre-hook), unmodifiable
   * @param output what {@code forward} returned (after any earlier forward hook)
   * @return null to keep the output, or a replacement of the output's class
   */
  @Nullable Object apply(Module module, List<Object> args, Object output);
}
