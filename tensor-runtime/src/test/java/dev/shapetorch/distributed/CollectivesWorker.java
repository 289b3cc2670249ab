package dev.shapetorch.distributed;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Threads;
import dev.shapetorch.tensor.Torch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * A worker of {@link DistributedTest}: joins the group from the environment and checks every
 * collective against its definition, with the expected values computed here from what each rank
 * contributes (rank {@code q}'s element {@code i} is {@link #value}), not by another collective.
 * Then checks that disagreeing ranks fail with the message naming both. Prints one line per check
 * and {@code rank R: all N checks passed}; exits 1 on the first failure.
 */
public final class CollectivesWorker {

  private static int checks;

  private CollectivesWorker() {}

  /** What rank {@code q} contributes at element {@code i}, for input {@code k}. */
  static float value(int q, int i, int k) {
    return (q + 1) * 0.5f + i * 0.25f + k * 10;
  }

  private static Tensor input(int q, int k, long... shape) {
    int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = value(q, i, k);
    }
    return Torch.fromArray(v, shape);
  }

  private static float[] expected(int world, int n, int k, DoubleBinaryOperator op, boolean avg) {
    float[] e = new float[n];
    for (int i = 0; i < n; i++) {
      double acc = value(0, i, k);
      for (int q = 1; q < world; q++) {
        acc = op.applyAsDouble(acc, value(q, i, k));
      }
      e[i] = (float) (avg ? acc / world : acc);
    }
    return e;
  }

  public static void main(String[] args) {
    Threads.setNumThreads(1);
    ProcessGroupOptions o = ProcessGroupOptions.fromEnvironment()
        .withTimeout(Duration.ofSeconds(Long.parseLong(args[0])));
    try (ProcessGroup pg = ProcessGroup.init(o)) {
      run(pg);
      pg.barrier();
      System.out.println("rank " + pg.rank() + ": all " + checks + " checks passed");
    } catch (Throwable t) {
      t.printStackTrace(System.out);
      System.out.flush();
      Runtime.getRuntime().halt(1);
    }
  }

  private static void run(ProcessGroup pg) {
    int r = pg.rank();
    int w = pg.worldSize();
    check("sizes", o -> pg.worldSize() == Integer.parseInt(System.getenv("WORLD_SIZE"))
        && pg.rank() == Integer.parseInt(System.getenv("RANK"))
        && pg.localRank() == Integer.parseInt(System.getenv("LOCAL_RANK")));

    // allReduce, each reduction
    Object[][] reductions = {
      {ReduceOp.SUM, (DoubleBinaryOperator) Double::sum, false},
      {ReduceOp.AVG, (DoubleBinaryOperator) Double::sum, true},
      {ReduceOp.PRODUCT, (DoubleBinaryOperator) (a, b) -> a * b, false},
      {ReduceOp.MIN, (DoubleBinaryOperator) Math::min, false},
      {ReduceOp.MAX, (DoubleBinaryOperator) Math::max, false},
    };
    for (Object[] red : reductions) {
      ReduceOp op = (ReduceOp) red[0];
      Tensor t = input(r, 0, 4, 3);
      Tensor same = pg.allReduce(t, op);
      equal("allReduce " + op, t.toFloatArray(),
          expected(w, 12, 0, (DoubleBinaryOperator) red[1], (Boolean) red[2]));
      check("allReduce " + op + " is in place", x -> same == t);
    }
    Tensor ints = Torch.fromArray(new long[] {r, 10L * r, 1}, 3);
    pg.allReduce(ints, ReduceOp.SUM);
    long tri = (long) w * (w - 1) / 2;
    check("allReduce int64 SUM", x -> Arrays.equals(ints.toLongArray(),
        new long[] {tri, 10 * tri, w}));

    // async allReduce
    Tensor a = input(r, 1, 5);
    Work<Tensor> work = pg.allReduceAsync(a, ReduceOp.SUM);
    Tensor done = work.await(Duration.ofSeconds(60));
    check("allReduceAsync completes", x -> work.isCompleted() && done == a);
    equal("allReduceAsync SUM", a.toFloatArray(), expected(w, 5, 1, Double::sum, false));

    // broadcast from the last rank
    Tensor b = input(r, 2, 2, 2);
    pg.broadcast(b, w - 1);
    equal("broadcast from " + (w - 1), b.toFloatArray(), input(w - 1, 2, 4).toFloatArray());
    Tensor b2 = input(r, 3, 3);
    pg.broadcastAsync(b2, 0).await();
    equal("broadcastAsync from 0", b2.toFloatArray(), input(0, 3, 3).toFloatArray());

    // allGather
    List<Tensor> g = pg.allGather(input(r, 4, 2, 3));
    check("allGather count", x -> g.size() == w);
    for (int q = 0; q < w; q++) {
      equal("allGather[" + q + "]", g.get(q).toFloatArray(), input(q, 4, 6).toFloatArray());
      int qq = q;
      check("allGather[" + q + "] shape", x -> Arrays.equals(g.get(qq).shape(), new long[] {2, 3}));
    }
    List<Tensor> ga = pg.allGatherAsync(input(r, 5, 2)).await();
    equal("allGatherAsync[last]", ga.get(w - 1).toFloatArray(), input(w - 1, 5, 2).toFloatArray());

    // reduceScatter: rank r's j-th input is input(r, 6 + j); rank r receives reduction of the r-th
    for (ReduceOp op : List.of(ReduceOp.SUM, ReduceOp.AVG, ReduceOp.MAX)) {
      List<Tensor> ins = new ArrayList<>();
      for (int j = 0; j < w; j++) {
        ins.add(input(r, 6 + j, 4));
      }
      Tensor rs = pg.reduceScatter(ins, op);
      DoubleBinaryOperator f = op == ReduceOp.MAX ? Math::max : Double::sum;
      equal("reduceScatter " + op, rs.toFloatArray(),
          expected(w, 4, 6 + r, f, op == ReduceOp.AVG));
    }

    // gather to rank 1 % w
    int dst = 1 % w;
    List<Tensor> gathered = pg.gather(input(r, 20, 3), dst);
    if (r == dst) {
      check("gather count on dst", x -> gathered.size() == w);
      for (int q = 0; q < w; q++) {
        equal("gather[" + q + "]", gathered.get(q).toFloatArray(), input(q, 20, 3).toFloatArray());
      }
    } else {
      check("gather elsewhere is empty", x -> gathered.isEmpty());
    }
    List<Tensor> gatheredAsync = pg.gatherAsync(input(r, 21, 2), 0).await();
    if (r == 0) {
      equal("gatherAsync[last]", gatheredAsync.get(w - 1).toFloatArray(),
          input(w - 1, 21, 2).toFloatArray());
    }

    // scatter from rank 0: rank q receives input(0, 30 + q)
    List<Tensor> chunks = null;
    if (r == 0) {
      chunks = new ArrayList<>();
      for (int q = 0; q < w; q++) {
        chunks.add(input(0, 30 + q, 2, 2));
      }
    }
    Tensor sOut = Torch.zeros(2, 2);
    pg.scatter(sOut, chunks, 0);
    equal("scatter", sOut.toFloatArray(), input(0, 30 + r, 4).toFloatArray());
    Tensor sOut2 = Torch.zeros(2, 2);
    pg.scatterAsync(sOut2, chunks, 0).await();
    equal("scatterAsync", sOut2.toFloatArray(), input(0, 30 + r, 4).toFloatArray());

    // send/recv between rank 0 and the last rank, both ways
    int last = w - 1;
    if (r == 0) {
      pg.send(input(0, 40, 3), last);
      Tensor in = Torch.zeros(3);
      pg.recv(in, last);
      equal("recv from " + last, in.toFloatArray(), input(last, 41, 3).toFloatArray());
    } else if (r == last) {
      Tensor in = Torch.zeros(3);
      pg.recv(in, 0);
      equal("recv from 0", in.toFloatArray(), input(0, 40, 3).toFloatArray());
      pg.send(input(last, 41, 3), 0);
    }
    if (r == 0) {
      pg.sendAsync(input(0, 42, 2), last, 7).await();
    } else if (r == last) {
      Tensor in = Torch.zeros(2);
      pg.recvAsync(in, 0, 7).await();
      equal("recvAsync tag 7", in.toFloatArray(), input(0, 42, 2).toFloatArray());
    }
    pg.barrier();

    mismatches(pg);

    // the group still works after every refusal
    Tensor after = input(r, 50, 2);
    pg.allReduce(after);
    equal("allReduce after the refusals", after.toFloatArray(),
        expected(w, 2, 50, Double::sum, false));
  }

  /** Rank 1 disagrees; every rank must fail with the same message and no data moved. */
  private static void mismatches(ProcessGroup pg) {
    int r = pg.rank();
    int w = pg.worldSize();
    StringBuilder shapes = new StringBuilder();
    for (int q = 0; q < w; q++) {
      shapes.append(q == 0 ? "" : ", ").append("rank ").append(q).append(" has [4, ")
          .append(q == 1 ? 2 : 3).append(']');
    }
    String shapeMsg = "[shape.mismatch.collective] ProcessGroup.allReduce: " + shapes
        + "; every rank must pass tensors of the same shape";
    fails("allReduce shape mismatch", ShapeException.class, shapeMsg,
        () -> pg.allReduce(Torch.ones(4, r == 1 ? 2 : 3)));
    fails("allGather shape mismatch", ShapeException.class,
        "[shape.mismatch.collective] ProcessGroup.allGather: " + shapes,
        () -> pg.allGather(Torch.ones(4, r == 1 ? 2 : 3)));
    fails("broadcast dtype mismatch", ShapeException.class, "rank 1 has float64[4, 3]",
        () -> pg.broadcast(r == 1 ? Torch.zeros(new long[] {4, 3}, DType.FLOAT64)
            : Torch.ones(4, 3), 0));
    fails("broadcast root mismatch", DistributedException.class,
        "ProcessGroup.broadcast: the ranks disagree on the root rank", 
        () -> pg.broadcast(Torch.ones(2), r == 1 ? 1 : 0));
    fails("different collectives", DistributedException.class,
        "rank 0 called allReduce, rank 1 called barrier",
        () -> {
          if (r == 1) {
            pg.barrier();
          } else {
            pg.allReduce(Torch.ones(2));
          }
        });
    fails("AVG on int64", IllegalArgumentException.class, r == 0 ? "ReduceOp.AVG needs a"
        + " floating-point tensor" : "rank 0 rejected its arguments",
        () -> pg.allReduce(r == 0 ? Torch.zeros(new long[] {2}, DType.INT64) : Torch.ones(2),
            ReduceOp.AVG), r != 0 ? DistributedException.class : null);
    int last = w - 1;
    if (r == 0 || r == last) {
      String p2p = "[shape.mismatch.collective] ProcessGroup." + (r == 0 ? "send" : "recv")
          + ": rank 0 sends float32[3], rank " + last + " receives into float32[2]";
      fails("send/recv mismatch", ShapeException.class, p2p,
          () -> {
            if (r == 0) {
              pg.send(Torch.ones(3), last);
            } else {
              pg.recv(Torch.zeros(2), 0);
            }
          });
    }
  }

  private interface Body {
    void run();
  }

  private static void fails(String name, Class<?> type, String text, Body body) {
    fails(name, type, text, body, null);
  }

  private static void fails(String name, Class<?> type, String text, Body body, Class<?> alt) {
    try {
      body.run();
    } catch (RuntimeException e) {
      boolean typeOk = type.isInstance(e) || (alt != null && alt.isInstance(e));
      if (typeOk && e.getMessage() != null && e.getMessage().contains(text)) {
        System.out.println("ok " + name + ": " + e.getMessage());
        checks++;
        return;
      }
      throw new AssertionError(name + ": expected " + type.getSimpleName() + " containing \""
          + text + "\", got " + e, e);
    }
    throw new AssertionError(name + ": expected " + type.getSimpleName() + ", nothing thrown");
  }

  private interface Cond {
    boolean test(Object unused);
  }

  private static void check(String name, Cond c) {
    if (!c.test(null)) {
      throw new AssertionError(name + " failed");
    }
    checks++;
  }

  private static void equal(String name, float[] actual, float[] expected) {
    if (actual.length != expected.length) {
      throw new AssertionError(name + ": " + actual.length + " values, expected "
          + expected.length);
    }
    for (int i = 0; i < actual.length; i++) {
      if (Math.abs(actual[i] - expected[i]) > 1e-5f * Math.max(1, Math.abs(expected[i]))) {
        throw new AssertionError(name + ": element " + i + " is " + actual[i] + ", expected "
            + expected[i] + " (all: " + Arrays.toString(actual) + " vs "
            + Arrays.toString(expected) + ")");
      }
    }
    checks++;
  }
}
