package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A tensor's shape as the shape algebra sees it: an optional variadic prefix (zero or more
 * leading dimensions, {@code "..."} or {@code "*batch"}) followed by a list of {@link DimExpr}
 * sizes.
 *
 * <p>At run time every shape is {@linkplain #isConcrete() concrete}: no prefix, all sizes
 * literal. Concrete shapes made by {@link #of(long...)} keep their sizes as a {@code long[]}
 * and build {@code DimExpr}s lazily, so that a rule on small runtime shapes allocates little.
 *
 * <p>Instances are immutable.
 */
public final class TensorShape {

  /** Marker for an anonymous variadic prefix {@code "..."}. */
  public static final String ANONYMOUS_VARIADIC = "...";

  private static final TensorShape SCALAR = new TensorShape(null, List.of(), new long[0]);

  /** Null when there is no variadic prefix, {@link #ANONYMOUS_VARIADIC} or a name otherwise. */
  private final String variadic;

  private List<DimExpr> dims;
  /** The sizes when concrete, else null. */
  private final long[] sizes;

  private TensorShape(String variadic, List<DimExpr> dims, long[] sizes) {
    this.variadic = variadic;
    this.dims = dims;
    this.sizes = sizes;
  }

  /** A concrete shape ({@code of()} is a 0-d scalar's shape). */
  public static TensorShape of(long... sizes) {
    if (sizes.length == 0) {
      return SCALAR;
    }
    for (long s : sizes) {
      if (s < 0) {
        throw new IllegalArgumentException("negative size in shape " + Arrays.toString(sizes));
      }
    }
    return new TensorShape(null, null, sizes.clone());
  }

  /** A concrete shape that takes ownership of {@code sizes} (non-negative; not copied). */
  static TensorShape ofOwned(long[] sizes) {
    return sizes.length == 0 ? SCALAR : new TensorShape(null, null, sizes);
  }

  /** A shape with no variadic prefix. */
  public static TensorShape of(List<DimExpr> dims) {
    return of(null, dims);
  }

  /**
   * A shape with an optional variadic prefix.
   *
   * @param variadic null for none, {@link #ANONYMOUS_VARIADIC}, or the prefix's name
   * @param dims the sizes after the prefix
   */
  public static TensorShape of(String variadic, List<DimExpr> dims) {
    List<DimExpr> copy = List.copyOf(dims);
    if (variadic == null) {
      boolean concrete = true;
      for (DimExpr d : copy) {
        concrete &= d.isConstant() && d.constantValue() >= 0;
      }
      if (concrete) {
        long[] s = new long[copy.size()];
        for (int i = 0; i < s.length; i++) {
          s[i] = copy.get(i).constantValue();
        }
        return new TensorShape(null, copy, s);
      }
    }
    return new TensorShape(variadic, copy, null);
  }

  /** A shape of known rank whose every size is unknown. */
  public static TensorShape unknownOfRank(int rank) {
    return of(null, Collections.nCopies(rank, DimExpr.UNKNOWN));
  }

  /** A shape of unknown rank: an anonymous prefix and nothing else. */
  public static TensorShape unknownRank() {
    return of(ANONYMOUS_VARIADIC, List.of());
  }

  /** True if there is no variadic prefix and every size is a literal. */
  public boolean isConcrete() {
    return sizes != null;
  }

  /** True if the shape has a variadic prefix (so its rank is not fixed). */
  public boolean hasVariadic() {
    return variadic != null;
  }

  /** The prefix's name, {@link #ANONYMOUS_VARIADIC}, or null when there is none. */
  public String variadic() {
    return variadic;
  }

  /** The sizes after the prefix (all of them when there is no prefix). */
  public List<DimExpr> dims() {
    if (dims == null) {
      List<DimExpr> d = new ArrayList<>(sizes.length);
      for (long s : sizes) {
        d.add(DimExpr.of(s));
      }
      dims = Collections.unmodifiableList(d);
    }
    return dims;
  }

  /** The number of sizes after the prefix; the rank when there is no prefix. */
  public int rank() {
    return sizes != null ? sizes.length : dims.size();
  }

  /** The size of dimension {@code i} (after the prefix). */
  public DimExpr dim(int i) {
    return sizes != null ? DimExpr.of(sizes[i]) : dims.get(i);
  }

  /**
   * The concrete sizes, copied.
   *
   * @throws IllegalStateException if the shape is not concrete
   */
  public long[] toArray() {
    if (sizes == null) {
      throw new IllegalStateException("shape is not concrete: " + this);
    }
    return sizes.clone();
  }

  /** The concrete size of dimension {@code i}; only for concrete shapes. */
  public long size(int i) {
    if (sizes == null) {
      return dims.get(i).constantValue();
    }
    return sizes[i];
  }

  /** The number of elements, for a concrete shape. */
  public long numel() {
    long n = 1;
    for (int i = 0; i < rank(); i++) {
      n = Math.multiplyExact(n, size(i));
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TensorShape)) {
      return false;
    }
    TensorShape other = (TensorShape) o;
    if (sizes != null && other.sizes != null) {
      return Arrays.equals(sizes, other.sizes);
    }
    return Objects.equals(variadic, other.variadic) && dims().equals(other.dims());
  }

  @Override
  public int hashCode() {
    return Objects.hash(variadic, dims());
  }

  /** The shape as PyTorch users read it: {@code [B, 784]}, {@code [*batch, C]}, {@code []}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    if (variadic != null) {
      sb.append(variadic.equals(ANONYMOUS_VARIADIC) ? "..." : "*" + variadic);
    }
    for (int i = 0; i < rank(); i++) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(sizes != null ? Long.toString(sizes[i]) : dims.get(i).toString());
    }
    return sb.append(']').toString();
  }
}
