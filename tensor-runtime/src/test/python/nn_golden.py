"""Golden values for the dev.shapetorch.nn tests, computed by PyTorch.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/nn_golden.py

It rewrites tensor-runtime/src/test/resources/golden/nn/*.txt. Each file is one case; each
line is one tensor: ``name<TAB>dtype<TAB>shape<TAB>values``, where dtype is ``float`` or
``long``, shape is comma-separated sizes (``-`` for a 0-d tensor) and values are separated by
spaces (empty for a tensor without elements). Float values are float32 numbers printed
exactly (as Python floats), so the Java tests read bit-identical inputs.

Names: ``state.<key>`` is an entry of the module's state_dict (the Java test loads it with
loadStateDict, which also checks that parameter names equal PyTorch's), ``in.*`` are inputs,
``out.*`` outputs, ``grad.*`` gradients of ``out.*`` summed, after ``backward``.
"""

import os

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "nn")


def fmt(t):
    t = t.detach()
    if t.dtype in (torch.int64, torch.int32, torch.uint8, torch.bool):
        dtype = "long"
        vals = [str(int(v)) for v in t.reshape(-1).tolist()]
    else:
        dtype = "float"
        vals = [repr(float(v)) for v in t.to(torch.float32).reshape(-1).tolist()]
    shape = ",".join(str(s) for s in t.shape) if t.dim() > 0 else "-"
    return dtype, shape, " ".join(vals)


def write(case, tensors):
    path = os.path.join(OUT, case + ".txt")
    with open(path, "w") as f:
        for name, t in tensors.items():
            dtype, shape, vals = fmt(t)
            f.write(f"{name}\t{dtype}\t{shape}\t{vals}\n")


def rand(*shape):
    return torch.randn(*shape)


def module_case(case, module, inputs, forward=None):
    """State dict, inputs, outputs (a tensor or a tuple of tensors) and input gradients."""
    d = {}
    for k, v in module.state_dict().items():
        d["state." + k] = v
    leaf = {}
    for k, v in inputs.items():
        if v.is_floating_point():
            v = v.clone().requires_grad_(True)
        leaf[k] = v
        d["in." + k] = v
    outs = forward(module, **leaf) if forward else module(*leaf.values())
    if isinstance(outs, torch.Tensor):
        outs = {"y": outs}
    total = 0
    for k, v in outs.items():
        d["out." + k] = v
        if v.is_floating_point():
            total = total + v.sum()
    if isinstance(total, torch.Tensor) and total.requires_grad:
        total.backward()
        for k, v in leaf.items():
            if v.is_floating_point() and v.grad is not None:
                d["grad." + k] = v.grad
        for k, p in module.named_parameters():
            if p.grad is not None:
                d["pgrad." + k] = p.grad
    write(case, d)


