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

  /** The optimizers with a fused kernel (PyTorch has none for RMSprop). */
  static boolean hasFused(Golden golden) {
    return !golden.rows("optimizer").get(0)[1].equals("RMSprop");
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
    String v = kv.get("betas");
    if (v == null) {
      return new double[] {0.9, 0.999};
    }
    String[] parts = v.split(",");
    return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
  }
}
