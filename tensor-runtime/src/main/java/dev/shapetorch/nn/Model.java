package dev.shapetorch.nn;

import dev.shapetorch.nn.linear.Linear;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a user's model (a record or a class implementing {@link Module}) for which an
 * annotation processor generates {@code <Name>Children}: a class whose static {@code
 * visit(Name self, ModuleVisitor v)} walks the model's fields (or record components) of
 * module, {@link Parameter}, {@link Buffer} and list-of-module types in declaration order.
 * The model's {@code visitChildren} is then one line:
 *
 * <pre>{@code
 * @Model
 * record Mlp(@Shape({"784", "128"}) Linear fc1, @Shape({"128", "10"}) Linear fc2)
 *     implements Module {
 *   public void visitChildren(ModuleVisitor v) {
 *     MlpChildren.visit(this, v);
 *   }
 * }
 * }</pre>
 *
 * <p>Parameter names then equal PyTorch's for the same attribute names ({@code fc1.weight},
 * {@code fc1.bias}, {@code fc2.weight}, ...).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Model {}
