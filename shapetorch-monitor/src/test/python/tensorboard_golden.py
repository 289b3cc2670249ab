"""TensorBoard fixtures for dev.shapetorch.monitor.tensorboard, made by PyTorch and TensorBoard,
and the independent check of the event files ShapeTorch writes.

Needs torch (Debian's interpreter has torch 1.13) and tensorboard (2.21 here), e.g. offline:

    /usr/bin/python3 -m venv --system-site-packages /tmp/tb-venv
    /tmp/tb-venv/bin/pip install --no-index --find-links /opt/pypi/files tensorboard pillow

Writing the fixtures (rewrites shapetorch-monitor/src/test/resources/golden/tensorboard/):

    /tmp/tb-venv/bin/python shapetorch-monitor/src/test/python/tensorboard_golden.py

* ``pytorch.tfevents``: an event file written by ``torch.utils.tensorboard.SummaryWriter``
  (scalars, text, a histogram, an image), and ``pytorch.json``: what was written into it
  (the histogram as PyTorch's ``make_histogram`` bins it, the image's pixels as PIL decodes them);
* ``protos.json``: the serialised ``Event`` bytes (hex) of PyTorch's summary functions for fixed
  wall times and steps (scalar, text, histogram, hparams, the file-version event), one record
  framed by TensorBoard's ``RecordWriter``, and CRC-32C values of TensorBoard's own ``crc32c``.

Checking a log directory written by ShapeTorch (``SummaryWriterTest`` writes one into
``shapetorch-monitor/target/tensorboard-java`` on every test run):

    /tmp/tb-venv/bin/python shapetorch-monitor/src/test/python/tensorboard_golden.py \\
        --check shapetorch-monitor/target/tensorboard-java

reads it with TensorBoard's ``EventAccumulator`` and checks every value against what the test
writes (listed in ``JAVA_*`` below); it prints ``OK`` or fails with the first difference.
"""

import glob
import io
import json
import os
import shutil
import sys
import tempfile

import numpy as np
import torch
from PIL import Image
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.compat.proto.event_pb2 import Event
from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import crc32c, masked_crc32c
from tensorboard.summary.writer.record_writer import RecordWriter
from torch.utils.tensorboard import SummaryWriter
from torch.utils.tensorboard import summary

# torch 1.13's make_histogram calls np.greater(counts, 0, dtype=np.int32), which numpy 1.24 and
# later refuse (the dtype of a comparison is its inputs' type there); PyTorch 2 dropped the dtype.
# The shim gives that one call numpy's older meaning, so PyTorch's own binning code runs as is.
class _NumpyShim:
    def __getattr__(self, name):
        return getattr(np, name)

    @staticmethod
    def greater(a, b, dtype=None):
        out = np.greater(a, b)
        return out if dtype is None else out.astype(dtype)


summary.np = _NumpyShim()

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "tensorboard")

# What both sides write: exactly representable values, so that float32 sums agree bit for bit.
HISTOGRAM_VALUES = [0.25 * k for k in (-8, -3, -3, -1, 0, 0, 0, 1, 2, 2, 5, 9, 9, 9, 12)]
TEXT = "Adam, lr **2e-3**, \u00fcn\u00efcode"
IMAGE = (torch.arange(3 * 4 * 5, dtype=torch.float32).reshape(3, 4, 5) / 59.0)
HPARAMS = {"lr": 0.002, "optimizer": "adam", "batch": 128}
METRICS = {"hparam/accuracy": 0.875}

# What SummaryWriterTest writes into target/tensorboard-java (the --check mode).
JAVA_SCALARS = [("loss/train", s, 1.0 / (s + 1)) for s in range(5)]
JAVA_TEXT = ("notes", 2, TEXT)
JAVA_HISTOGRAM = ("weights", 3, HISTOGRAM_VALUES)
JAVA_IMAGE = ("digit", 4, IMAGE)