def layers():
    module_case("linear", nn.Linear(4, 5), {"x": rand(3, 4)})
    module_case("linear_nobias_batched", nn.Linear(4, 2, bias=False), {"x": rand(2, 3, 4)})
    module_case("bilinear", nn.Bilinear(4, 2, 3), {"x1": rand(5, 4), "x2": rand(5, 2)})
    module_case("conv1d", nn.Conv1d(3, 4, 3, stride=2, padding=1), {"x": rand(2, 3, 10)})
    module_case("conv1d_groups_dilation", nn.Conv1d(4, 6, 2, dilation=2, groups=2),
                {"x": rand(2, 4, 9)})
    module_case("conv2d", nn.Conv2d(3, 4, (3, 2), stride=(2, 1), padding=(1, 0),
                                    dilation=(1, 2)), {"x": rand(2, 3, 7, 6)})
    module_case("conv2d_square", nn.Conv2d(2, 3, 3, padding=1, bias=False), {"x": rand(1, 2, 5, 5)})
    module_case("conv_transpose2d", nn.ConvTranspose2d(3, 2, 3, stride=2, padding=1,
                                                       output_padding=1), {"x": rand(2, 3, 4, 5)})
    module_case("max_pool1d", nn.MaxPool1d(3, stride=2, padding=1), {"x": rand(2, 3, 9)})
    module_case("max_pool2d", nn.MaxPool2d(3, stride=2, padding=1), {"x": rand(2, 3, 7, 7)})
    module_case("max_pool2d_ceil", nn.MaxPool2d(2, ceil_mode=True), {"x": rand(1, 2, 5, 5)})
    module_case("avg_pool2d", nn.AvgPool2d(2), {"x": rand(2, 3, 6, 4)})
    module_case("avg_pool2d_pad", nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False),
                {"x": rand(1, 2, 5, 5)})
    module_case("adaptive_avg_pool2d", nn.AdaptiveAvgPool2d((3, 2)), {"x": rand(2, 3, 7, 5)})

    for name, bn, shape in [("batch_norm1d", nn.BatchNorm1d(3), (4, 3)),
                            ("batch_norm1d_3d", nn.BatchNorm1d(3, momentum=0.2), (4, 3, 2)),
                            ("batch_norm2d", nn.BatchNorm2d(3), (4, 3, 2, 2))]:
        with torch.no_grad():
            bn.weight.copy_(torch.rand(3) + 0.5)
            bn.bias.copy_(rand(3))
        x = rand(*shape) * 2 + 1
        before = {"state." + k: v.clone() for k, v in bn.state_dict().items()}
        xt = x.clone().requires_grad_(True)
        y = bn(xt)
        y.pow(2).sum().backward()
        after = {"after." + k: v for k, v in bn.state_dict().items()}
        bn.eval()
        x2 = rand(*shape)
        y_eval = bn(x2)
        write(name, {**before, "in.x": x, "out.y": y, "grad.x": xt.grad, **after,
                     "in.x_eval": x2, "out.y_eval": y_eval})

    ln = nn.LayerNorm(4)
    with torch.no_grad():
        ln.weight.copy_(rand(4))
        ln.bias.copy_(rand(4))
    module_case("layer_norm", ln, {"x": rand(2, 3, 4)})
    module_case("layer_norm_2d", nn.LayerNorm((3, 4), elementwise_affine=False, eps=1e-3),
                {"x": rand(2, 3, 4)})
    gn = nn.GroupNorm(3, 6)
    with torch.no_grad():
        gn.weight.copy_(rand(6))
        gn.bias.copy_(rand(6))
    module_case("group_norm", gn, {"x": rand(2, 6, 3, 3)})

    emb = nn.Embedding(10, 3, padding_idx=1)
    module_case("embedding", emb, {"idx": torch.tensor([[0, 1, 4, 9], [4, 3, 1, 0]])})

    acts = {"relu": nn.ReLU(), "gelu": nn.GELU(), "gelu_tanh": nn.GELU(approximate="tanh"),
            "silu": nn.SiLU(), "tanh": nn.Tanh(), "sigmoid": nn.Sigmoid(),
            "leaky_relu": nn.LeakyReLU(0.1), "elu": nn.ELU(0.7),
            "softplus": nn.Softplus(beta=2.0, threshold=3.0),
            "softmax": nn.Softmax(dim=1), "log_softmax": nn.LogSoftmax(dim=1)}
    x = rand(3, 4) * 3
    d = {"in.x": x}
    for k, m in acts.items():
        xt = x.clone().requires_grad_(True)
        y = m(xt)
        (y * torch.arange(1.0, 13.0).reshape(3, 4)).sum().backward()
        d["out." + k] = y
        d["grad." + k] = xt.grad
    write("activations", d)


def rnn_forward(m, x, h0=None, c0=None):
    if c0 is not None:
        out, (h, c) = m(x, (h0, c0))
        return {"out": out, "h": h, "c": c}
    if isinstance(m, nn.LSTM):
        out, (h, c) = m(x)
        return {"out": out, "h": h, "c": c}
    out, h = m(x) if h0 is None else m(x, h0)
    return {"out": out, "h": h}


def recurrent():
    module_case("rnn_tanh", nn.RNN(3, 4), {"x": rand(5, 2, 3)}, rnn_forward)
    module_case("rnn_relu_2layer_h0", nn.RNN(3, 4, num_layers=2, nonlinearity="relu"),
                {"x": rand(5, 2, 3), "h0": rand(2, 2, 4)}, rnn_forward)
    module_case("lstm", nn.LSTM(3, 4), {"x": rand(5, 2, 3)}, rnn_forward)
    module_case("lstm_bi_2layer_batch_first",
                nn.LSTM(3, 4, num_layers=2, bidirectional=True, batch_first=True),
                {"x": rand(2, 5, 3), "h0": rand(4, 2, 4), "c0": rand(4, 2, 4)}, rnn_forward)
    module_case("gru", nn.GRU(3, 4, batch_first=True), {"x": rand(2, 5, 3)}, rnn_forward)
    module_case("gru_bi_nobias", nn.GRU(3, 4, bidirectional=True, bias=False),
                {"x": rand(5, 2, 3)}, rnn_forward)


