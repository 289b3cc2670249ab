import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.conv.Conv1d;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.conv.ConvTranspose2d;
import dev.shapetorch.nn.normalization.GroupNorm;

/**
 * A layer's constructor contract with constant arguments: the rule its {@code Spec} runs
 * (Rule.CONV_CONTRACT, GROUP_NORM_CONTRACT, ATTENTION_CONTRACT), so the checker reports what the
 * run time throws, with the same text (SpecTest and CheckerAgreementTest in tensor-runtime).
 */
class ConstructorContractsRejected {
  void conv() {
    // :: error: (shape.conv.params) Conv2d: groups (2) must be positive and divide both in (5) and out (6) channels; choose groups among their common divisors
    new Conv2d(5, 6, 2, 2, 1, 1, 0, 0, 1, 1, 2, true);
    // :: error: (shape.conv.params) Conv2d: kernel must be positive, got 0
    new Conv2d(3, 4, 0);
    // :: error: (shape.conv.params) Conv2d: kernel must be positive, got 0
    new Conv2d(3, 4, 3, 0, 1, 1, 0, 0, 1, 1, 1, true);
    // :: error: (shape.conv.params) Conv2d: padding must not be negative, got -1
    new Conv2d(3, 4, 3, 1, -1);
    // :: error: (shape.conv.params) Conv2d: stride must be positive, got 0
    new Conv2d(3, 4, 3, 0, 0);
    // :: error: (shape.conv.params) Conv1d: groups (3) must be positive and divide both in (4) and out (8) channels; choose groups among their common divisors
    new Conv1d(4, 8, 3, 1, 1, 1, 3, false);
    // :: error: (shape.conv.params) ConvTranspose2d: padding must not be negative, got -1
    new ConvTranspose2d(3, 4, 3, 2, -1, 0);
  }

  void norms() {
    // :: error: (shape.module.params) GroupNorm: numChannels (4) must be divisible by numGroups (5); choose a numGroups that divides it (1 normalises all channels together)
    new GroupNorm(5, 4);
    // :: error: (shape.module.params) GroupNorm: numGroups must be positive, got 0
    new GroupNorm(0, 4, 1e-5, true);
  }

  void attention() {
    // :: error: (shape.module.params) MultiheadAttention: embedDim (3) must be divisible by numHeads (4), each head taking embedDim/numHeads features; choose a numHeads that divides it
    new MultiheadAttention(3, 4);
    // :: error: (shape.module.params) MultiheadAttention: embedDim (100) must be divisible by numHeads (8), each head taking embedDim/numHeads features; choose a numHeads that divides it
    new MultiheadAttention(100, 8, 0.0, true);
  }
}
