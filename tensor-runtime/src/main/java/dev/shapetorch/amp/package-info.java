/**
 * Mixed-precision training, as PyTorch's {@code torch.amp}: {@link dev.shapetorch.amp.GradScaler}
 * scales the loss so that float16 gradients do not underflow, and skips the steps whose gradients
 * overflowed. The autocast scope itself is {@link dev.shapetorch.tensor.Torch#autocast}.
 *
 * <pre>{@code
 * GradScaler scaler = new GradScaler();
 * for (Batch b : loader) {
 *   Tensor loss;
 *   try (var ac = Torch.autocast(Device.CPU)) {
 *     loss = F.crossEntropy(model.forward(b.x()), b.y());
 *   }
 *   optimizer.zeroGrad();
 *   scaler.scale(loss).backward();
 *   scaler.step(optimizer);
 *   scaler.update();
 * }
 * }</pre>
 */
package dev.shapetorch.amp;
