/**
 * Plumbing shared by the layers of {@code dev.shapetorch.nn}'s subpackages: argument checks
 * ({@code Checks}) and printing. The run-time check of a layer's {@code forward} against its
 * declaration, and a rule a layer runs directly (the recurrent layers' states), go through the
 * runtime's one door into the shape algebra, {@code dev.shapetorch.internal.Guard}.
 *
 * <p>Not API: public only so that the subpackages can share it; it may change in any release, is
 * left out of the API baseline and of the published Javadoc. Do not call it.
 */
package dev.shapetorch.nn.internal;