def unbatched():
    """Recurrent layers given one sequence without a batch dim, [L, In] (states [D*Layers, H])."""
    module_case("rnn_unbatched_2layer_h0", nn.RNN(3, 4, num_layers=2),
                {"x": rand(5, 3), "h0": rand(2, 4)}, rnn_forward)
    module_case("gru_unbatched_bi_batch_first", nn.GRU(3, 4, bidirectional=True, batch_first=True),
                {"x": rand(5, 3)}, rnn_forward)
    module_case("lstm_unbatched_bi_2layer", nn.LSTM(3, 4, num_layers=2, bidirectional=True),
                {"x": rand(5, 3), "h0": rand(4, 4), "c0": rand(4, 4)}, rnn_forward)


def attention():
    def mha_forward(m, q, k, v):
        out, w = m(q, k, v)
        return {"y": out, "weights": w}

    module_case("mha", nn.MultiheadAttention(4, 2), {"q": rand(3, 2, 4), "k": rand(5, 2, 4),
                                                    "v": rand(5, 2, 4)}, mha_forward)
    module_case("mha_batch_first", nn.MultiheadAttention(6, 3, batch_first=True),
                {"q": rand(2, 3, 6), "k": rand(2, 3, 6), "v": rand(2, 3, 6)}, mha_forward)
    enc = nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.0)
    module_case("transformer_encoder_layer", enc, {"x": rand(3, 2, 4)})
    enc2 = nn.TransformerEncoderLayer(4, 2, dim_feedforward=6, dropout=0.0, activation="gelu",
                                      batch_first=True, norm_first=True)
    module_case("transformer_encoder_layer_norm_first", enc2, {"x": rand(2, 3, 4)})


def functional():
    x = rand(1, 2, 3, 4)
    write("interpolate", {
        "in.x": x,
        "out.nearest_size": F.interpolate(x, size=(5, 6), mode="nearest"),
        "out.nearest_scale": F.interpolate(x, scale_factor=2.0, mode="nearest"),
        "out.bilinear": F.interpolate(x, size=(5, 7), mode="bilinear", align_corners=False),
        "out.bilinear_aligned": F.interpolate(x, size=(5, 7), mode="bilinear",
                                              align_corners=True),
    })
    write("pad", {
        "in.x": x,
        "out.constant": F.pad(x, (1, 2, 0, 1), value=0.5),
        "out.reflect": F.pad(x, (2, 1, 1, 2), mode="reflect"),
        "out.replicate": F.pad(x, (1, 1, 2, 0), mode="replicate"),
        "out.circular": F.pad(x, (1, 2, 1, 0), mode="circular"),
    })
    idx = torch.tensor([[0, 3], [2, 1]])
    write("one_hot", {"in.idx": idx, "out.y": F.one_hot(idx, 5), "out.inferred": F.one_hot(idx)})


def loss_case(case, fn, inp, target, extra=None, reductions=("mean", "sum", "none")):
    d = {"in.input": inp, "in.target": target}
    for k, v in (extra or {}).items():
        d["in." + k] = v
    for r in reductions:
        x = inp.clone().requires_grad_(True)
        y = fn(x, target, r)
        y.sum().backward()
        d["out." + r] = y
        d["grad." + r] = x.grad
    write(case, d)


