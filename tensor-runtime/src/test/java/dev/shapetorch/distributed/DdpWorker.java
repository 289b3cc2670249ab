package dev.shapetorch.distributed;

import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.linear.Flatten;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.optim.Optimizer;
import dev.shapetorch.optim.SGD;
import dev.shapetorch.optim.SGDOptions;
import dev.shapetorch.serialize.Checkpoints;
import dev.shapetorch.serialize.SafeTensors;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Threads;
import dev.shapetorch.tensor.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rank of {@link DistributedDataParallelTest}: trains a small CNN with DDP and, in the same
 * process, the same CNN without DDP on the concatenated batches of all ranks, and writes both
 * models' parameters (and the other checks' results) to safetensors files in the output
 * directory for the test to compare. Started by dist-core's {@link Launcher} (the group comes
 * from the environment); argument: the output directory.
 */
public final class DdpWorker {

  static final int BATCH = 4;
  static final int STEPS = 3;
  static final double LR = 0.05;

  private DdpWorker() {}

  static Sequential cnn() {
    return new Sequential(new Conv2d(1, 4, 3), new ReLU(), new MaxPool2d(2), new Flatten(),
        new Linear(4 * 3 * 3, 5));
  }

  /** The batch of {@code micro} for every rank together: [world * BATCH, 1, 8, 8], labels. */
  static Tensor[] batch(int step, int micro, int world) {
    Torch.manualSeed(1000 + 10L * step + micro);
    Tensor x = Torch.randn(world * BATCH, 1, 8, 8);
    Tensor y = Torch.randint(0, 5, world * BATCH);
    return new Tensor[] {x, y};
  }

  static Tensor share(Tensor all, int rank) {
    return all.narrow(0, (long) rank * BATCH, BATCH);
  }

  static SGD sgd(Module m) {
    return new SGD(m.parameters(), SGDOptions.lr(LR).withMomentum(0.9));
  }

  /** Copies of the parameters, keyed by name with {@code prefix}. */
  static void put(Map<String, Tensor> out, String prefix, Module m) {
    for (Map.Entry<String, Parameter> e : m.namedParameters().entrySet()) {
      out.put(prefix + e.getKey(), e.getValue().get().detach().clone());
    }
  }

  public static void main(String[] args) throws Exception {
    Path outDir = Path.of(args[0]);
    Threads.setNumThreads(1);
    ProcessGroup group = ProcessGroup.initFromEnvironment();
    int rank = group.rank();
    int world = group.worldSize();
    Map<String, Tensor> out = new LinkedHashMap<>();
    try (TensorScope scope = TensorScope.open()) {
      // 1. Broadcast at construction: each rank seeds differently.
      Torch.manualSeed(17 + rank);
      Sequential net = cnn();
      put(out, "before.", net);
      var ddp = new DistributedDataParallel<>(net, group, DdpOptions.DEFAULTS);
      put(out, "after.", net);
      // The reference starts from the broadcast parameters.
      Sequential ref = cnn();
      ref.loadStateDict(net.stateDict());
      // 2. Training: DDP on this rank's share against the reference on the whole batch.
      Optimizer opt = sgd(ddp);
      Optimizer refOpt = sgd(ref);
      for (int step = 0; step < STEPS; step++) {
        try (TensorScope s = TensorScope.open()) {
          Tensor[] b = batch(step, 0, world);
          opt.zeroGrad();
          F.crossEntropy(ddp.forward(share(b[0], rank)), share(b[1], rank)).backward();
          opt.step();
          refOpt.zeroGrad();
          F.crossEntropy(ref.forward(b[0]), b[1]).backward();
          refOpt.step();
        }
      }
      put(out, "train.ddp.", net);
      put(out, "train.ref.", ref);
      // 3. Gradient accumulation: two micro-batches, the first inside noSync.
      for (int step = 0; step < 2; step++) {
        try (TensorScope s = TensorScope.open()) {
          opt.zeroGrad();
          refOpt.zeroGrad();
          for (int micro = 0; micro < 2; micro++) {
            Tensor[] b = batch(10 + step, micro, world);
            if (micro == 0) {
              try (var ns = ddp.noSync()) {
                F.crossEntropy(ddp.forward(share(b[0], rank)), share(b[1], rank)).backward();
              }
            } else {
              F.crossEntropy(ddp.forward(share(b[0], rank)), share(b[1], rank)).backward();
            }
            F.crossEntropy(ref.forward(b[0]), b[1]).backward();
          }
          opt.step();
          refOpt.step();
        }
      }
      put(out, "accum.ddp.", net);
      put(out, "accum.ref.", ref);
      // 4. Checkpoint: rank 0 saves the inner module, every rank loads it into a fresh model.
      Path ckpt = outDir.resolve("checkpoint.safetensors");
      if (rank == 0) {
        Checkpoints.save(ddp.module(), ckpt);
      }
      group.barrier();
      Torch.manualSeed(99 + rank);
      Sequential restored = cnn();
      Checkpoints.load(restored, ckpt);
      put(out, "restored.", restored);
      ddp.close();
      // 5. findUnusedParameters: a head without gradient; the used one trains as the reference.
      Torch.manualSeed(5);
      TwoHeads heads = new TwoHeads();
      put(out, "unused.before.", heads);
      TwoHeads headsRef = new TwoHeads();
      headsRef.loadStateDict(heads.stateDict());
      var ddpHeads = new DistributedDataParallel<>(heads, group,
          DdpOptions.DEFAULTS.withFindUnusedParameters(true));
      Optimizer headsOpt = sgd(ddpHeads);
      Optimizer headsRefOpt = sgd(headsRef);
      for (int step = 0; step < 2; step++) {
        try (TensorScope s = TensorScope.open()) {
          Torch.manualSeed(300 + step);
          Tensor x = Torch.randn(world * BATCH, 6);
          Tensor y = Torch.randint(0, 3, world * BATCH);
          headsOpt.zeroGrad();
          F.crossEntropy(ddpHeads.forward(share(x, rank)), share(y, rank)).backward();
          headsOpt.step();
          headsRefOpt.zeroGrad();
          F.crossEntropy(headsRef.forward(x), y).backward();
          headsRefOpt.step();
        }
      }
      put(out, "unused.ddp.", heads);
      put(out, "unused.ref.", headsRef);
      ddpHeads.close();
      SafeTensors.save(out, outDir.resolve("rank" + rank + ".safetensors"));
      // 6. Models that differ: every rank fails, naming the parameter, the shapes and the ranks.
      Linear differs = new Linear(4, rank == 0 ? 3 : 2);
      String message = "no error";
      try {
        new DistributedDataParallel<>(differs, group);
      } catch (IllegalArgumentException e) {
        message = e.getMessage();
      }
      Files.writeString(outDir.resolve("mismatch" + rank + ".txt"), message);
      group.barrier();
    }
    group.close();
    System.out.println("rank " + rank + " done");
  }

  /** The names of the checks, for the test. */
  static List<String> prefixes() {
    return List.of("before.", "after.", "train.ddp.", "train.ref.", "accum.ddp.", "accum.ref.",
        "restored.");
  }
}