def histogram_dict(h):
    return {"min": h.min, "max": h.max, "num": h.num, "sum": h.sum,
            "sum_squares": h.sum_squares, "bucket_limit": list(h.bucket_limit),
            "bucket": list(h.bucket)}


def tf_bins():
    v = 1e-12
    buckets = []
    neg_buckets = []
    while v < 1e20:
        buckets.append(v)
        neg_buckets.append(-v)
        v *= 1.1
    return neg_buckets[::-1] + [0] + buckets


def make_histogram(values):
    return summary.make_histogram(np.array(values, dtype=np.float32), tf_bins())


def image_pixels(png_bytes):
    return np.asarray(Image.open(io.BytesIO(png_bytes))).reshape(-1).tolist()


def expected_image_pixels(chw):
    # PyTorch's add_image: HWC, float * 255 (clipped), truncated to uint8
    hwc = (chw.permute(1, 2, 0).numpy() * 255).clip(0, 255).astype(np.uint8)
    return hwc.reshape(-1).tolist()


def write_fixtures():
    os.makedirs(OUT, exist_ok=True)
    logdir = tempfile.mkdtemp()
    w = SummaryWriter(log_dir=logdir)
    scalars = [("loss/train", s, 1.0 / (s + 1)) for s in range(4)]
    scalars += [("accuracy/test", s, 0.5 + 0.1 * s) for s in range(1, 4)]
    for tag, step, value in scalars:
        w.add_scalar(tag, value, step)
    w.add_text("notes", TEXT, 2)
    w.add_histogram("weights", torch.tensor(HISTOGRAM_VALUES), 3)
    w.add_image("digit", IMAGE, 4)
    w.close()
    files = glob.glob(os.path.join(logdir, "events.out.tfevents.*"))
    assert len(files) == 1, files
    shutil.copy(files[0], os.path.join(OUT, "pytorch.tfevents"))
    shutil.rmtree(logdir)
    h = make_histogram(HISTOGRAM_VALUES)
    with open(os.path.join(OUT, "pytorch.json"), "w") as f:
        json.dump({
            "torch": torch.__version__,
            "scalars": [{"tag": t, "step": s, "value": float(np.float32(v))} for t, s, v in scalars],
            "text": {"tag": "notes/text_summary", "step": 2, "text": TEXT},
            "histogram": {"tag": "weights", "step": 3, **histogram_dict(h)},
            "image": {"tag": "digit", "step": 4, "height": 4, "width": 5, "colorspace": 3,
                      "pixels": expected_image_pixels(IMAGE)},
        }, f, indent=1)
        f.write("\n")

    wall = 1765000000.5

    def event_hex(summ, step=None):
        e = Event(wall_time=wall, summary=summ)
        if step is not None:
            e.step = step
        return e.SerializeToString().hex()

    exp, ssi, sei = summary.hparams(HPARAMS, METRICS)
    framed = io.BytesIO()
    scalar_event = bytes.fromhex(event_hex(summary.scalar("loss/train", 0.125), 7))
    RecordWriter(framed).write(scalar_event)
    protos = {
        "wall_time": wall,
        "file_version": Event(wall_time=wall, file_version="brain.Event:2").SerializeToString().hex(),
        "scalar_step7": event_hex(summary.scalar("loss/train", 0.125), 7),
        "scalar_step0": event_hex(summary.scalar("loss/train", -2.5), 0),
        "scalar_zero": event_hex(summary.scalar("zero", 0.0), 3),
        "text": event_hex(summary.text("notes", TEXT), 2),
        "histogram": event_hex(summary.histogram("weights", np.array(HISTOGRAM_VALUES, dtype=np.float32), tf_bins()), 3),
        "hparams_experiment": event_hex(exp),
        "hparams_session_start": event_hex(ssi),
        "hparams_session_end": event_hex(sei),
        "framed_scalar_step7": framed.getvalue().hex(),
        "crc32c": {s: crc32c(s.encode()) for s in ["", "a", "123456789", "The quick brown fox jumps over the lazy dog"]},
        "masked_crc32c": {s: masked_crc32c(s.encode()) for s in ["", "a", "123456789"]},
        "hparams": HPARAMS,
        "metrics": METRICS,
        "histogram_values": HISTOGRAM_VALUES,
    }
    with open(os.path.join(OUT, "protos.json"), "w") as f:
        json.dump(protos, f, indent=1)
        f.write("\n")
    print("wrote", OUT)


