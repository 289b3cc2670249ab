package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shapetorch.nn.activation.ELU;
import dev.shapetorch.nn.activation.GELU;
import dev.shapetorch.nn.activation.LeakyReLU;
import dev.shapetorch.nn.activation.LogSoftmax;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.activation.SiLU;
import dev.shapetorch.nn.activation.Sigmoid;
import dev.shapetorch.nn.activation.Softmax;
import dev.shapetorch.nn.activation.Softplus;
import dev.shapetorch.nn.activation.Tanh;
import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.containers.ModuleList;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.conv.Conv1d;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.conv.ConvTranspose2d;
import dev.shapetorch.nn.dropout.Dropout;
import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.nn.linear.Bilinear;
import dev.shapetorch.nn.linear.Flatten;
import dev.shapetorch.nn.linear.Identity;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.loss.CrossEntropyLoss;
import dev.shapetorch.nn.loss.KLDivLoss;
import dev.shapetorch.nn.loss.MSELoss;
import dev.shapetorch.nn.loss.SmoothL1Loss;
import dev.shapetorch.nn.normalization.BatchNorm1d;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.nn.normalization.GroupNorm;
import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.nn.pooling.AdaptiveAvgPool2d;
import dev.shapetorch.nn.pooling.AvgPool2d;
import dev.shapetorch.nn.pooling.MaxPool1d;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.nn.recurrent.GRU;
import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.nn.recurrent.RNN;
import dev.shapetorch.tensor.Reduction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Modules print as PyTorch prints them ({@code repr}), nested containers included. */
class ReprTest {

