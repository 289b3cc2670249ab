/**
 * PyTorch's {@code torch.nn.utils}: {@link dev.shapetorch.nn.utils.ParameterVectors} ({@code
 * parameters_to_vector}, {@code vector_to_parameters}) acts on a module's parameters; {@link
 * dev.shapetorch.nn.utils.Sequences} ({@code torch.nn.utils.rnn}: {@code pad_sequence}, {@code
 * pack_padded_sequence}, {@code pad_packed_sequence}, {@code pack_sequence}, {@code
 * unpad_sequence}, {@code unpack_sequence}) batches sequences of different lengths, padded or as a
 * {@link dev.shapetorch.nn.utils.PackedSequence} that the recurrent layers run over; {@link
 * dev.shapetorch.nn.utils.WeightNorm}, {@link dev.shapetorch.nn.utils.SpectralNorm} and {@link
 * dev.shapetorch.nn.utils.Prune} ({@code weight_norm}, {@code spectral_norm}, {@code
 * torch.nn.utils.prune}) reparametrize a layer's parameter, recomputing it before every forward
 * from the parameters and buffers that replace it under PyTorch's names. Gradient
 * clipping ({@code clip_grad_norm_}, {@code clip_grad_value_}) is {@link
 * dev.shapetorch.optim.GradClip}.
 *
 * <p>Shape: a parameter vector is 1-D, {@code [N]}, {@code N} the parameters' element count in
 * all; sequences are {@code [L_i, *]}, a padded batch {@code [T, N, *]} ({@code [N, T, *]} batch
 * first), a packed batch's data {@code [S, *]} with {@code S} the sum of the lengths; a
 * reparametrized parameter keeps its shape.
 */
package dev.shapetorch.nn.utils;
