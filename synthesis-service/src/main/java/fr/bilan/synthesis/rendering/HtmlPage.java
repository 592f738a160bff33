package fr.bilan.synthesis.rendering;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * One printed document as a DOM, in the layout every document shares: the centre's identity at the
 * top of the pages, the document's own lines and « Page X sur Y » at the bottom, then the content.
 * What the pages repeat (header, footer, a draft's band) is page furniture, which the PDF tags as
 * artefacts: read once in the content, not on every page.
 * What people typed only ever becomes text nodes and attribute values, never markup: a DOM has no
 * way to read {@code <b>} in a text node as an element, so no text can change the layout or make
 * the renderer fetch anything.
 */
final class HtmlPage {

    static final String XHTML = "http://www.w3.org/1999/xhtml";
    /** The only resource a page may name: the centre's logo, served from memory. */
    static final String LOGO_URI = "bilan-resource:logo";
    static final String NOTICE = "Document confidentiel — remis au seul bénéficiaire (article L6313-4 du Code du "
            + "travail). Sa communication à un tiers requiert l'accord du bénéficiaire.";

    private static final DOMImplementation DOM;
    /** C0/C1 controls but the line feed, format characters (bidi overrides, zero widths), lone surrogates, noncharacters. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Cn}&&[^\\n]]");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

    static {
        try {
            DOM = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Document document;
    private final Element header;
    private final Element footer;
    private final Element pages;
    private final Element content;

    /**
     * @param title the PDF's title (metadata, shown by viewers)
     * @param subject its description (metadata)
     * @param css the shared stylesheet
     * @param layout the class of the body, which chooses the pages' layout in the stylesheet
     */
    HtmlPage(String title, String subject, CentreIdentity centre, String css, String layout) {
        document = DOM.createDocument(XHTML, "html", null);
        Element html = document.getDocumentElement();
        html.setAttribute("lang", "fr-FR");
        Element head = add(html, "head");
        text(add(head, "title"), title);
        meta(head, "subject", subject);
        meta(head, "author", centre.name());
        add(head, "style").setTextContent(css);
        Element body = add(html, "body", layout);
        header = add(body, "div", "header", null);
        identity(add(header, "div", "identity-row"), centre, false);
        footer = add(body, "div", "footer", null);
        pages = add(footer, "p", "pages");
        content = add(body, "div", "content");
    }

    /** A line at the bottom of every page, above « Page X sur Y ». */
    void footerLine(String text) {
        Element line = document.createElementNS(XHTML, "p");
        footer.insertBefore(line, pages);
        text(line, text);
    }

    /** A band across the top of every page, under the centre's identity (a draft's « PROJET »). */
    void band(String text) {
        text(add(header, "p", "band"), text);
    }

    /**
     * The centre's identity at the head of the first page, as content (read once, the logo with its
     * text alternative), for a layout whose first page has no header: the identity then appears
     * once on that page, and on the others as their header.
     */
    void letterhead(CentreIdentity centre) {
        identity(add(content, "div", "letterhead"), centre, true);
    }

    Document document() {
        return document;
    }

    /**
     * Keeps every heading on the page of what follows it: each {@code h2}/{@code h3} and its next
     * sibling go into one {@code div.keep} that does not break (openhtmltopdf ignores
     * {@code page-break-after: avoid}). From the last heading up, so that an {@code h2} followed by an
     * {@code h3} keeps the {@code h3}'s own group.
     */
    HtmlPage keepHeadingsWithNext() {
        List<Element> headings = new java.util.ArrayList<>();
        for (String name : new String[] {"h2", "h3"}) {
            NodeList found = document.getElementsByTagNameNS(XHTML, name);
            for (int i = 0; i < found.getLength(); i++) {
                headings.add((Element) found.item(i));
            }
        }
        headings.sort((a, b) -> (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) != 0 ? 1 : -1);
        for (Element heading : headings) {
            Node next = heading.getNextSibling();
            if (next == null) {
                continue;
            }
            Element keep = document.createElementNS(XHTML, "div");
            keep.setAttribute("class", "keep");
            heading.getParentNode().insertBefore(keep, heading);
            keep.appendChild(heading);
            keep.appendChild(next);
        }
        return this;
    }

    Element content() {
        return content;
    }

    /** The document's title: the one {@code h1}. */
    void title(String title, String subtitle) {
        text(add(content, "h1"), title);
        if (subtitle != null) {
            text(add(content, "p", "subtitle"), subtitle);
        }
    }

    /** The centre's identity as a party to the document, in its content (the header repeats it as a page artefact). */
    void identityBlock(Element parent, CentreIdentity centre) {
        Element block = add(parent, "div", "identity");
        text(add(block, "p", "centre-name"), centre.name());
        paragraph(block, centre.address());
        text(add(block, "p"), "Numéro de déclaration d'activité : " + centre.declarationNumber());
    }

    /** A top-level section ({@code section} and its {@code h2}), to fill. */
    Element section(String heading) {
        Element section = add(content, "section");
        text(add(section, "h2"), heading);
        return section;
    }

    Element heading3(Element parent, String heading) {
        return text(add(parent, "h3"), heading);
    }

    /** Multi-line text as paragraphs: a blank line starts a paragraph, a line break stays a line break. */
    void paragraph(Element parent, String text) {
        for (String paragraph : BLANK_LINES.split(clean(text).strip())) {
            text(add(parent, "p"), paragraph);
        }
    }

    /** « Label : value » on its own line; nothing when the value is blank. */
    void labelled(Element parent, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Element p = add(parent, "p");
        text(add(p, "span", null, "label"), label + French.NBSP + ": ");
        text(p, value);
    }

    /** A bulleted list of the non-blank items; nothing when there are none. */
    void list(Element parent, List<String> items) {
        List<String> shown = items.stream().filter(item -> !item.isBlank()).toList();
        if (shown.isEmpty()) {
            return;
        }
        Element list = add(parent, "ul");
        shown.forEach(item -> text(add(list, "li"), item));
    }

    /**
     * A table with a caption and column headers; {@code columnClasses} names a class per column
     * ({@code number}: right-aligned, {@code nowrap}: on one line), {@code null} for none.
     */
    void table(Element parent, String caption, List<String> headers, List<List<String>> rows, String... columnClasses) {
        Element table = add(parent, "table");
        text(add(table, "caption"), caption);
        Element headRow = add(add(table, "thead"), "tr");
        headers.forEach(header -> text(add(headRow, "th"), header).setAttribute("scope", "col"));
        Element body = add(table, "tbody");
        for (List<String> row : rows) {
            Element tr = add(body, "tr");
            for (int column = 0; column < row.size(); column++) {
                text(add(tr, "td", column < columnClasses.length ? columnClasses[column] : null), row.get(column));
            }
        }
    }

    /** An element under {@code parent}. */
    Element add(Element parent, String name) {
        return add(parent, name, null, null);
    }

    Element add(Element parent, String name, String className) {
        return add(parent, name, null, className);
    }

    private Element add(Element parent, String name, String id, String className) {
        Element element = document.createElementNS(XHTML, name);
        if (id != null) {
            element.setAttribute("id", id);
        }
        if (className != null) {
            element.setAttribute("class", className);
        }
        parent.appendChild(element);
        return element;
    }

    /** Appends {@code text} as text: its line breaks become {@code br} elements. */
    Element text(Element parent, String text) {
        String[] lines = clean(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                parent.appendChild(document.createElementNS(XHTML, "br"));
            }
            if (!lines[i].isEmpty()) {
                parent.appendChild(document.createTextNode(lines[i]));
            }
        }
        return parent;
    }

    /**
     * Text as it may print: composed (NFC, so that « é » typed as e + accent uses the font's é), Windows
     * and old Mac line ends as line feeds, tabs as spaces, and no invisible character that could reorder
     * or hide text (bidi overrides, zero widths, controls).
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String lines = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        return UNPRINTABLE.matcher(Normalizer.normalize(lines, Normalizer.Form.NFC)).replaceAll("");
    }

    private void meta(Element head, String name, String content) {
        Element meta = add(head, "meta");
        meta.setAttribute("name", name);
        meta.setAttribute("content", clean(content));
    }

    /** Name, address on one line, declaration number and logo; in a letterhead, the address keeps its lines. */
    private void identity(Element row, CentreIdentity centre, boolean addressLines) {
        Element identity = add(row, "div", "identity-cell");
        text(add(identity, "p", "centre-name"), centre.name());
        String[] address = clean(centre.address()).strip().split("\\s*\\n\\s*");
        text(add(identity, "p"), String.join(addressLines ? "\n" : " — ", address));
        text(add(identity, "p"), "Déclaration d'activité n° " + centre.declarationNumber());
        if (centre.hasLogo()) {
            Element logo = add(add(row, "div", "logo-cell"), "img", "logo");
            logo.setAttribute("src", LOGO_URI);
            logo.setAttribute("alt", "Logo de " + clean(centre.name()));
        }
    }
}
