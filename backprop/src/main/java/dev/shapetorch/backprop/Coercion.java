package dev.shapetorch.backprop;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A free conversion between two representations of the same values, whose gradients convert
 * the same way: a record and the tuple of its components, a wrapper and what it wraps (Haskell's
 * {@code Coercible}, made an explicit value as this module does with type classes). {@link
 * Op#opCoerce} turns one into an op and {@link BVars#coerceVar} applies it to a variable; their
 * gradient is the result's gradient converted back with {@link #from}.
 *
 * <p>Laws: {@code from(to(a)) == a} and {@code to(from(b)) == b}, and both carry every
 * coordinate unchanged (derivative 1): a conversion that scales or transforms its values gives
 * wrong gradients.
 *
 * <pre>{@code
 * record Point(double x, double y) {}
 * Coercion<T2<Double, Double>, Point> c = Coercion.record(Point.class);
 * c.to(T2.of(1.0, 2.0));          // Point[x=1.0, y=2.0]
 * c.from(new Point(3, 4));        // T2[first=3.0, second=4.0]
 * }</pre>
 *
 * @param <A> one representation
 * @param <B> the other
 */
public interface Coercion<A, B> {
  /** {@code a} in the other representation. */
  B to(A a);

  /** {@code b} back in the first representation. */
  A from(B b);

  /** The same conversion the other way round. */
  default Coercion<B, A> reverse() {
    Coercion<A, B> self = this;
    return of(self::from, self::to);
  }

  /** The identity conversion. */
  static <A> Coercion<A, A> identity() {
    return of(a -> a, a -> a);
  }

  /**
   * The conversion made of two functions, which must obey the laws above.
   *
   * @param to {@link #to}
   * @param from {@link #from}
   */
  static <A, B> Coercion<A, B> of(Function<? super A, ? extends B> to,
      Function<? super B, ? extends A> from) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(from, "from");
    return new Coercion<>() {
      @Override
      public B to(A a) {
        return to.apply(a);
      }

      @Override
      public A from(B b) {
        return from.apply(b);
      }
    };
  }

  /**
   * The conversion between a record and the tuple of its components, in declaration order:
   * {@link T0} for no component, {@link T1}, {@link T2} or {@link T3} for one to three, {@link
   * TN} for more; primitive components are boxed ({@code double} is {@code Double}). {@code to}
   * calls the canonical constructor, {@code from} the accessors (through reflection, made
   * accessible for records that are not public).
   *
   * <p>Java cannot check {@code As} against the components: the tuple type is the caller's
   * claim, and a tuple whose elements do not fit the components makes {@code to} throw {@link
   * IllegalArgumentException} naming them.
   *
   * @param type the record class
   * @throws IllegalArgumentException when {@code type} is not a record
   */
  static <As extends Tup, R extends Record> Coercion<As, R> record(Class<R> type) {
    Objects.requireNonNull(type, "type");
    RecordComponent[] components = type.getRecordComponents();
    if (components == null) {
      throw new IllegalArgumentException("Coercion.record: " + type.getName() + " is not a"
          + " record; pass a record class, or build the conversion with Coercion.of(to, from)");
    }
    Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType)
        .toArray(Class<?>[]::new);
    String signature = type.getSimpleName() + Arrays.toString(Arrays.stream(components)
        .map(c -> c.getType().getSimpleName() + " " + c.getName()).toArray());
    Constructor<R> constructor;
    try {
      constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      for (RecordComponent c : components) {
        c.getAccessor().setAccessible(true);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException("Coercion.record: cannot reach the canonical"
          + " constructor and accessors of " + signature + " (" + e + "); open its package to"
          + " dev.shapetorch.backprop, or use Coercion.of(to, from)", e);
    }
    return of(tuple -> {
      if (tuple.size() != components.length) {
        throw new IllegalArgumentException("Coercion.record: the tuple " + tuple + " has "
            + tuple.size() + " elements but " + signature + " has " + components.length
            + " components; pass one element per component");
      }
      try {
        return constructor.newInstance(tuple.toList().toArray());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Coercion.record: the tuple " + tuple + " does not"
            + " fit the components of " + signature + "; pass elements of the components'"
            + " types, in declaration order", e);
      } catch (InvocationTargetException e) {
        throw new IllegalArgumentException("Coercion.record: the constructor of " + signature
            + " rejected " + tuple + ": " + e.getCause(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Coercion.record: " + signature + ": " + e, e);
      }
    }, value -> {
      List<Object> values = new ArrayList<>(components.length);
      for (RecordComponent c : components) {
        try {
          values.add(c.getAccessor().invoke(value));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("Coercion.record: " + signature + ": reading "
              + c.getName() + ": " + e, e);
        }
      }
      @SuppressWarnings("unchecked") // the caller claims As is the tuple of the components
      As tuple = (As) Tuples.of(values);
      return tuple;
    });
  }
}
