package io.archmeter.bench.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the layout of a chart from {@link SvgBarChart} by its coordinates: every value label
 * starts right of its bar and of its whisker, every label and whisker stays inside the picture,
 * every panel has an axis with its unit, and no tick label runs into the unit. Text widths are
 * bounded from above at 7.5 px a character (sans-serif at 12 px averages under 7).
 */
final class SvgGeometry {
    static final double CHAR_WIDTH = 7.5;

    private SvgGeometry() {
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> byClass(Element root, String tag, String cls) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                list.add(e);
            }
        }
        return list;
    }

    private static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    /** Asserts the layout rules; returns the number of bars checked. */
    static int check(String svg) throws Exception {
        Document doc = parse(svg);
        double width = num(doc.getDocumentElement(), "width");
        List<Element> bars = byClass(doc.getDocumentElement(), "g", "bar");
        assertFalse(bars.isEmpty(), "bars");
        for (Element bar : bars) {
            Element rect = (Element) bar.getElementsByTagName("rect").item(0);
            double right = num(rect, "x") + num(rect, "width");
            List<Element> whiskers = byClass(bar, "g", "whisker");
            for (Element w : whiskers) {
                NodeList lines = w.getElementsByTagName("line");
                for (int i = 0; i < lines.getLength(); i++) {
                    Element l = (Element) lines.item(i);
                    double x2 = Math.max(num(l, "x1"), num(l, "x2"));
                    assertTrue(x2 <= SvgBarChart.LABEL_WIDTH + SvgBarChart.BAR_AREA + 0.05, "whisker cut at the edge of the scale: " + x2);
                    right = Math.max(right, x2);
                }
            }
            Element value = byClass(bar, "text", "value").get(0);
            double x = num(value, "x");
            assertTrue(x >= right + 4, "value label at " + x + " crosses its bar or whisker ending at " + right);
            double end = x + CHAR_WIDTH * value.getTextContent().length();
            assertTrue(end <= width, "label '" + value.getTextContent() + "' ends at " + end + " beyond the picture's " + width);
        }
        List<Element> axes = byClass(doc.getDocumentElement(), "g", "axis");
        assertTrue(axes.size() >= 1, "an axis per panel");
        for (Element axis : axes) {
            List<Element> unit = byClass(axis, "text", "unit");
            assertEquals(1, unit.size(), "the axis names its unit");
            assertTrue(unit.get(0).getTextContent().endsWith("/s"), unit.get(0).getTextContent());
            List<Element> ticks = byClass(axis, "text", "tick");
            assertTrue(ticks.size() >= 2, "at least 0 and one tick");
            Element last = ticks.get(ticks.size() - 1);
            double tickEnd = num(last, "x") + CHAR_WIDTH * last.getTextContent().length() / 2;
            assertTrue(tickEnd < num(unit.get(0), "x"), "the last tick label runs into the unit");
            double unitEnd = num(unit.get(0), "x") + CHAR_WIDTH * unit.get(0).getTextContent().length();
            assertTrue(unitEnd <= width, "the unit ends beyond the picture");
        }
        return bars.size();
    }
}
