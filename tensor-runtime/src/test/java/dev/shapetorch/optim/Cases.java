package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the optimizer a golden case file describes, over a {@link Problem}'s parameters. */
final class Cases {

  private Cases() {}

  static Optimizer<?, ?> build(Golden golden, Problem problem) {
    return build(golden, problem, false);
  }

  /** The optimizers with a fused kernel (PyTorch has none for the others). */
  static boolean hasFused(Golden golden) {
    return List.of("SGD", "Adam", "AdamW", "Adagrad").contains(golden.rows("optimizer").get(0)[1]);
  }

  /** True for a case whose optimizer steps with a closure (LBFGS). */
  static boolean needsClosure(Golden golden) {
    return golden.rows("optimizer").get(0)[1].equals("LBFGS");
  }

  /**
   * One step of the case's optimizer on the problem: for LBFGS, {@code step(closure)} with a
   * closure that re-evaluates the loss; else a backward pass, then {@code step()}.
   *
   * @return the loss the closure returned first (LBFGS), else NaN
   */
  static double step(Optimizer<?, ?> opt, Problem problem) {
    if (opt instanceof LBFGS lbfgs) {
      return lbfgs.step(problem::closure);
    }
    problem.backward();
    opt.step();
    return Double.NaN;
  }

  /**
   * The case's optimizer, with every group's {@code fused} flag set as given.
   *
   * @throws IllegalArgumentException for {@code fused} with an optimizer that has no fused kernel
   */
  static Optimizer<?, ?> build(Golden golden, Problem problem, boolean fused) {
    String name = golden.rows("optimizer").get(0)[1];
    if (fused && !hasFused(golden)) {
      throw new IllegalArgumentException(name + " has no fused kernel");
    }
    List<String[]> groupRows = golden.rows("group");
    switch (name) {
      case "SGD": {
        List<ParamGroup<SGDOptions>> groups = new ArrayList<>();
        for (String[] g : groupRows) {
          Map<String, String> kv = Golden.keyValues(g[2]);
          SGDOptions o = SGDOptions.lr(num(kv, "lr", 0))
              .withMomentum(num(kv, "momentum", 0))
              .withDampening(num(kv, "dampening", 0))
              .withWeightDecay(num(kv, "weight_decay", 0))
              .withNesterov(bool(kv, "nesterov"))
              .withMaximize(bool(kv, "maximize"))
              .withFused(fused);
          groups.add(new ParamGroup<>(params(g[1], problem), o));
        }
        return SGD.ofGroups(groups);
      }
      case "Adam": {
        List<ParamGroup<AdamOptions>> groups = new ArrayList<>();
        for (String[] g : groupRows) {
          Map<String, String> kv = Golden.keyValues(g[2]);
          double[] betas = betas(kv);
          AdamOptions o = AdamOptions.lr(num(kv, "lr", 1e-3))
              .withBetas(betas[0], betas[1])
              .withEps(num(kv, "eps", 1e-8))
              .withWeightDecay(num(kv, "weight_decay", 0))
              .withAmsgrad(bool(kv, "amsgrad"))
              .withMaximize(bool(kv, "maximize"))
              .withFused(fused);
          groups.add(new ParamGroup<>(params(g[1], problem), o));
        }
        return Adam.ofGroups(groups);
      }
      case "AdamW": {
        List<ParamGroup<AdamWOptions>> groups = new ArrayList<>();
        for (String[] g : groupRows) {
          Map<String, String> kv = Golden.keyValues(g[2]);
          double[] betas = betas(kv);
          AdamWOptions o = AdamWOptions.lr(num(kv, "lr", 1e-3))
              .withBetas(betas[0], betas[1])
              .withEps(num(kv, "eps", 1e-8))
              .withWeightDecay(num(kv, "weight_decay", 0.01))
              .withAmsgrad(bool(kv, "amsgrad"))
              .withMaximize(bool(kv, "maximize"))
              .withFused(fused);
          groups.add(new ParamGroup<>(params(g[1], problem), o));
        }
        return AdamW.ofGroups(groups);
      }
      case "RMSprop": {
        List<ParamGroup<RMSpropOptions>> groups = new ArrayList<>();
        for (String[] g : groupRows) {
          Map<String, String> kv = Golden.keyValues(g[2]);
          RMSpropOptions o = RMSpropOptions.lr(num(kv, "lr", 1e-2))
              .withAlpha(num(kv, "alpha", 0.99))
              .withEps(num(kv, "eps", 1e-8))
              .withWeightDecay(num(kv, "weight_decay", 0))
              .withMomentum(num(kv, "momentum", 0))
              .withCentered(bool(kv, "centered"))
              .withMaximize(bool(kv, "maximize"));
          groups.add(new ParamGroup<>(params(g[1], problem), o));
        }
        return RMSprop.ofGroups(groups);
      }
      case "Adagrad": {
        List<ParamGroup<AdagradOptions>> groups = new ArrayList<>();
        for (String[] g : groupRows) {
          Map<String, String> kv = Golden.keyValues(g[2]);
          AdagradOptions o = AdagradOptions.lr(num(kv, "lr", 1e-2))
              .withLrDecay(num(kv, "lr_decay", 0))
              .withWeightDecay(num(kv, "weight_decay", 0))
              .withInitialAccumulatorValue(num(kv, "initial_accumulator_value", 0))
              .withEps(num(kv, "eps", 1e-10))
              .withMaximize(bool(kv, "maximize"))
              .withFused(fused);
          groups.add(new ParamGroup<>(params(g[1], problem), o));
        }
        return Adagrad.ofGroups(groups);
      }
      case "Adadelta": {
        List<ParamGroup<AdadeltaOptions>> groups = new ArrayList<>();
        for (String[] g : groupRows) {
          Map<String, String> kv = Golden.keyValues(g[2]);
          AdadeltaOptions o = AdadeltaOptions.lr(num(kv, "lr", 1.0))
              .withRho(num(kv, "rho", 0.9))
              .withEps(num(kv, "eps", 1e-6))
              .withWeightDecay(num(kv, "weight_decay", 0))
              .withMaximize(bool(kv, "maximize"));
          groups.add(new ParamGroup<>(params(g[1], problem), o));
        }
        return Adadelta.ofGroups(groups);
      }
      case "Adamax": {
        List<ParamGroup<AdamaxOptions>> groups = new ArrayList<>();
        for (String[] g : groupRows) {
          Map<String, String> kv = Golden.keyValues(g[2]);
          double[] betas = betas(kv);
          AdamaxOptions o = AdamaxOptions.lr(num(kv, "lr", 2e-3))
              .withBetas(betas[0], betas[1])
              .withEps(num(kv, "eps", 1e-8))
              .withWeightDecay(num(kv, "weight_decay", 0))
              .withMaximize(bool(kv, "maximize"));
          groups.add(new ParamGroup<>(params(g[1], problem), o));
        }
        return Adamax.ofGroups(groups);
      }
      case "NAdam": {
        List<ParamGroup<NAdamOptions>> groups = new ArrayList<>();
        for (String[] g : groupRows) {
          Map<String, String> kv = Golden.keyValues(g[2]);
          double[] betas = betas(kv);
          NAdamOptions o = NAdamOptions.lr(num(kv, "lr", 2e-3))
              .withBetas(betas[0], betas[1])
              .withEps(num(kv, "eps", 1e-8))
              .withWeightDecay(num(kv, "weight_decay", 0))
              .withMomentumDecay(num(kv, "momentum_decay", 4e-3));
          groups.add(new ParamGroup<>(params(g[1], problem), o));
        }
        return NAdam.ofGroups(groups);
      }
      case "RAdam": {
        List<ParamGroup<RAdamOptions>> groups = new ArrayList<>();
        for (String[] g : groupRows) {
          Map<String, String> kv = Golden.keyValues(g[2]);
          double[] betas = betas(kv);
          RAdamOptions o = RAdamOptions.lr(num(kv, "lr", 1e-3))
              .withBetas(betas[0], betas[1])
              .withEps(num(kv, "eps", 1e-8))
              .withWeightDecay(num(kv, "weight_decay", 0));
          groups.add(new ParamGroup<>(params(g[1], problem), o));
        }
        return RAdam.ofGroups(groups);
      }
      case "ASGD": {
        List<ParamGroup<ASGDOptions>> groups = new ArrayList<>();
        for (String[] g : groupRows) {
          Map<String, String> kv = Golden.keyValues(g[2]);
          ASGDOptions o = ASGDOptions.lr(num(kv, "lr", 1e-2))
              .withLambd(num(kv, "lambd", 1e-4))
              .withAlpha(num(kv, "alpha", 0.75))
              .withT0(num(kv, "t0", 1e6))
              .withWeightDecay(num(kv, "weight_decay", 0))
              .withMaximize(bool(kv, "maximize"));
          groups.add(new ParamGroup<>(params(g[1], problem), o));
        }
        return ASGD.ofGroups(groups);
      }
      case "Rprop": {
        List<ParamGroup<RpropOptions>> groups = new ArrayList<>();
        for (String[] g : groupRows) {
          Map<String, String> kv = Golden.keyValues(g[2]);
          double[] etas = pair(kv, "etas", 0.5, 1.2);
          double[] stepSizes = pair(kv, "step_sizes", 1e-6, 50);
          RpropOptions o = RpropOptions.lr(num(kv, "lr", 1e-2))
              .withEtas(etas[0], etas[1])
              .withStepSizes(stepSizes[0], stepSizes[1])
              .withMaximize(bool(kv, "maximize"));
          groups.add(new ParamGroup<>(params(g[1], problem), o));
        }
        return Rprop.ofGroups(groups);
      }
      case "LBFGS": {
        Map<String, String> kv = Golden.keyValues(groupRows.get(0)[2]);
        LBFGSOptions o = LBFGSOptions.lr(num(kv, "lr", 1))
            .withMaxIter((int) num(kv, "max_iter", 20));
        if (kv.containsKey("max_eval")) {
          o = o.withMaxEval((int) num(kv, "max_eval", 0));
        }
        o = o.withToleranceGrad(num(kv, "tolerance_grad", 1e-7))
            .withToleranceChange(num(kv, "tolerance_change", 1e-9))
            .withHistorySize((int) num(kv, "history_size", 100))
            .withLineSearchFn("strong_wolfe".equals(kv.get("line_search_fn"))
                ? LBFGSOptions.LineSearch.STRONG_WOLFE : LBFGSOptions.LineSearch.NONE);
        return new LBFGS(params(groupRows.get(0)[1], problem), o);
      }
      default:
        throw new IllegalArgumentException("unknown optimizer " + name);
    }
  }

  private static List<Parameter> params(String names, Problem p) {
    List<Parameter> out = new ArrayList<>();
    for (String n : names.split(",")) {
      out.add(n.equals("w") ? p.w : p.b);
    }
    return out;
  }

  private static double num(Map<String, String> kv, String key, double dflt) {
    String v = kv.get(key);
    return v == null ? dflt : Double.parseDouble(v);
  }

  private static boolean bool(Map<String, String> kv, String key) {
    return "true".equals(kv.get(key));
  }

  private static double[] betas(Map<String, String> kv) {
    return pair(kv, "betas", 0.9, 0.999);
  }

  private static double[] pair(Map<String, String> kv, String key, double first, double second) {
    String v = kv.get(key);
    if (v == null) {
      return new double[] {first, second};
    }
    String[] parts = v.split(",");
    return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
  }
}
