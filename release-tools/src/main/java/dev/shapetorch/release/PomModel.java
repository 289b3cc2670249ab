package dev.shapetorch.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The parts of a POM file that Maven Central's requirements name, read as written (not the
 * effective model): coordinates, parent, metadata, properties, dependencies and managed
 * dependencies. {@link StagingCheck} resolves inheritance itself, along the staged parents.
 */
final class PomModel {
  private final Element project;

  private PomModel(Element project) {
    this.project = project;
  }

  /** Reads the POM at {@code file}. */
  static PomModel read(Path file) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
      if (!root.getTagName().equals("project")) {
        throw new IOException(file + ": the root element is <" + root.getTagName()
            + ">, not <project>");
      }
      return new PomModel(root);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(file + ": not a well-formed POM: " + e.getMessage(), e);
    }
  }

  /** The text of the element at {@code path} ("scm/url"), trimmed, or null when absent. */
  String text(String path) {
    Element e = element(project, path);
    return e == null ? null : e.getTextContent().trim();
  }

  /** The attribute {@code name} of the element at {@code path} ("" for the project itself). */
  String attribute(String path, String name) {
    Element e = path.isEmpty() ? project : element(project, path);
    return e == null || !e.hasAttribute(name) ? null : e.getAttribute(name);
  }

  /** Whether the element at {@code path} exists. */
  boolean has(String path) {
    return element(project, path) != null;
  }

  /** The child elements {@code name} of the element at {@code path}, as field maps. */
  List<Map<String, String>> list(String path, String name) {
    List<Map<String, String>> items = new ArrayList<>();
    Element parent = element(project, path);
    if (parent == null) {
      return items;
    }
    for (Element item : children(parent, name)) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (Node n = item.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element field) {
          fields.put(field.getTagName(), field.getTextContent().trim());
        }
      }
      items.add(fields);
    }
    return items;
  }

  /** The {@code <properties>}, by name. */
  Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    Element e = element(project, "properties");
    if (e != null) {
      for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element property) {
          properties.put(property.getTagName(), property.getTextContent().trim());
        }
      }
    }
    return properties;
  }

  private static Element element(Element from, String path) {
    Element e = from;
    for (String step : path.split("/")) {
      List<Element> matches = children(e, step);
      if (matches.isEmpty()) {
        return null;
      }
      e = matches.get(0);
    }
    return e;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> matches = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child && child.getTagName().equals(name)) {
        matches.add(child);
      }
    }
    return matches;
  }
}
