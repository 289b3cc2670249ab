package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/** RGB to HSV and back on floating point images {@code [..., 3, H, W]}, as torchvision's. */
final class Hsv {

  private Hsv() {}

  static Tensor rgbToHsv(Tensor img) {
    DType t = img.dtype();
    Tensor r = img.select(-3, 0);
    Tensor g = img.select(-3, 1);
    Tensor b = img.select(-3, 2);
    Tensor maxc = img.amax(-3, false);
    Tensor minc = img.amin(-3, false);
    Tensor eqc = maxc.eq(minc);
    Tensor cr = maxc.sub(minc);
    Tensor ones = Torch.onesLike(maxc);
    Tensor s = cr.div(Torch.where(eqc, ones, maxc));
    Tensor crDivisor = Torch.where(eqc, ones, cr);
    Tensor rc = maxc.sub(r).div(crDivisor);
    Tensor gc = maxc.sub(g).div(crDivisor);
    Tensor bc = maxc.sub(b).div(crDivisor);
    Tensor hr = maxc.eq(r).to(t).mul(bc.sub(gc));
    Tensor hg = maxc.eq(g).logicalAnd(maxc.ne(r)).to(t).mul(rc.sub(bc).add(2.0));
    Tensor hb = maxc.ne(g).logicalAnd(maxc.ne(r)).to(t).mul(gc.sub(rc).add(4.0));
    Tensor h = hr.add(hg).add(hb);
    // h / 6 + 1 is positive, so Python's fmod equals the remainder here
    h = h.div(6.0).add(1.0).remainder(1.0);
    return Torch.stack(List.of(h, s, maxc), -3);
  }

  static Tensor hsvToRgb(Tensor img) {
    DType t = img.dtype();
    Tensor h = img.select(-3, 0);
    Tensor s = img.select(-3, 1);
    Tensor v = img.select(-3, 2);
    Tensor i = h.mul(6.0).floor();
    Tensor f = h.mul(6.0).sub(i);
    Tensor sector = i.to(DType.INT32).remainder(6L);
    Tensor p = v.mul(Torch.sub(Torch.onesLike(s), s)).clamp(0.0, 1.0);
    Tensor q = v.mul(Torch.sub(Torch.onesLike(s), s.mul(f))).clamp(0.0, 1.0);
    Tensor tt = v.mul(Torch.sub(Torch.onesLike(s), s.mul(Torch.sub(Torch.onesLike(f), f))))
        .clamp(0.0, 1.0);
    Tensor[][] table = {{v, q, p, p, tt, v}, {tt, v, v, q, p, p}, {p, p, tt, v, v, q}};
    Tensor[] channels = new Tensor[3];
    for (int c = 0; c < 3; c++) {
      Tensor acc = null;
      for (int k = 0; k < 6; k++) {
        Tensor term = sector.eq(k).to(t).mul(table[c][k]);
        acc = acc == null ? term : acc.add(term);
      }
      channels[c] = acc;
    }
    return Torch.stack(List.of(channels), -3);
  }
}
