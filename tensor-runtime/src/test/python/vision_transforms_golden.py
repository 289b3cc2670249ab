"""Golden values for dev.shapetorch.vision.transforms.TF, made by torchvision 0.14's functional
transforms on tensors (Debian's python3-torchvision beside torch 1.13). Run with:

    /usr/bin/python3 tensor-runtime/src/test/python/vision_transforms_golden.py

It rewrites tensor-runtime/src/test/resources/golden/vision/transforms.json: one case per call,
with the input ("u8": the uint8 image [3, 7, 9] with value (37 * k + 11) % 256 at flat index k;
"f32": that image / 255 in float32), the op, its arguments and the result (shape, dtype, values).
"""

import json
import os

import torch
import torchvision.transforms.functional as TF
from torchvision.transforms import InterpolationMode

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "vision", "transforms.json")

U8 = ((torch.arange(3 * 7 * 9) * 37 + 11) % 256).to(torch.uint8).reshape(3, 7, 9)
F32 = U8.to(torch.float32) / 255
INPUTS = {"u8": U8, "f32": F32}
NEAREST = InterpolationMode.NEAREST
BILINEAR = InterpolationMode.BILINEAR

# name, input, Java op (the test dispatches on it), arguments, the torchvision call
CASES = [
    ("centerCrop", "u8", {"h": 4, "w": 5}, lambda x: TF.center_crop(x, [4, 5])),
    ("centerCrop", "f32", {"h": 10, "w": 12}, lambda x: TF.center_crop(x, [10, 12])),
    ("crop", "u8", {"top": -1, "left": -2, "h": 5, "w": 6}, lambda x: TF.crop(x, -1, -2, 5, 6)),
    ("pad", "u8", {"padding": [1, 2, 3, 4], "fill": 7, "mode": "CONSTANT"},
     lambda x: TF.pad(x, [1, 2, 3, 4], fill=7, padding_mode="constant")),
    ("pad", "u8", {"padding": [2], "fill": 0, "mode": "EDGE"},
     lambda x: TF.pad(x, [2], padding_mode="edge")),
    ("pad", "f32", {"padding": [2, 1], "fill": 0, "mode": "REFLECT"},
     lambda x: TF.pad(x, [2, 1], padding_mode="reflect")),
    ("pad", "u8", {"padding": [3, 1, 2, 0], "fill": 0, "mode": "SYMMETRIC"},
     lambda x: TF.pad(x, [3, 1, 2, 0], padding_mode="symmetric")),
    ("hflip", "u8", {}, TF.hflip),
    ("vflip", "f32", {}, TF.vflip),
    ("rgbToGrayscale", "u8", {"n": 1}, lambda x: TF.rgb_to_grayscale(x, 1)),
    ("rgbToGrayscale", "f32", {"n": 3}, lambda x: TF.rgb_to_grayscale(x, 3)),
    ("adjustBrightness", "u8", {"f": 1.3}, lambda x: TF.adjust_brightness(x, 1.3)),
    ("adjustBrightness", "f32", {"f": 0.7}, lambda x: TF.adjust_brightness(x, 0.7)),
    ("adjustContrast", "u8", {"f": 0.6}, lambda x: TF.adjust_contrast(x, 0.6)),
    ("adjustContrast", "f32", {"f": 1.4}, lambda x: TF.adjust_contrast(x, 1.4)),
    ("adjustSaturation", "u8", {"f": 1.7}, lambda x: TF.adjust_saturation(x, 1.7)),
    ("adjustSaturation", "f32", {"f": 0.3}, lambda x: TF.adjust_saturation(x, 0.3)),
    ("adjustHue", "u8", {"f": 0.2}, lambda x: TF.adjust_hue(x, 0.2)),
    ("adjustHue", "f32", {"f": -0.35}, lambda x: TF.adjust_hue(x, -0.35)),
    ("adjustSharpness", "u8", {"f": 1.8}, lambda x: TF.adjust_sharpness(x, 1.8)),
    ("adjustSharpness", "f32", {"f": 0.4}, lambda x: TF.adjust_sharpness(x, 0.4)),
    ("autocontrast", "u8", {}, TF.autocontrast),
    ("autocontrast", "f32", {}, TF.autocontrast),
    ("equalize", "u8", {}, TF.equalize),
    ("invert", "u8", {}, TF.invert),
    ("invert", "f32", {}, TF.invert),
    ("posterize", "u8", {"bits": 3}, lambda x: TF.posterize(x, 3)),
    ("solarize", "u8", {"t": 100}, lambda x: TF.solarize(x, 100)),
    ("solarize", "f32", {"t": 0.4}, lambda x: TF.solarize(x, 0.4)),
    ("gaussianBlur", "u8", {"k": [3, 5], "sigma": [0.8, 1.3]},
     lambda x: TF.gaussian_blur(x, [3, 5], [0.8, 1.3])),
    ("gaussianBlur", "f32", {"k": [5, 3], "sigma": [1.1, 0.6]},
     lambda x: TF.gaussian_blur(x, [5, 3], [1.1, 0.6])),
    ("convertImageDtype", "u8", {"dtype": "FLOAT32"},
     lambda x: TF.convert_image_dtype(x, torch.float32)),
    ("convertImageDtype", "f32", {"dtype": "UINT8"},
     lambda x: TF.convert_image_dtype(x, torch.uint8)),
    ("rotate", "u8", {"angle": 30.0, "mode": "NEAREST", "expand": False, "fill": None},
     lambda x: TF.rotate(x, 30.0)),
    ("rotate", "f32", {"angle": -50.0, "mode": "BILINEAR", "expand": False, "fill": [0.2, 0.5, 0.9]},
     lambda x: TF.rotate(x, -50.0, BILINEAR, fill=[0.2, 0.5, 0.9])),
    ("rotate", "u8", {"angle": 45.0, "mode": "NEAREST", "expand": True, "fill": [0.0]},
     lambda x: TF.rotate(x, 45.0, NEAREST, expand=True, fill=[0.0])),
    ("affine", "u8", {"angle": 20.0, "translate": [1.0, -2.0], "scale": 1.1, "shear": [5.0, -3.0],
                      "mode": "NEAREST", "fill": [9.0]},
     lambda x: TF.affine(x, 20.0, [1, -2], 1.1, [5.0, -3.0], NEAREST, fill=[9.0])),
    ("affine", "f32", {"angle": -10.0, "translate": [0.0, 1.0], "scale": 0.9, "shear": [0.0, 8.0],
                       "mode": "BILINEAR", "fill": [0.3]},
     lambda x: TF.affine(x, -10.0, [0, 1], 0.9, [0.0, 8.0], BILINEAR, fill=[0.3])),
    ("perspective", "f32", {"start": [[0, 0], [8, 0], [8, 6], [0, 6]],
                            "end": [[1, 1], [7, 0], [8, 5], [2, 6]], "mode": "BILINEAR", "fill": [0.0]},
     lambda x: TF.perspective(x, [[0, 0], [8, 0], [8, 6], [0, 6]], [[1, 1], [7, 0], [8, 5], [2, 6]],
                              BILINEAR, fill=[0.0])),
    ("resizedCrop", "u8", {"top": 1, "left": 2, "h": 5, "w": 6, "oh": 4, "ow": 4},
     lambda x: TF.resized_crop(x, 1, 2, 5, 6, [4, 4], antialias=False)),
    ("fiveCrop", "u8", {"h": 3, "w": 4}, lambda x: torch.stack(TF.five_crop(x, [3, 4]))),
    ("tenCrop", "f32", {"h": 4, "w": 4, "vertical": True},
     lambda x: torch.stack(TF.ten_crop(x, [4, 4], vertical_flip=True))),
    ("erase", "u8", {"i": 2, "j": 3, "h": 3, "w": 4, "v": [1.0, 2.0, 3.0]},
     lambda x: TF.erase(x, 2, 3, 3, 4, torch.tensor([1.0, 2.0, 3.0])[:, None, None])),
]


def main():
    cases = []
    for op, inp, args, fn in CASES:
        y = fn(INPUTS[inp].clone())
        cases.append({
            "op": op,
            "input": inp,
            "args": args,
            "shape": list(y.shape),
            "dtype": str(y.dtype),
            "values": [float(v) for v in y.flatten().tolist()],
        })
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"cases": cases}, f)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
