/**
 * Plumbing shared by the layers of {@code dev.shapetorch.nn}'s subpackages: argument checks
 * ({@code Checks}), the run-time check of a layer's {@code forward} against its declaration, a
 * {@code @ShapeRule} or a {@code @Shape} signature ({@code ForwardSignature}), a rule run
 * directly ({@code RuleChecks}, for the recurrent layers' states), and printing.
 *
 * <p>Not API: public only so that the subpackages can share it; it may change in any release, is
 * left out of the API baseline and of the published Javadoc. Do not call it.
 */
package dev.shapetorch.nn.internal;
