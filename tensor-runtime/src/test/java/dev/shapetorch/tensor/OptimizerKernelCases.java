package dev.shapetorch.tensor;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.optim.Adagrad;
import dev.shapetorch.optim.AdagradOptions;
import dev.shapetorch.optim.Adam;
import dev.shapetorch.optim.AdamOptions;
import dev.shapetorch.optim.AdamW;
import dev.shapetorch.optim.AdamWOptions;
import dev.shapetorch.optim.Optimizer;
import dev.shapetorch.optim.SGD;
import dev.shapetorch.optim.SGDOptions;
import dev.shapetorch.tensor.KernelCase.Path;
import dev.shapetorch.tensor.KernelData.Input;
import dev.shapetorch.tensor.KernelData.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Random optimizer runs for {@link KernelDifferentialTest}: SGD, Adam, AdamW and Adagrad with
 * {@code withFused(true)} (libtorch's fused multi-tensor kernels, the fast path) against the same
 * options with {@code withFused(false)} (ShapeTorch's single-tensor update, the reference) in
 * float32 and in float64. Each run has 1 to 4 parameters of random shapes (0-d included, and
 * transposed, non-contiguous ones), random hyperparameters (learning rate, betas, eps, weight
 * decay, AMSGrad, momentum, dampening, Nesterov, lr decay, initial accumulator, maximize) and 1 to
 * 6 steps with fresh random gradients (zeros among them; a parameter skipped at times).
 *
 * <p>Compared: each parameter's change over the run, and every state tensor and step count.
 * Storing a float32 parameter rounds it by up to {@code 2^-24 |p|} per write, which both float32
 * paths do once or twice a step independently: the change may differ by {@code 4 * steps *
 * 2^-24 * max|p|} beyond the usual tolerance.
 */
final class OptimizerKernelCases {

  private static final double FLOAT32_ROUNDING = Math.scalb(1.0, -24);

  private OptimizerKernelCases() {}

  /** One random optimizer run. */
  static KernelCase random(long seed) {
    KernelData d = new KernelData(seed);
    String kind = d.pick("SGD", "Adam", "AdamW", "Adagrad");
    int count = d.between(1, 4);
    List<Input> initial = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int rank = d.between(0, 3);
      long[] shape = new long[rank];
      for (int j = 0; j < rank; j++) {
        shape[j] = d.chance(0.7) ? d.between(1, 5) : d.pickInt(16, 17, 33);
      }
      Layout layout = rank >= 2 && d.chance(0.3) ? Layout.TRANSPOSED : Layout.CONTIGUOUS;
      initial.add(new Input("p" + i, d.gaussian(KernelData.numel(shape), d.logUniform(0.1, 3),
          0), shape, layout));
    }
    int steps = d.between(1, 6);
    List<List<Input>> grads = new ArrayList<>();
    for (int s = 0; s < steps; s++) {
      List<Input> step = new ArrayList<>();
      for (Input p : initial) {
        if (s > 0 && d.chance(0.1)) {
          step.add(null); // no gradient this step: the optimizer skips the parameter
          continue;
        }
        double[] g = d.gaussian(p.values().length, d.logUniform(1e-3, 10), 0);
        for (int i = 0; i < g.length; i++) {
          if (d.chance(0.1)) {
            g[i] = 0;
          }
        }
        step.add(new Input("g", g, p.shape(), Layout.CONTIGUOUS));
      }
      grads.add(step);
    }
    Hyper h = Hyper.random(d, kind);
    StringBuilder description = new StringBuilder(h.toString()).append(" steps ").append(steps)
        .append(" params");
    for (Input p : initial) {
      description.append(' ').append(p.describe());
    }
    return new KernelCase() {
      @Override
      public String op() {
        return kind;
      }

      @Override
      public String describe() {
        return kind + " " + description;
      }

      @Override
      public KernelOutputs run(Path path) {
        return OptimizerKernelCases.run(path, h, initial, grads);
      }
    };
  }

  /** The hyperparameters of a run; a field an optimizer lacks is ignored. */
  private record Hyper(String kind, double lr, double beta1, double beta2, double eps,
      double weightDecay, boolean amsgrad, double momentum, double dampening, boolean nesterov,
      double lrDecay, double initialAccumulator, boolean maximize) {

    static Hyper random(KernelData d, String kind) {
      double momentum = d.chance(0.6) ? d.pick(0.9, 0.5, 0.99) : 0;
      boolean nesterov = momentum > 0 && d.chance(0.4);
      return new Hyper(kind, d.logUniform(1e-4, 0.3), d.pick(0.9, 0.5, 0.0, 0.99),
          d.pick(0.999, 0.9, 0.99), d.pick(1e-8, 1e-6, 1e-3, 1e-10),
          d.chance(0.5) ? d.logUniform(1e-4, 0.1) : 0, d.chance(0.4), momentum,
          nesterov || d.chance(0.6) ? 0 : d.pick(0.1, 0.5), nesterov, d.chance(0.5)
          ? d.logUniform(1e-3, 0.5) : 0, d.chance(0.5) ? d.pick(0.1, 1.0) : 0, d.chance(0.3));
    }

    Optimizer<?, ?> build(List<Parameter> params, boolean fused) {
      switch (kind) {
        case "SGD":
          return new SGD(params, SGDOptions.lr(lr).withMomentum(momentum)
              .withDampening(dampening).withWeightDecay(weightDecay).withNesterov(nesterov)
              .withMaximize(maximize).withFused(fused));
        case "Adam":
          return new Adam(params, AdamOptions.lr(lr).withBetas(beta1, beta2).withEps(eps)
              .withWeightDecay(weightDecay).withAmsgrad(amsgrad).withMaximize(maximize)
              .withFused(fused));
        case "AdamW":
          return new AdamW(params, AdamWOptions.lr(lr).withBetas(beta1, beta2).withEps(eps)
              .withWeightDecay(weightDecay).withAmsgrad(amsgrad).withMaximize(maximize)
              .withFused(fused));
        default:
          return new Adagrad(params, AdagradOptions.lr(lr).withLrDecay(lrDecay)
              .withWeightDecay(weightDecay).withInitialAccumulatorValue(initialAccumulator)
              .withEps(eps).withMaximize(maximize).withFused(fused));
      }
    }

    @Override
    public String toString() {
      String common = "lr " + lr + " weightDecay " + weightDecay + " maximize " + maximize;
      switch (kind) {
        case "SGD":
          return common + " momentum " + momentum + " dampening " + dampening + " nesterov "
              + nesterov;
        case "Adagrad":
          return common + " lrDecay " + lrDecay + " initialAccumulatorValue "
              + initialAccumulator + " eps " + eps;
        default:
          return common + " betas (" + beta1 + ", " + beta2 + ") eps " + eps + " amsgrad "
              + amsgrad;
      }
    }
  }

  private static KernelOutputs run(Path path, Hyper h, List<Input> initial,
      List<List<Input>> grads) {
    DType dtype = path == Path.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
    List<Parameter> params = new ArrayList<>();
    for (Input p : initial) {
      params.add(new Parameter(p.make(dtype)));
    }
    Optimizer<?, ?> opt = h.build(params, path == Path.FAST);
    for (List<Input> step : grads) {
      for (int i = 0; i < params.size(); i++) {
        Tensor p = params.get(i).get();
        p.clearGrad_();
        if (step.get(i) != null) {
          p.backward(step.get(i).make(dtype));
        }
      }
      opt.step();
    }
    KernelOutputs out = new KernelOutputs();
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      double[] start = initial.get(i).values();
      double[] end = p.get().detach().to(DType.FLOAT64).toDoubleArray();
      double[] change = new double[end.length];
      double pMax = 0;
      for (int j = 0; j < end.length; j++) {
        change[j] = end[j] - start[j];
        pMax = Math.max(pMax, Math.max(Math.abs(start[j]), Math.abs(end[j])));
      }
      double floor = dtype == DType.FLOAT32 ? 4 * grads.size() * FLOAT32_ROUNDING * pMax : 0;
      out.add("p" + i + ".change", change, p.shape(), 0, floor);
      var state = opt.state(p);
      if (state != null) {
        out.addExact("p" + i + ".step", state.step());
        for (Map.Entry<String, Tensor> e : state.tensors().entrySet()) {
          out.add("p" + i + "." + e.getKey(), e.getValue());
        }
      }
    }
    return out;
  }
}
