package dev.shapetorch.backprop;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The laws of {@link Backprop} for every instance of this module: identity, commutativity,
 * associativity, idempotence of zero and one, and unital (one is the gradient of the identity).
 * Values are small integers, so floating-point addition is exact and associativity holds
 * exactly.
 */
class BackpropLawsPropertyTest {

  /** An instance with a generator of triples of values of one structure. */
  record Case<T>(String name, Backprop<T> algebra, Arbitrary<T> values,
      Function<T, Object> canonical) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Arbitrary<Double> doubles() {
    return Arbitraries.integers().between(-1000, 1000).map(Integer::doubleValue);
  }

  private static Arbitrary<Float> floats() {
    return Arbitraries.integers().between(-1000, 1000).map(Integer::floatValue);
  }

  @Provide
  Arbitrary<Case<?>> instances() {
    Backprop<Double> d = Backprop.DOUBLE;
    return Arbitraries.of(List.of(
        new Case<>("DOUBLE", d, doubles(), x -> x),
        new Case<>("FLOAT", Backprop.FLOAT, floats(), x -> x),
        new Case<>("t0", Backprop.t0(), Arbitraries.just(T0.INSTANCE), x -> x),
        new Case<>("t1", Backprop.t1(d), doubles().map(T1::of), x -> x),
        new Case<>("t2", Backprop.t2(d, Backprop.FLOAT),
            Combinators.combine(doubles(), floats()).as(T2::of), x -> x),
        new Case<>("t3", Backprop.t3(d, d, Backprop.t1(d)),
            Combinators.combine(doubles(), doubles(), doubles().map(T1::of)).as(T3::of),
            x -> x),
        new Case<>("record Point", PointBackprop.INSTANCE,
            Combinators.combine(doubles(), doubles()).as(Point::new), x -> x)));
  }

  @Property(tries = 300)
  <T> void fixedStructure_obeysAllLaws(@ForAll("instances") Case<T> c,
      @ForAll("seeds") long seed) {
    checkLaws(c, seed);
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Property(tries = 200)
  void doubleArrays_obeyAllLaws(@ForAll("lengths") int n, @ForAll("seeds") long seed) {
    Arbitrary<double[]> arrays = doubles().array(double[].class).ofSize(n);
    checkLaws(new Case<>("DOUBLE_ARRAY", Backprop.DOUBLE_ARRAY, arrays, x -> List.of(
        java.util.Arrays.stream(x).boxed().toArray())), seed);
  }

  @Property(tries = 200)
  void floatArrays_obeyAllLaws(@ForAll("lengths") int n, @ForAll("seeds") long seed) {
    Arbitrary<float[]> arrays = floats().array(float[].class).ofSize(n);
    checkLaws(new Case<>("FLOAT_ARRAY", Backprop.FLOAT_ARRAY, arrays,
        x -> java.util.Arrays.toString(x)), seed);
  }

  @Property(tries = 200)
  void lists_andNaryTuples_obeyAllLaws(@ForAll("lengths") int n, @ForAll("seeds") long seed) {
    Arbitrary<List<Double>> lists = doubles().list().ofSize(n);
    checkLaws(new Case<>("list", Backprop.list(Backprop.DOUBLE), lists, x -> x), seed);
    checkLaws(new Case<>("tn", Backprop.tn(Backprop.DOUBLE), lists.map(TN::ofList), x -> x),
        seed);
    checkLaws(new Case<>("list of lists", Backprop.list(Backprop.list(Backprop.DOUBLE)),
        lists.list().ofSize(3), x -> x), seed);
  }

  @Provide
  Arbitrary<Integer> lengths() {
    return Arbitraries.integers().between(0, 6);
  }

  @Property(tries = 200)
  void addingDifferentLengths_padsWithZerosInsteadOfTruncating(
      @ForAll("lengths") int n, @ForAll("lengths") int m, @ForAll("seeds") long seed) {
    var random = new java.util.Random(seed);
    List<Double> x = doubles().list().ofSize(n).generator(1000).next(random).value();
    List<Double> y = doubles().list().ofSize(m).generator(1000).next(random).value();
    Backprop<List<Double>> list = Backprop.list(Backprop.DOUBLE);
    List<Double> sum = list.add(x, y);
    assertThat(sum).hasSize(Math.max(n, m));
    for (int i = 0; i < sum.size(); i++) {
      double xi = i < n ? x.get(i) : 0;
      double yi = i < m ? y.get(i) : 0;
      assertThat(sum.get(i)).isEqualTo(xi + yi);
    }
    double[] a = x.stream().mapToDouble(Double::doubleValue).toArray();
    double[] b = y.stream().mapToDouble(Double::doubleValue).toArray();
    assertThat(Backprop.DOUBLE_ARRAY.add(a, b))
        .isEqualTo(sum.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static <T> void checkLaws(Case<T> c, long seed) {
    var random = new java.util.Random(seed);
    var gen = c.values().generator(1000);
    T x = gen.next(random).value();
    T y = gen.next(random).value();
    T z = gen.next(random).value();
    Backprop<T> b = c.algebra();
    Function<T, Object> k = c.canonical();
    assertThat(k.apply(b.add(x, b.zero(y)))).isEqualTo(k.apply(x));
    assertThat(k.apply(b.add(b.zero(x), y))).isEqualTo(k.apply(y));
    assertThat(k.apply(b.add(x, y))).isEqualTo(k.apply(b.add(y, x)));
    assertThat(k.apply(b.add(x, b.add(y, z)))).isEqualTo(k.apply(b.add(b.add(x, y), z)));
    assertThat(k.apply(b.zero(b.zero(x)))).isEqualTo(k.apply(b.zero(x)));
    assertThat(k.apply(b.one(b.one(x)))).isEqualTo(k.apply(b.one(x)));
    assertThat(k.apply(BVars.gradBP(v -> v, x, b))).isEqualTo(k.apply(b.one(x)));
  }
}