def losses():
    a, b = rand(4, 3), rand(4, 3)
    loss_case("mse_loss", lambda x, t, r: F.mse_loss(x, t, reduction=r), a, b)
    loss_case("l1_loss", lambda x, t, r: F.l1_loss(x, t, reduction=r), a, b)
    loss_case("smooth_l1_loss", lambda x, t, r: F.smooth_l1_loss(x, t, reduction=r, beta=0.5),
              a, b)
    loss_case("huber_loss", lambda x, t, r: F.huber_loss(x, t, reduction=r, delta=0.7), a, b)

    logits = rand(5, 4)
    cls = torch.tensor([0, 3, 1, 3, 2])
    w = torch.tensor([0.5, 1.0, 2.0, 1.5])
    loss_case("cross_entropy", lambda x, t, r: F.cross_entropy(x, t, reduction=r), logits, cls)
    loss_case("cross_entropy_weight_ignore",
              lambda x, t, r: F.cross_entropy(x, t, weight=w, ignore_index=3, reduction=r),
              logits, cls, {"weight": w})
    loss_case("cross_entropy_smoothing",
              lambda x, t, r: F.cross_entropy(x, t, weight=w, label_smoothing=0.2, reduction=r),
              logits, cls, {"weight": w})
    probs = torch.softmax(rand(5, 4), dim=1)
    loss_case("cross_entropy_probs",
              lambda x, t, r: F.cross_entropy(x, t, label_smoothing=0.1, reduction=r),
              logits, probs)
    loss_case("cross_entropy_kdim", lambda x, t, r: F.cross_entropy(x, t, reduction=r),
              rand(2, 4, 3), torch.tensor([[0, 1, 3], [2, 2, 0]]))
    logp = torch.log_softmax(rand(5, 4), dim=1)
    loss_case("nll_loss", lambda x, t, r: F.nll_loss(x, t, reduction=r), logp, cls)
    loss_case("nll_loss_weight_ignore",
              lambda x, t, r: F.nll_loss(x, t, weight=w, ignore_index=0, reduction=r),
              logp, cls, {"weight": w})

    p = torch.sigmoid(rand(4, 3))
    y = (torch.rand(4, 3) > 0.5).float()
    bw = torch.rand(4, 3) + 0.5
    loss_case("binary_cross_entropy", lambda x, t, r: F.binary_cross_entropy(x, t, reduction=r),
              p, y)
    loss_case("binary_cross_entropy_weight",
              lambda x, t, r: F.binary_cross_entropy(x, t, weight=bw, reduction=r), p, y,
              {"weight": bw})
    z = rand(4, 3) * 2
    pw = torch.tensor([1.0, 2.0, 0.5])
    loss_case("bce_with_logits",
              lambda x, t, r: F.binary_cross_entropy_with_logits(x, t, reduction=r), z, y)
    loss_case("bce_with_logits_pos_weight",
              lambda x, t, r: F.binary_cross_entropy_with_logits(x, t, weight=bw, pos_weight=pw,
                                                                 reduction=r),
              z, y, {"weight": bw, "pos_weight": pw})

    lp = torch.log_softmax(rand(3, 4), dim=1)
    q = torch.softmax(rand(3, 4), dim=1)
    loss_case("kl_div", lambda x, t, r: F.kl_div(x, t, reduction=r), lp, q,
              reductions=("mean", "sum", "none", "batchmean"))
    loss_case("kl_div_log_target",
              lambda x, t, r: F.kl_div(x, t, reduction=r, log_target=True), lp, q.log(),
              reductions=("mean", "sum", "none", "batchmean"))


def names():
    """Parameter and state_dict names of a LeNet and a nested model, in PyTorch's order."""

    class LeNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
            self.conv2 = nn.Conv2d(6, 16, 5)
            self.fc1 = nn.Linear(16 * 5 * 5, 120)
            self.fc2 = nn.Linear(120, 84)
            self.fc3 = nn.Linear(84, 10)

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(3, 3, 3)
            self.bn = nn.BatchNorm2d(3)

    class Nested(nn.Module):
        def __init__(self):
            super().__init__()
            self.stem = nn.Sequential(nn.Conv2d(1, 3, 3), nn.ReLU(), nn.BatchNorm2d(3))
            self.blocks = nn.ModuleList([Block(), Block()])
            self.scale = nn.Parameter(torch.ones(1))
            self.head = nn.Linear(3, 2)
            self.register_buffer("steps", torch.zeros(1))

    with open(os.path.join(OUT, "names.txt"), "w") as f:
        for label, m in [("lenet", LeNet()), ("nested", Nested())]:
            f.write(label + ".parameters\t" + " ".join(n for n, _ in m.named_parameters()) + "\n")
            f.write(label + ".state_dict\t" + " ".join(m.state_dict().keys()) + "\n")
            f.write(label + ".modules\t" + " ".join(n or "<root>" for n, _ in m.named_modules())
                    + "\n")


