/**
 * Sample 2 of the gallery: a character-level GPT ({@link
 * dev.shapetorch.samples.chargpt.CharGpt}, token and position embeddings, pre-LayerNorm blocks
 * of causal self-attention and MLP, typed module records) trained with AdamW by {@link
 * dev.shapetorch.samples.chargpt.CharGptTrainer} on a public-domain text that a Debian package
 * installs (Ambrose Bierce's <i>The Devil's Dictionary</i>, {@code dict-devil}), which shows its
 * progress, writes the loss curves and TensorBoard logs, and prints text sampled from the model
 * ({@code Torch.multinomial}). docs/samples.md shows the command, the expected result and the
 * picture.
 */
package dev.shapetorch.samples.chargpt;
