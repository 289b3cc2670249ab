package dev.shapetorch.differential;

import dev.shapetorch.differential.GeneratedSource.Site;
import dev.shapetorch.differential.Program.Param;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.TorchException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs a compiled program: builds its nested class (its fields' initialisers run then), calls
 * {@code run} with tensors of the declared shapes inside a {@link TensorScope}, and reports
 * where it threw, by the program's own stack frame.
 */
final class ProgramRunner {
  private ProgramRunner() {}

  static RuntimeOutcome run(ClassLoader loader, GeneratedSource source, Program p) {
    String name = source.classOf(p);
    Torch.manualSeed(p.seed());
    try (TensorScope scope = TensorScope.open()) {
      Class<?> type = Class.forName(name, true, loader);
      Object instance = type.getConstructor().newInstance();
      Class<?>[] types = new Class<?>[p.params().size()];
      Object[] args = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        types[i] = Tensor.class;
        args[i] = tensor(p.params().get(i));
      }
      Method run = type.getMethod("run", types);
      run.invoke(instance, args);
      return RuntimeOutcome.FINISHED;
    } catch (InvocationTargetException e) {
      return outcome(e.getCause(), source, p);
    } catch (ExceptionInInitializerError e) {
      return outcome(e.getCause(), source, p);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot run " + name, e);
    }
  }

  static Tensor tensor(Param param) {
    long[] s = param.shape();
    switch (param.fill()) {
      case UNIT:
        return Torch.rand(s);
      case INDEX:
        return Torch.randint(0, param.bound(), s);
      case GRAD:
        return Torch.randn(s).requiresGrad_(true);
      default:
        return Torch.randn(s);
    }
  }

  static RuntimeOutcome outcome(Throwable t, GeneratedSource source, Program p) {
    String className = source.classOf(p);
    Site site = null;
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().equals(className)) {
        site = source.site(frame.getLineNumber());
        break;
      }
    }
    RuntimeOutcome.Kind kind;
    String key = null;
    if (t instanceof ShapeException se) {
      kind = RuntimeOutcome.Kind.SHAPE;
      key = se.key();
    } else if (t instanceof TorchException) {
      kind = RuntimeOutcome.Kind.TORCH;
    } else if (t instanceof IllegalArgumentException) {
      kind = RuntimeOutcome.Kind.ARGUMENT;
    } else {
      kind = RuntimeOutcome.Kind.OTHER;
    }
    return new RuntimeOutcome(kind, site, t.getClass().getSimpleName(), key,
        String.valueOf(t.getMessage()).lines().findFirst().orElse(""));
  }
}
