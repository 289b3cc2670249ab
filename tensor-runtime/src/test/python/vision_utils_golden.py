"""Golden values for dev.shapetorch.vision.utils (makeGrid, saveImage), made by PyTorch.

torchvision is not installed beside Debian's torch 1.13, so ``make_grid`` and the pixel
conversion of ``save_image`` are written out below with plain torch, step by step as
torchvision 0.14 (the release that goes with torch 1.13) defines them in
``torchvision/utils.py``. Run with Debian's interpreter:

    /usr/bin/python3 tensor-runtime/src/test/python/vision_utils_golden.py

It rewrites tensor-runtime/src/test/resources/golden/vision/grid.json: one input batch
``[N, C, H, W]`` per case (its values, drawn from a seeded generator), the options, the grid
``make_grid`` returns (shape and values) and the ``uint8`` pixels ``[H, W, C]`` that
``save_image`` writes to the PNG.
"""

import json
import math
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "vision", "grid.json")


def make_grid(tensor, nrow=8, padding=2, normalize=False, value_range=None,
              scale_each=False, pad_value=0.0):
    """torchvision.utils.make_grid, as torchvision 0.14 defines it."""
    if tensor.dim() == 2:
        tensor = tensor.unsqueeze(0)
    if tensor.dim() == 3:
        if tensor.size(0) == 1:
            tensor = torch.cat((tensor, tensor, tensor), 0)
        tensor = tensor.unsqueeze(0)
    if tensor.dim() == 4 and tensor.size(1) == 1:
        tensor = torch.cat((tensor, tensor, tensor), 1)

    if normalize is True:
        tensor = tensor.clone()

        def norm_ip(img, low, high):
            img.clamp_(min=low, max=high)
            img.sub_(low).div_(max(high - low, 1e-5))

        def norm_range(t, value_range):
            if value_range is not None:
                norm_ip(t, value_range[0], value_range[1])
            else:
                norm_ip(t, float(t.min()), float(t.max()))

        if scale_each is True:
            for t in tensor:
                norm_range(t, value_range)
        else:
            norm_range(tensor, value_range)

    if tensor.size(0) == 1:
        return tensor.squeeze(0)

    nmaps = tensor.size(0)
    xmaps = min(nrow, nmaps)
    ymaps = int(math.ceil(float(nmaps) / xmaps))
    height, width = int(tensor.size(2) + padding), int(tensor.size(3) + padding)
    num_channels = tensor.size(1)
    grid = tensor.new_full((num_channels, height * ymaps + padding, width * xmaps + padding),
                           pad_value)
    k = 0
    for y in range(ymaps):
        for x in range(xmaps):
            if k >= nmaps:
                break
            grid.narrow(1, y * height + padding, height - padding).narrow(
                2, x * width + padding, width - padding).copy_(tensor[k])
            k = k + 1
    return grid


def save_image_pixels(tensor, **kwargs):
    """The uint8 [H, W, C] array torchvision.utils.save_image hands to PIL."""
    grid = make_grid(tensor, **kwargs)
    return grid.mul(255).add_(0.5).clamp_(0, 255).permute(1, 2, 0).to("cpu", torch.uint8)


CASES = [
    # name, input shape, scale of the values, options
    ("defaults_rgb", (5, 3, 4, 3), 1.0, {}),
    ("nrow3_padding1_padvalue", (7, 3, 3, 2), 1.0, {"nrow": 3, "padding": 1, "pad_value": 0.5}),
    ("grey_normalize", (4, 1, 5, 5), 3.0, {"nrow": 2, "normalize": True}),
    ("value_range", (3, 3, 2, 2), 2.0, {"nrow": 3, "normalize": True, "value_range": (-1.0, 1.0)}),
    ("scale_each", (4, 3, 3, 3), 4.0, {"nrow": 4, "padding": 0, "normalize": True, "scale_each": True}),
    ("single_image", (1, 1, 4, 6), 1.0, {}),
    ("out_of_range_clamped", (2, 3, 2, 3), 2.0, {"padding": 3, "pad_value": 1.0}),
]


def main():
    gen = torch.Generator().manual_seed(17)
    cases = []
    for name, shape, scale, options in CASES:
        x = torch.rand(shape, generator=gen) * scale - (scale - 1.0) / 2
        grid = make_grid(x, **options)
        pixels = save_image_pixels(x, **options)
        opts = dict(options)
        if "value_range" in opts:
            opts["value_range"] = list(opts["value_range"])
        cases.append({
            "name": name,
            "shape": list(shape),
            "input": x.reshape(-1).tolist(),
            "options": opts,
            "grid_shape": list(grid.shape),
            "grid": grid.reshape(-1).tolist(),
            "pixels_shape": list(pixels.shape),
            "pixels": pixels.reshape(-1).tolist(),
        })
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f)
        f.write("\n")
    print("wrote", OUT, len(cases), "cases")


if __name__ == "__main__":
    main()