def reprs():
    """How PyTorch prints modules (repr), one per line, newlines escaped as \\n."""
    torch.manual_seed(0)
    modules = {
        "linear": nn.Linear(4, 5),
        "linear_nobias": nn.Linear(4, 2, bias=False),
        "bilinear": nn.Bilinear(4, 2, 3),
        "conv1d": nn.Conv1d(3, 4, 3, stride=2, padding=1),
        "conv2d": nn.Conv2d(1, 6, 5, padding=2),
        "conv2d_full": nn.Conv2d(4, 6, (3, 2), stride=(2, 1), padding=(1, 0), dilation=(1, 2),
                                 groups=2, bias=False),
        "conv_transpose2d": nn.ConvTranspose2d(3, 2, 3, stride=2, padding=1, output_padding=1),
        "max_pool1d": nn.MaxPool1d(3, stride=2, padding=1),
        "max_pool2d": nn.MaxPool2d(2),
        "avg_pool2d": nn.AvgPool2d(2),
        "adaptive_avg_pool2d": nn.AdaptiveAvgPool2d((3, 2)),
        "batch_norm1d": nn.BatchNorm1d(3),
        "batch_norm2d": nn.BatchNorm2d(3, momentum=0.2),
        "layer_norm": nn.LayerNorm(4),
        "layer_norm_2d": nn.LayerNorm((3, 4), eps=1e-3, elementwise_affine=False),
        "group_norm": nn.GroupNorm(3, 6),
        "dropout": nn.Dropout(0.25),
        "embedding": nn.Embedding(10, 3, padding_idx=1),
        "rnn": nn.RNN(3, 4, nonlinearity="relu"),
        "lstm": nn.LSTM(3, 4, num_layers=2, batch_first=True),
        "gru": nn.GRU(3, 4, bidirectional=True),
        "mha": nn.MultiheadAttention(4, 2),
        "encoder": nn.TransformerEncoderLayer(4, 2, 8),
        "flatten": nn.Flatten(),
        "identity": nn.Identity(),
        "relu": nn.ReLU(),
        "gelu": nn.GELU(),
        "silu": nn.SiLU(),
        "tanh": nn.Tanh(),
        "sigmoid": nn.Sigmoid(),
        "leaky_relu": nn.LeakyReLU(0.1),
        "elu": nn.ELU(0.7),
        "softplus": nn.Softplus(),
        "softmax": nn.Softmax(dim=1),
        "log_softmax": nn.LogSoftmax(dim=-1),
        "sequential": nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2)),
        "module_list": nn.ModuleList([nn.ReLU(), nn.Tanh()]),
        "mse": nn.MSELoss(),
        "cross_entropy": nn.CrossEntropyLoss(),
        "smooth_l1": nn.SmoothL1Loss(beta=0.5),
        "kl_div": nn.KLDivLoss(reduction="batchmean"),
        "batch_norm1d_cma": nn.BatchNorm1d(3, momentum=None),
        "embedding_negative_padding": nn.Embedding(5, 3, padding_idx=-1),
        "conv1d_dilation_nobias": nn.Conv1d(3, 4, 3, stride=2, padding=1, dilation=2,
                                            bias=False),
        "conv_transpose2d_dilation": nn.ConvTranspose2d(3, 2, 3, stride=2, padding=1,
                                                        output_padding=1, dilation=2),
        "max_pool2d_full": nn.MaxPool2d((3, 2), stride=(2, 1), padding=(1, 0),
                                        dilation=(1, 2), ceil_mode=True),
        "glu": nn.GLU(),
        "glu_dim": nn.GLU(dim=1),
        "hardswish": nn.Hardswish(),
        "hardsigmoid": nn.Hardsigmoid(),
        "hardtanh": nn.Hardtanh(),
        "hardtanh_custom": nn.Hardtanh(-0.5, 2.0),
        "relu6": nn.ReLU6(),
        "mish": nn.Mish(),
        "prelu": nn.PReLU(),
        "prelu_channels": nn.PReLU(3, 0.1),
        "softsign": nn.Softsign(),
        "selu": nn.SELU(),
        "celu": nn.CELU(0.5),
        "logsigmoid": nn.LogSigmoid(),
        "softmin": nn.Softmin(dim=1),
        "tanhshrink": nn.Tanhshrink(),
        "softshrink": nn.Softshrink(),
        "hardshrink": nn.Hardshrink(1.2),
        "threshold": nn.Threshold(0.1, 20.0),
        "cosine_embedding": nn.CosineEmbeddingLoss(margin=0.3),
        "margin_ranking": nn.MarginRankingLoss(),
        "triplet_margin": nn.TripletMarginLoss(),
        "multilabel_soft_margin": nn.MultiLabelSoftMarginLoss(),
        "poisson_nll": nn.PoissonNLLLoss(),
        "gaussian_nll": nn.GaussianNLLLoss(),
        "ctc": nn.CTCLoss(),
    }
    with open(os.path.join(OUT, "reprs.txt"), "w") as f:
        for k, m in modules.items():
            f.write(k + "\t" + repr(m).replace("\n", "\\n") + "\n")


