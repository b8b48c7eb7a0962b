package org.openchallenge.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.openchallenge.platform.DeploymentPolicy.Finding;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Reading a deployed model's XML safely, and reporting a finding at the element it concerns. */
final class ModelXml {

  private static final int QUOTED_LENGTH = 120;

  private ModelXml() {
  }

  /** The model's document, or null with a finding when it is not well-formed XML. */
  static Document parse(String resource, byte[] content, Set<Finding> findings) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // No DOCTYPE, hence no external entity is ever resolved (XXE).
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(Quiet.INSTANCE);
      return builder.parse(new ByteArrayInputStream(content));
    } catch (SAXException | IOException e) {
      findings.add(new Finding(resource, null, "cannot be read as XML: " + e.getMessage()));
      return null;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The XML parser cannot be configured securely", e);
    }
  }

  /** Parse errors become findings instead of lines on standard error. */
  private enum Quiet implements ErrorHandler {
    INSTANCE;

    @Override
    public void warning(SAXParseException e) {
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }

  /** A finding at the nearest element, from this one up, that has an id. */
  static Finding finding(String resource, Element element, String problem) {
    for (org.w3c.dom.Node at = element; at instanceof Element e; at = e.getParentNode()) {
      if (!e.getAttribute("id").isEmpty()) {
        return new Finding(resource, e.getAttribute("id"), problem);
      }
    }
    return new Finding(resource, null, problem);
  }

  /** The text in backticks, cut short so that a finding stays readable. */
  static String quote(String text) {
    String trimmed = text.strip();
    return "`" + (trimmed.length() > QUOTED_LENGTH ? trimmed.substring(0, QUOTED_LENGTH) + "..." : trimmed) + "`";
  }
}
