/**
 * PyTorch's {@code torch.nn.utils} functions that act on a module's parameters: {@link
 * dev.shapetorch.nn.utils.ParameterVectors} ({@code parameters_to_vector}, {@code
 * vector_to_parameters}). Gradient clipping ({@code clip_grad_norm_}, {@code clip_grad_value_})
 * is {@link dev.shapetorch.optim.GradClip}.
 *
 * <p>Shape: a parameter vector is 1-D, {@code [N]}, {@code N} the parameters' element count in
 * all.
 */
package dev.shapetorch.nn.utils;
