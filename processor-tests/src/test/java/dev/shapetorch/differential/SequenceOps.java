package dev.shapetorch.differential;

import dev.shapetorch.differential.ProgramBuilder.Val;
import java.util.List;

/**
 * The generator's sequence layers: {@code RNN}, {@code GRU} and {@code LSTM} (sequence first,
 * or batch first through their static factory; with or without initial states) and {@code
 * MultiheadAttention}.
 */
final class SequenceOps {
  private SequenceOps() {}

  static List<Op> all() {
    return List.of(
        new Op("recurrent", "recurrent", 4, SequenceOps::recurrent),
        new Op("attention", "attention", 3, SequenceOps::attention));
  }

  static Val recurrent(ProgramBuilder b, Val in, boolean mistake) {
    String type = b.pick(List.of("RNN", "GRU", "LSTM"));
    boolean batchFirst = b.chance(0.3);
    Val x;
    if (in != null && in.rank() == 3 && in.numel() <= 512) {
      x = in;
    } else {
      x = b.input(b.between(1, 4), b.between(1, 3), b.between(1, 6));
    }
    long batch = batchFirst ? x.size(0) : x.size(1);
    long features = x.size(2);
    long hidden = b.between(1, 6);
    long layers = batchFirst || b.chance(0.3) ? b.between(1, 2) : 1;
    boolean states = b.chance(0.25);
    long stateBatch = batch;
    if (mistake) {
      switch (b.between(0, states ? 2 : 1)) {
        case 0:
          features++;
          b.mistake("recurrent.input");
          break;
        case 1:
          x = b.input(x.size(0), x.size(2));
          b.mistake("recurrent.unbatched");
          break;
        default:
          stateBatch++;
          b.mistake("recurrent.stateBatch");
          break;
      }
    }
    if (batchFirst) {
      b.tag("spelling:staticFactory");
    }
    boolean twoArgs = !batchFirst && layers == 1 && b.chance(0.6);
    long features1 = features;
    Val x1 = x;
    String m = b.module(type, () -> {
      String args = b.sizeFrom(features1, x1) + ", " + b.size(hidden);
      if (batchFirst) {
        return type + ".batchFirst(" + args + ", " + layers + ")";
      }
      return "new " + type + "(" + args + (twoArgs ? "" : ", " + layers) + ")";
    }, batchFirst ? type + ".batchFirst" : "new " + type);
    long[] out = x.rank() == 3 ? new long[] {x.size(0), x.size(1), hidden}
        : new long[] {x.size(0), hidden};
    if (!states) {
      // A batch-first network's output is a transposed view.
      return b.let(m + ".forward(" + x.name() + ")", type + ".forward", out).stridedIn(b);
    }
    b.tag("spelling:initialState");
    Val h0 = b.input(layers, stateBatch, hidden);
    String args = x.name() + ", " + h0.name();
    if (type.equals("LSTM")) {
      Val c0 = b.input(layers, batch, hidden);
      args += ", " + c0.name();
    }
    return b.let(m + ".forward(" + args + ")", type + ".forward", out).stridedIn(b);
  }

  static Val attention(ProgramBuilder b, Val in, boolean mistake) {
    long heads = b.between(1, 3);
    long embed;
    Val q;
    if (in != null && in.rank() == 3 && in.size(2) % heads == 0 && in.numel() <= 512) {
      q = in;
      embed = in.size(2);
    } else {
      embed = heads * b.between(1, 3);
      q = b.input(b.between(1, 4), b.between(1, 3), embed);
    }
    long source = b.between(1, 4);
    long batch = q.size(1);
    long keyEmbed = embed;
    long declaredHeads = heads;
    if (mistake) {
      switch (b.between(0, 2)) {
        case 0:
          keyEmbed++;
          b.mistake("attention.keyEmbed");
          break;
        case 1:
          batch++;
          b.mistake("attention.batch");
          break;
        default:
          declaredHeads = embed + 1;
          b.mistake("attention.heads");
          break;
      }
    }
    Val k = b.input(source, batch, keyEmbed);
    Val v = b.chance(0.5) ? k : b.input(source, batch, keyEmbed);
    long embed1 = embed;
    long heads1 = declaredHeads;
    Val q1 = q;
    String m = b.module("MultiheadAttention", () -> "new MultiheadAttention("
        + b.sizeFrom(embed1, q1) + ", " + b.size(heads1) + ")", "new MultiheadAttention");
    return b.let(m + ".forward(" + q.name() + ", " + k.name() + ", " + v.name() + ")",
        "MultiheadAttention.forward", q.shape()).stridedIn(b);
  }
}
