package berrors;

import dev.shapetorch.backprop.BackpropRecord;
import java.util.List;
import java.util.Map;

class BackpropErrors {
  @BackpropRecord
  // :: error: (backprop.target)
  static final class NotARecord {}

  @BackpropRecord
  // :: error: (backprop.target)
  record Generic<T>(double x) {}

  @BackpropRecord
  // :: error: (backprop.target)
  private record Hidden(double x) {}

  @BackpropRecord
  record Components(
      double fine,
      // :: error: (backprop.component)
      String name,
      // :: error: (backprop.component)
      int count,
      // :: error: (backprop.component)
      List<? extends Double> wildcard,
      // :: error: (backprop.component)
      Map<String, Double> byName,
      // :: error: (backprop.component)
      Plain notAnnotated) {}

  record Plain(double x) {}
}
