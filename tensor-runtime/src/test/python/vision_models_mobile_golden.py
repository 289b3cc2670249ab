"""Golden values for the mobile and transformer builders of dev.shapetorch.vision.models
(MobileNetV2, MobileNetV3, EfficientNet, VisionTransformer), made by torchvision 0.14 on
Debian's torch 1.13. Run with Debian's interpreter:

    /usr/bin/python3 tensor-runtime/src/test/python/vision_models_mobile_golden.py

It rewrites tensor-runtime/src/test/resources/golden/vision/models_mobile.json:

- "models": for every builder (default 1000 classes), its state dict's keys in order with their
  shapes, and its parameter count;
- "forward": for a few builders with 10 classes, filled by deterministic_weights.fill, in eval
  mode, the logits of the input x[i] = sin(0.01 i) (float64, then float32) of the given shape.
"""

import json
import math
import os

import torch
import torchvision.models as tvm

from deterministic_weights import fill

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "vision", "models_mobile.json")

BUILDERS = [
    "mobilenet_v2", "mobilenet_v3_large", "mobilenet_v3_small",
    "efficientnet_b0", "efficientnet_b1", "efficientnet_b2", "efficientnet_b3",
    "efficientnet_b4", "efficientnet_b5", "efficientnet_b6", "efficientnet_b7",
    "vit_b_16", "vit_b_32", "vit_l_16", "vit_l_32", "vit_h_14",
]

FORWARD = [
    ("mobilenet_v2", [2, 3, 64, 64]),
    ("mobilenet_v3_small", [2, 3, 64, 64]),
    ("efficientnet_b0", [2, 3, 64, 64]),
    ("vit_b_16", [1, 3, 224, 224]),
]


def the_input(shape):
    n = math.prod(shape)
    x = torch.arange(0.0, float(n), 1.0, dtype=torch.float64).mul(0.01).sin()
    return x.to(torch.float32).reshape(shape)


def main():
    torch.manual_seed(0)
    out = {"models": {}, "forward": []}
    for name in BUILDERS:
        model = getattr(tvm, name)()
        out["models"][name] = {
            "state": [[k, list(v.shape)] for k, v in model.state_dict().items()],
            "parameters": sum(p.numel() for p in model.parameters()),
        }
        del model
    for name, shape in FORWARD:
        model = getattr(tvm, name)(num_classes=10)
        fill(model)
        model.eval()
        with torch.no_grad():
            logits = model(the_input(shape))
        out["forward"].append({"model": name, "input": shape,
                               "logits": [float(v) for v in logits.flatten()]})
    with open(OUT, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
