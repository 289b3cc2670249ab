"""Golden values for dev.shapetorch.vision.models, made by torchvision 0.14 (Debian's
python3-torchvision, beside torch 1.13). Run with Debian's interpreter:

    /usr/bin/python3 tensor-runtime/src/test/python/vision_models_golden.py

It rewrites two files under tensor-runtime/src/test/resources/golden/vision/:

- models_state.json: for every builder (``{"builder": "resnet50", "keys": [[name, [shape...]],
  ...], "parameters": count}``) the state_dict's keys in order with their shapes, and the
  number of parameters, for the default 1000 classes.
- models_forward.json: for a few builders, the logits (eval mode) of a fixed input after
  deterministic_weights.fill(model): the input is ``sin(0.01 i)`` for element i of
  ``input_shape`` (float32), the model is built with ``classes`` outputs.
"""

import json
import os

import torch
import torchvision.models as tvm

from deterministic_weights import fill

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "vision")

BUILDERS = [
    "resnet18", "resnet34", "resnet50", "resnet101", "resnet152",
    "wide_resnet50_2", "wide_resnet101_2",
    "resnext50_32x4d", "resnext101_32x8d", "resnext101_64x4d",
    "vgg11", "vgg11_bn", "vgg13", "vgg13_bn", "vgg16", "vgg16_bn", "vgg19", "vgg19_bn",
    "alexnet", "squeezenet1_0", "squeezenet1_1",
    "densenet121", "densenet161", "densenet169", "densenet201",
]

# builder, classes, input shape. Models with a classifier of over 30 million weights (VGG,
# AlexNet) are left out: filling them makes float64 temporaries of gigabytes in the Java test.
FORWARD = [
    ("resnet50", 10, [2, 3, 64, 64]),
    ("resnext50_32x4d", 7, [1, 3, 32, 32]),
    ("squeezenet1_0", 6, [1, 3, 48, 48]),
    ("squeezenet1_1", 4, [2, 3, 40, 40]),
    ("densenet121", 3, [1, 3, 32, 32]),
]


def state(builder):
    model = getattr(tvm, builder)()
    keys = [[k, list(v.shape)] for k, v in model.state_dict().items()]
    count = sum(p.numel() for p in model.parameters())
    return {"builder": builder, "keys": keys, "parameters": count}


def forward(builder, classes, shape):
    torch.manual_seed(0)
    model = getattr(tvm, builder)(num_classes=classes)
    fill(model)
    model.eval()
    n = 1
    for d in shape:
        n *= d
    x = torch.arange(0.0, float(n), 1.0, dtype=torch.float64).mul(0.01).sin().float().reshape(shape)
    with torch.no_grad():
        y = model(x)
    return {"builder": builder, "classes": classes, "input_shape": shape,
            "output_shape": list(y.shape), "output": [float(v) for v in y.flatten()]}


def main():
    os.makedirs(OUT, exist_ok=True)
    states = [state(b) for b in BUILDERS]
    with open(os.path.join(OUT, "models_state.json"), "w") as f:
        json.dump({"torchvision": __import__("torchvision").__version__, "models": states}, f,
                  separators=(",", ":"))
        f.write("\n")
    outs = [forward(*c) for c in FORWARD]
    with open(os.path.join(OUT, "models_forward.json"), "w") as f:
        json.dump({"torchvision": __import__("torchvision").__version__, "cases": outs}, f,
                  indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
