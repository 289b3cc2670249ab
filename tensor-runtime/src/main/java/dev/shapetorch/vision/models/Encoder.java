package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.dropout.Dropout;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Vision Transformer's encoder, as torchvision's {@code vision_transformer.Encoder}: adds the
 * learned position embedding, applies dropout, the {@link EncoderBlock}s ({@code
 * encoder_layer_0}, {@code encoder_layer_1}, ...) and a final layer norm (eps 1e-6). Parameter
 * names: {@code pos_embedding} {@code [1, seqLength, hidden]}, {@code
 * layers.encoder_layer_0.ln_1.weight}, ..., {@code ln.weight}, {@code ln.bias}.
 *
 * <p>Shape: {@code [B, seqLength, hidden] -> [B, seqLength, hidden]}.
 *
 * @param posEmbedding the position embedding {@code [1, seqLength, hidden]}
 * @param dropout after adding the embedding
 * @param layers the transformer layers
 * @param ln the final layer norm
 */
public record Encoder(Parameter posEmbedding, Dropout dropout, Sequential layers, LayerNorm ln)
    implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public Encoder {
    Arguments.requireNonNull(posEmbedding, "posEmbedding");
    Arguments.requireNonNull(dropout, "dropout");
    Arguments.requireNonNull(layers, "layers");
    Arguments.requireNonNull(ln, "ln");
  }

  /**
   * An encoder of {@code numLayers} layers over sequences of {@code seqLength}, the position
   * embedding drawn from {@code N(0, 0.02)} as torchvision does.
   *
   * @throws IllegalArgumentException for non-positive sizes, or as {@link EncoderBlock#create}
   */
  public static Encoder create(long seqLength, int numLayers, long numHeads, long hiddenDim,
      long mlpDim, double dropout, double attentionDropout) {
    if (seqLength < 1 || numLayers < 1) {
      throw Arguments.invalid(null, "seqLength and numLayers must be positive, got seqLength="
          + seqLength + ", numLayers=" + numLayers);
    }
    Map<String, UnaryModule> layers = new LinkedHashMap<>();
    for (int i = 0; i < numLayers; i++) {
      layers.put("encoder_layer_" + i,
          EncoderBlock.create(numHeads, hiddenDim, mlpDim, dropout, attentionDropout));
    }
    Tensor pos = Torch.empty(1, seqLength, hiddenDim);
    try (var ng = Torch.noGrad()) {
      Init.normal_(pos, 0, 0.02);
    }
    return new Encoder(new Parameter(pos), new Dropout(dropout), new Sequential(layers),
        new LayerNorm(new long[] {hiddenDim}, 1e-6, true));
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.parameter("pos_embedding", posEmbedding);
    v.module("dropout", dropout);
    v.module("layers", layers);
    v.module("ln", ln);
  }

  /**
   * The encoded sequence.
   *
   * <p>Shape: {@code [B, seqLength, hidden] -> [B, seqLength, hidden]}.
   */
  @Override
  public @Shape({"B", "L", "D"}) Tensor forward(@Shape({"B", "L", "D"}) Tensor input) {
    Arguments.requireNonNull(input, "input");
    Tensor x = dropout.forward(input.add(posEmbedding.get()));
    return ln.forward(layers.forward(x));
  }
}