def parity():
    """Options that mirror PyTorch's None/negative conventions (own seed: other cases keep theirs).

    ``batch_norm*_cma``: momentum=None (a cumulative moving average of the batch statistics),
    three training batches ``in.x0..2`` with outputs ``out.y0..2``; ``after.*`` is the state
    dict after them. ``embedding_negative_padding``: padding_idx=-1, which PyTorch normalises
    to num_embeddings - 1 at construction; ``pgrad.weight``'s last row is zero.
    """
    torch.manual_seed(1913)
    for name, bn, shape in [("batch_norm1d_cma", nn.BatchNorm1d(3, momentum=None), (4, 3)),
                            ("batch_norm2d_cma", nn.BatchNorm2d(2, momentum=None), (3, 2, 2, 2))]:
        with torch.no_grad():
            bn.weight.copy_(torch.rand(bn.num_features) + 0.5)
            bn.bias.copy_(rand(bn.num_features))
        d = {"state." + k: v.clone() for k, v in bn.state_dict().items()}
        for i in range(3):
            x = rand(*shape) * (i + 1) + i
            d[f"in.x{i}"] = x
            d[f"out.y{i}"] = bn(x)
        d.update({"after." + k: v for k, v in bn.state_dict().items()})
        write(name, d)

    emb = nn.Embedding(5, 3, padding_idx=-1)
    assert emb.padding_idx == 4
    module_case("embedding_negative_padding", emb,
                {"idx": torch.tensor([[0, 4, 2], [4, 4, 1]])})


def weighted_backward(y):
    """Backward of sum(y * w), w = 1, 2, ... in y's shape (so that each element's gradient differs)."""
    w = torch.arange(1.0, y.numel() + 1.0).reshape(y.shape)
    (y * w).sum().backward()