  @Test
  void everyModule_printsLikePyTorch() throws IOException {
    Map<String, Module> modules = new LinkedHashMap<>();
    modules.put("linear", new Linear(4, 5));
    modules.put("linear_nobias", new Linear(4, 2, false));
    modules.put("bilinear", new Bilinear(4, 2, 3));
    modules.put("conv1d", new Conv1d(3, 4, 3, 2, 1, 1, 1, true));
    modules.put("conv2d", new Conv2d(1, 6, 5, 1, 2));
    modules.put("conv2d_full", new Conv2d(4, 6, 3, 2, 2, 1, 1, 0, 1, 2, 2, false));
    modules.put("conv_transpose2d", new ConvTranspose2d(3, 2, 3, 2, 1, 1));
    modules.put("max_pool1d", new MaxPool1d(3, 2, 1));
    modules.put("max_pool2d", new MaxPool2d(2));
    modules.put("avg_pool2d", new AvgPool2d(2));
    modules.put("adaptive_avg_pool2d", new AdaptiveAvgPool2d(3, 2));
    modules.put("batch_norm1d", new BatchNorm1d(3));
    modules.put("batch_norm2d", new BatchNorm2d(3, 1e-5, 0.2, true, true));
    modules.put("layer_norm", new LayerNorm(4));
    modules.put("layer_norm_2d", new LayerNorm(new long[] {3, 4}, 1e-3, false));
    modules.put("group_norm", new GroupNorm(3, 6));
    modules.put("dropout", new Dropout(0.25));
    modules.put("embedding", new Embedding(10, 3, 1));
    modules.put("rnn", new RNN(3, 4, 1, "relu", true, false, 0.0, false));
    modules.put("lstm", LSTM.batchFirst(3, 4, 2));
    modules.put("gru", new GRU(3, 4, 1, true, false, 0.0, true));
    modules.put("mha", new MultiheadAttention(4, 2));
    modules.put("encoder", new TransformerEncoderLayer(4, 2, 8));
    modules.put("flatten", new Flatten());
    modules.put("identity", new Identity());
    modules.put("relu", new ReLU());
    modules.put("gelu", new GELU());
    modules.put("silu", new SiLU());
    modules.put("tanh", new Tanh());
    modules.put("sigmoid", new Sigmoid());
    modules.put("leaky_relu", new LeakyReLU(0.1));
    modules.put("elu", new ELU(0.7));
    modules.put("softplus", new Softplus());
    modules.put("softmax", new Softmax(1));
    modules.put("log_softmax", new LogSoftmax(-1));
    modules.put("sequential", new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2)));
    modules.put("module_list", ModuleList.of(new ReLU(), new Tanh()));
    modules.put("mse", new MSELoss());
    modules.put("cross_entropy", new CrossEntropyLoss());
    modules.put("smooth_l1", new SmoothL1Loss(Reduction.MEAN, 0.5));
    modules.put("kl_div", new KLDivLoss(Reduction.BATCHMEAN, false));
    modules.put("batch_norm1d_cma", new BatchNorm1d(3, 1e-5, null, true, true));
    modules.put("embedding_negative_padding", new Embedding(5, 3, -1));
    modules.put("conv1d_dilation_nobias", new Conv1d(3, 4, 3, 2, 1, 2, 1, false));
    modules.put("conv_transpose2d_dilation",
        new ConvTranspose2d(3, 2, 3, 3, 2, 2, 1, 1, 1, 1, 2, 2, 1, true));
    modules.put("max_pool2d_full", new MaxPool2d(3, 2, 2, 1, 1, 0, 1, 2, true));
    modules.put("glu", new dev.shapetorch.nn.activation.GLU());
    modules.put("glu_dim", new dev.shapetorch.nn.activation.GLU(1));
    modules.put("hardswish", new dev.shapetorch.nn.activation.Hardswish());
    modules.put("hardsigmoid", new dev.shapetorch.nn.activation.Hardsigmoid());
    modules.put("hardtanh", new dev.shapetorch.nn.activation.Hardtanh());
    modules.put("hardtanh_custom", new dev.shapetorch.nn.activation.Hardtanh(-0.5, 2.0));
    modules.put("relu6", new dev.shapetorch.nn.activation.ReLU6());
    modules.put("mish", new dev.shapetorch.nn.activation.Mish());
    modules.put("prelu", new dev.shapetorch.nn.activation.PReLU());
    modules.put("prelu_channels", new dev.shapetorch.nn.activation.PReLU(3, 0.1));
    modules.put("softsign", new dev.shapetorch.nn.activation.Softsign());
    modules.put("selu", new dev.shapetorch.nn.activation.SELU());
    modules.put("celu", new dev.shapetorch.nn.activation.CELU(0.5));
    modules.put("logsigmoid", new dev.shapetorch.nn.activation.LogSigmoid());
    modules.put("softmin", new dev.shapetorch.nn.activation.Softmin(1));
    modules.put("tanhshrink", new dev.shapetorch.nn.activation.Tanhshrink());
    modules.put("softshrink", new dev.shapetorch.nn.activation.Softshrink());
    modules.put("hardshrink", new dev.shapetorch.nn.activation.Hardshrink(1.2));
    modules.put("threshold", new dev.shapetorch.nn.activation.Threshold(0.1, 20.0));
    modules.put("cosine_embedding",
        new dev.shapetorch.nn.loss.CosineEmbeddingLoss(0.3, Reduction.MEAN));
    modules.put("margin_ranking", new dev.shapetorch.nn.loss.MarginRankingLoss());
    modules.put("triplet_margin", new dev.shapetorch.nn.loss.TripletMarginLoss());
    modules.put("multilabel_soft_margin", new dev.shapetorch.nn.loss.MultiLabelSoftMarginLoss());
    modules.put("poisson_nll", new dev.shapetorch.nn.loss.PoissonNLLLoss());
    modules.put("gaussian_nll", new dev.shapetorch.nn.loss.GaussianNLLLoss());
    modules.put("ctc", new dev.shapetorch.nn.loss.CTCLoss());
    int checked = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        ReprTest.class.getResourceAsStream("/golden/nn/reprs.txt"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t", 2);
        assertEquals(f[1].replace("\\n", "\n"), modules.get(f[0]).toString(), f[0]);
        checked++;
      }
    }
    assertEquals(modules.size(), checked);
  }

  @Test
  void pythonFloats() {
    assertEquals("1e-05", Checks.pyFloat(1e-5));
    assertEquals("0.001", Checks.pyFloat(1e-3));
    assertEquals("0.0001", Checks.pyFloat(1e-4));
    assertEquals("1.0", Checks.pyFloat(1));
    assertEquals("-2.5e-07", Checks.pyFloat(-2.5e-7));
    assertEquals("1e+16", Checks.pyFloat(1e16));
    assertEquals("123456.0", Checks.pyFloat(123456));
    assertEquals("20", Checks.pyNumber(20.0));
    assertEquals("0.5", Checks.pyNumber(0.5));
  }
}
