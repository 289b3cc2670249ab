package dev.shapetorch.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The componentwise algebras of the tuple records. */
final class TupleBackprop {
  /** The empty tuple's algebra. */
  static final Backprop<T0> T0_INSTANCE = Backprop.of(x -> T0.INSTANCE, (x, y) -> T0.INSTANCE,
      x -> T0.INSTANCE);

  private TupleBackprop() {}

  /** One-element tuples. */
  record OfT1<A>(Backprop<A> first) implements Backprop<T1<A>> {
    OfT1 {
      Objects.requireNonNull(first, "first");
    }

    @Override
    public T1<A> zero(T1<A> x) {
      return new T1<>(first.zero(x.first()));
    }

    @Override
    public T1<A> add(T1<A> x, T1<A> y) {
      return new T1<>(first.add(x.first(), y.first()));
    }

    @Override
    public T1<A> one(T1<A> x) {
      return new T1<>(first.one(x.first()));
    }
  }

  /** Pairs. */
  record OfT2<A, B>(Backprop<A> first, Backprop<B> second) implements Backprop<T2<A, B>> {
    OfT2 {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(second, "second");
    }

    @Override
    public T2<A, B> zero(T2<A, B> x) {
      return new T2<>(first.zero(x.first()), second.zero(x.second()));
    }

    @Override
    public T2<A, B> add(T2<A, B> x, T2<A, B> y) {
      return new T2<>(first.add(x.first(), y.first()), second.add(x.second(), y.second()));
    }

    @Override
    public T2<A, B> one(T2<A, B> x) {
      return new T2<>(first.one(x.first()), second.one(x.second()));
    }
  }

  /** Triples. */
  record OfT3<A, B, C>(Backprop<A> first, Backprop<B> second, Backprop<C> third)
      implements Backprop<T3<A, B, C>> {
    OfT3 {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(second, "second");
      Objects.requireNonNull(third, "third");
    }

    @Override
    public T3<A, B, C> zero(T3<A, B, C> x) {
      return new T3<>(first.zero(x.first()), second.zero(x.second()), third.zero(x.third()));
    }

    @Override
    public T3<A, B, C> add(T3<A, B, C> x, T3<A, B, C> y) {
      return new T3<>(first.add(x.first(), y.first()), second.add(x.second(), y.second()),
          third.add(x.third(), y.third()));
    }

    @Override
    public T3<A, B, C> one(T3<A, B, C> x) {
      return new T3<>(first.one(x.first()), second.one(x.second()), third.one(x.third()));
    }
  }

  /** N-ary tuples. */
  record OfTN<A>(Backprop<A> element) implements Backprop<TN<A>> {
    OfTN {
      Objects.requireNonNull(element, "element");
    }

    @Override
    public TN<A> zero(TN<A> x) {
      List<A> out = new ArrayList<>(x.size());
      for (A a : x.values()) {
        out.add(element.zero(a));
      }
      return new TN<>(out);
    }

    @Override
    public TN<A> add(TN<A> x, TN<A> y) {
      return new TN<>(ListBackprop.addPadded(element, x.values(), y.values()));
    }

    @Override
    public TN<A> one(TN<A> x) {
      List<A> out = new ArrayList<>(x.size());
      for (A a : x.values()) {
        out.add(element.one(a));
      }
      return new TN<>(out);
    }
  }
}