def breadth():
    """Issue 14's activations, distances and losses (own seed: other cases keep theirs).

    ``activations_more``: each activation at its defaults and one other setting, its output
    ``out.<name>`` and ``grad.<name>``, the gradient of ``sum(y * w)`` with ``w = 1, 2, ...``
    in y's shape. ``glu``, ``distances``: the same weighting, one gradient per input
    (``grad.<case>.<input>``). Losses: ``out.<reduction>`` and ``grad.<input>.<reduction>``,
    the gradient of the loss's sum.
    """
    torch.manual_seed(1914)
    x = rand(3, 4) * 4
    acts = {
        "hardswish": F.hardswish, "hardsigmoid": F.hardsigmoid,
        "hardtanh": F.hardtanh, "hardtanh_custom": lambda t: F.hardtanh(t, -0.5, 2.0),
        "relu6": F.relu6, "mish": F.mish, "softsign": F.softsign, "selu": F.selu,
        "celu": F.celu, "celu_custom": lambda t: F.celu(t, 0.5),
        "logsigmoid": F.logsigmoid, "tanhshrink": F.tanhshrink,
        "softshrink": F.softshrink, "softshrink_custom": lambda t: F.softshrink(t, 1.0),
        "hardshrink": F.hardshrink, "hardshrink_custom": lambda t: F.hardshrink(t, 1.2),
        "threshold": lambda t: F.threshold(t, 0.1, 20.0),
        "threshold_custom": lambda t: F.threshold(t, -0.5, -2.0),
        "softmin": lambda t: F.softmin(t, dim=1), "softmin_dim0": lambda t: F.softmin(t, dim=0),
    }
    d = {"in.x": x}
    for k, f in acts.items():
        xt = x.clone().requires_grad_(True)
        y = f(xt)
        weighted_backward(y)
        d["out." + k] = y
        d["grad." + k] = xt.grad
    write("activations_more", d)

    g = rand(4, 6)
    d = {"in.x": g}
    for k, f in {"default": F.glu, "dim0": lambda t: F.glu(t, 0)}.items():
        xt = g.clone().requires_grad_(True)
        y = f(xt)
        weighted_backward(y)
        d["out." + k] = y
        d["grad." + k + ".x"] = xt.grad
    write("glu", d)

    module_case("prelu", nn.PReLU(), {"x": rand(2, 3, 4)})
    module_case("prelu_channels", nn.PReLU(3, 0.1), {"x": rand(2, 3, 4)})

    x1, x2, x2b = rand(3, 4), rand(3, 4), rand(1, 4)
    d = {"in.x1": x1, "in.x2": x2, "in.x2b": x2b}
    cases = {
        "normalize": (lambda a, b: F.normalize(a), "x2"),
        "normalize_p1_dim0": (lambda a, b: F.normalize(a, p=1.0, dim=0, eps=1e-3), "x2"),
        "cosine": (lambda a, b: F.cosine_similarity(a, b), "x2"),
        "cosine_broadcast": (lambda a, b: F.cosine_similarity(a, b, dim=-1, eps=1e-4), "x2b"),
        "pairwise": (lambda a, b: F.pairwise_distance(a, b), "x2"),
        "pairwise_p1_keepdim": (lambda a, b: F.pairwise_distance(a, b, p=1.0, eps=1e-3,
                                                                 keepdim=True), "x2b"),
    }
    for k, (f, other) in cases.items():
        a = x1.clone().requires_grad_(True)
        b = d["in." + other].clone().requires_grad_(True)
        y = f(a, b)
        weighted_backward(y)
        d["out." + k] = y
        d["grad." + k + ".x1"] = a.grad
        if b.grad is not None:
            d["grad." + k + "." + other] = b.grad
    write("distances", d)

    def multi(case, fn, inputs, grads):
        d = {"in." + k: v for k, v in inputs.items()}
        for r in ("mean", "sum", "none"):
            leaves = {k: (v.clone().requires_grad_(True) if k in grads else v)
                      for k, v in inputs.items()}
            y = fn(r, **leaves)
            y.sum().backward()
            d["out." + r] = y
            for k in grads:
                d["grad." + k + "." + r] = leaves[k].grad
        write(case, d)

    sign = lambda n: (torch.randint(0, 2, (n,)) * 2 - 1).float()
    emb = {"input1": rand(5, 4), "input2": rand(5, 4), "target": sign(5)}
    multi("cosine_embedding_loss",
          lambda r, input1, input2, target: F.cosine_embedding_loss(input1, input2, target,
                                                                    reduction=r),
          emb, ["input1", "input2"])
    multi("cosine_embedding_loss_margin",
          lambda r, input1, input2, target: F.cosine_embedding_loss(input1, input2, target,
                                                                    margin=0.3, reduction=r),
          emb, ["input1", "input2"])
    rank = {"input1": rand(6), "input2": rand(6), "target": sign(6)}
    multi("margin_ranking_loss",
          lambda r, input1, input2, target: F.margin_ranking_loss(input1, input2, target,
                                                                  reduction=r),
          rank, ["input1", "input2"])
    multi("margin_ranking_loss_margin",
          lambda r, input1, input2, target: F.margin_ranking_loss(input1, input2, target,
                                                                  margin=0.5, reduction=r),
          rank, ["input1", "input2"])
    trip = {"anchor": rand(5, 4), "positive": rand(5, 4), "negative": rand(5, 4)}
    multi("triplet_margin_loss",
          lambda r, anchor, positive, negative: F.triplet_margin_loss(anchor, positive, negative,
                                                                      reduction=r),
          trip, ["anchor", "positive", "negative"])
    multi("triplet_margin_loss_swap",
          lambda r, anchor, positive, negative: F.triplet_margin_loss(
              anchor, positive, negative, margin=2.0, p=1.0, eps=1e-3, swap=True, reduction=r),
          trip, ["anchor", "positive", "negative"])
    ml = {"input": rand(4, 3) * 2, "target": (torch.rand(4, 3) > 0.5).float(),
          "weight": torch.rand(3) + 0.5}
    multi("multilabel_soft_margin_loss",
          lambda r, input, target, weight: F.multilabel_soft_margin_loss(input, target,
                                                                         reduction=r),
          ml, ["input"])
    multi("multilabel_soft_margin_loss_weight",
          lambda r, input, target, weight: F.multilabel_soft_margin_loss(
              input, target, weight=weight, reduction=r),
          ml, ["input"])
    po = {"input": rand(4, 3), "target": torch.poisson(torch.rand(4, 3) * 4),
          "rate": torch.rand(4, 3) * 3 + 0.1}
    multi("poisson_nll_loss",
          lambda r, input, target, rate: F.poisson_nll_loss(input, target, reduction=r),
          po, ["input"])
    multi("poisson_nll_loss_rate_full",
          lambda r, input, target, rate: F.poisson_nll_loss(rate, target, log_input=False,
                                                            full=True, eps=1e-4, reduction=r),
          po, ["rate"])
    ga = {"input": rand(4, 3), "target": rand(4, 3), "var": torch.rand(4, 3) + 0.1,
          "var_sample": torch.tensor([0.5, 1e-5, 2.0, 0.0])}
    multi("gaussian_nll_loss",
          lambda r, input, target, var, var_sample: F.gaussian_nll_loss(input, target, var,
                                                                        reduction=r),
          ga, ["input", "var"])
    multi("gaussian_nll_loss_full_sample_var",
          lambda r, input, target, var, var_sample: F.gaussian_nll_loss(
              input, target, var_sample, full=True, eps=1e-3, reduction=r),
          ga, ["input", "var_sample"])
    ctc = {"log_probs": torch.log_softmax(rand(6, 2, 4), dim=2),
           "targets": torch.tensor([[1, 2, 2], [3, 1, 0]]),
           "input_lengths": torch.tensor([6, 5]), "target_lengths": torch.tensor([3, 2]),
           "short_lengths": torch.tensor([6, 2]),
           "targets_blank3": torch.tensor([[1, 2, 0], [0, 1, 2]])}
    multi("ctc_loss",
          lambda r, log_probs, targets, input_lengths, target_lengths, short_lengths,
          targets_blank3: F.ctc_loss(log_probs, targets, input_lengths, target_lengths,
                                     reduction=r),
          ctc, ["log_probs"])
    multi("ctc_loss_blank_zero_infinity",
          lambda r, log_probs, targets, input_lengths, target_lengths, short_lengths,
          targets_blank3: F.ctc_loss(log_probs, targets_blank3, short_lengths,
                                     torch.tensor([3, 3]), blank=3, reduction=r,
                                     zero_infinity=True),
          ctc, ["log_probs"])
    signs = lambda *shape: (torch.randint(0, 2, shape) * 2 - 1).float()
    he = {"input": rand(3, 4).abs() * 2, "target": signs(3, 4)}
    multi("hinge_embedding_loss",
          lambda r, input, target: F.hinge_embedding_loss(input, target, reduction=r),
          he, ["input"])
    multi("hinge_embedding_loss_margin",
          lambda r, input, target: F.hinge_embedding_loss(input, target, margin=0.5,
                                                          reduction=r),
          he, ["input"])
    sm = {"input": rand(3, 4), "target": signs(3, 4)}
    multi("soft_margin_loss",
          lambda r, input, target: F.soft_margin_loss(input, target, reduction=r),
          sm, ["input"])
    mm = {"input": rand(4, 5), "target": torch.tensor([0, 4, 2, 2]),
          "weight": torch.rand(5) + 0.5}
    multi("multi_margin_loss",
          lambda r, input, target, weight: F.multi_margin_loss(input, target, reduction=r),
          mm, ["input"])
    multi("multi_margin_loss_p2_weight",
          lambda r, input, target, weight: F.multi_margin_loss(input, target, p=2, margin=0.7,
                                                               weight=weight, reduction=r),
          mm, ["input"])
    mlm = {"input": rand(3, 5),
           "target": torch.tensor([[3, 0, -1, 1, 4], [1, 2, 4, 0, 3], [-1, 2, 2, 2, 2]])}
    multi("multilabel_margin_loss",
          lambda r, input, target: F.multilabel_margin_loss(input, target, reduction=r),
          mlm, ["input"])


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(20240611)
    layers()
    recurrent()
    attention()
    functional()
    losses()
    names()
    reprs()
    parity()
    unbatched()
    breadth()


if __name__ == "__main__":
    main()
