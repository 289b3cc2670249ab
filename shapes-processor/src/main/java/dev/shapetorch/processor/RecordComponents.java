package dev.shapetorch.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/** Where to report a record component (javac gives its element no source position). */
final class RecordComponents {
  private RecordComponents() {}

  /**
   * The element to report a record component's diagnostics on: its private field, which javac maps
   * to the component's source position (javac gives record component elements none).
   */
  static Element declarationOf(RecordComponentElement component) {
    Element record = component.getEnclosingElement();
    for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(component.getSimpleName())) {
        return field;
      }
    }
    return component.getAccessor() != null ? component.getAccessor() : record;
  }
}