def check(logdir):
    acc = EventAccumulator(logdir, size_guidance={"images": 0, "histograms": 0, "tensors": 0})
    acc.Reload()
    tags = acc.Tags()
    print("tags:", {k: v for k, v in tags.items() if v})
    for tag, step, value in JAVA_SCALARS:
        got = [e for e in acc.Scalars(tag) if e.step == step]
        assert len(got) == 1, (tag, step, got)
        assert got[0].value == float(np.float32(value)), (tag, step, got[0].value, value)
    tag, step, text = JAVA_TEXT
    tensors = acc.Tensors(tag + "/text_summary")
    assert [t.step for t in tensors] == [step], tensors
    assert tensors[0].tensor_proto.string_val[0].decode("utf-8") == text
    tag, step, values = JAVA_HISTOGRAM
    hist = acc.Histograms(tag)
    assert [h.step for h in hist] == [step], hist
    want = make_histogram(values)
    got = hist[0].histogram_value
    for field in ("min", "max", "num", "sum", "sum_squares"):
        assert getattr(got, field) == getattr(want, field), (field, getattr(got, field), getattr(want, field))
    assert list(got.bucket_limit) == list(want.bucket_limit), (got.bucket_limit, want.bucket_limit)
    assert list(got.bucket) == list(want.bucket), (got.bucket, want.bucket)
    tag, step, chw = JAVA_IMAGE
    images = acc.Images(tag)
    assert [i.step for i in images] == [step], images
    img = images[0]
    assert (img.height, img.width) == (chw.shape[1], chw.shape[2]), (img.height, img.width)
    assert image_pixels(img.encoded_image_string) == expected_image_pixels(chw)
    # hparams: a run in a subdirectory, read by the hparams plugin's own metadata parser
    from tensorboard.plugins.hparams import metadata as hp_metadata
    runs = [d for d in sorted(os.listdir(logdir)) if os.path.isdir(os.path.join(logdir, d))]
    assert len(runs) == 1, runs
    sub = EventAccumulator(os.path.join(logdir, runs[0]))
    sub.Reload()
    meta = sub.PluginTagToContent("hparams")
    exp = hp_metadata.parse_experiment_plugin_data(meta[hp_metadata.EXPERIMENT_TAG])
    assert [h.name for h in exp.hparam_infos] == list(HPARAMS), exp
    assert [m.name.tag for m in exp.metric_infos] == list(METRICS), exp
    start = hp_metadata.parse_session_start_info_plugin_data(meta[hp_metadata.SESSION_START_INFO_TAG])
    assert start.hparams["lr"].number_value == HPARAMS["lr"]
    assert start.hparams["optimizer"].string_value == HPARAMS["optimizer"]
    assert start.hparams["batch"].number_value == HPARAMS["batch"]
    end = hp_metadata.parse_session_end_info_plugin_data(meta[hp_metadata.SESSION_END_INFO_TAG])
    assert end.status == 1, end
    metric = sub.Scalars("hparam/accuracy")
    assert [(m.step, m.value) for m in metric] == [(0, float(np.float32(METRICS["hparam/accuracy"])))], metric
    print("OK: TensorBoard", __import__("tensorboard").__version__,
          "reads every value ShapeTorch wrote into", logdir)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        check(sys.argv[2])
    else:
        write_fixtures()
