package bgolden;

import dev.shapetorch.backprop.T2;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Uses the generated ParamsBackprop and renders what it computes, for BackpropRecordTest. */
public final class Exercise implements Supplier<List<String>> {
  private static final Params P =
      new Params(
          2.0, 1.0, new float[] {1f, 2f}, List.of(3.0, 4.0), T2.of(1.0, 2f), new Params.Inner(5, 6));

  @Override
  public List<String> get() {
    ParamsBackprop algebra = ParamsBackprop.INSTANCE;
    return List.of(
        render(algebra.zero(P)),
        render(algebra.add(P, P)),
        render(algebra.one(P)),
        render(ParamsBackprop.scale().set(P, 9.0)),
        render(ParamsBackprop.inner().andThen(Params_InnerBackprop.a()).set(P, 7.0)),
        String.valueOf(Params_InnerBackprop.bValue().get(P.inner())));
  }

  private static String render(Params p) {
    return "scale=" + p.scale() + " shift=" + p.shift() + " weights="
        + Arrays.toString(p.weights()) + " xs=" + p.xs() + " pair=(" + p.pair().first() + ", "
        + p.pair().second() + ") inner=(" + p.inner().a() + ", " + p.inner().bValue() + ")";
  }
}
