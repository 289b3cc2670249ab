package dev.shapetorch.nn;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs before a module's {@code forward}: PyTorch's forward pre-hook, {@code hook(module, args)},
 * registered with {@link AbstractModule#registerForwardPreHook}.
 *
 * <pre>{@code
 * conv.registerForwardPreHook((m, args) -> List.of(((Tensor) args.get(0)).clamp(-1, 1)));
 * }</pre>
 *
 * <p>Shape: a replacement argument must be one the module's {@code forward} accepts; the module
 * checks it as it checks any input.
 */
@FunctionalInterface
public interface ForwardPreHook {

  /**
   * Looks at, or replaces, the arguments of one call.
   *
   * @param module the module being called
   * @param args the positional arguments of {@code forward}, in order (unmodifiable; an absent
   *     optional argument, such as a mask, is null)
   * @return null to keep the arguments, or replacements: as many, each of its argument's class
   */
  @Nullable List<?> apply(Module module, List<Object> args);
}
