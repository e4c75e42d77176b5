package dev.accord.ingest.clean;

import org.jsoup.nodes.Element;

/** Measures of an element's text used to tell prose from furniture. */
final class TextStats {

    // In-page anchors ("#comments", "#top") are weaker evidence of navigation than links elsewhere.
    private static final double IN_PAGE_LINK_WEIGHT = 0.3;

    private TextStats() {
    }

    /** The share of the element's text that sits inside links, 0 for an element without text. */
    static double linkDensity(Element element) {
        int total = element.text().length();
        if (total == 0) {
            return 0;
        }
        double linked = 0;
        for (Element link : element.select("a")) {
            double weight = link.attr("href").startsWith("#") ? IN_PAGE_LINK_WEIGHT : 1;
            linked += link.text().length() * weight;
        }
        return Math.min(1, linked / total);
    }

    /** Commas of any script: prose has them, menus and labels rarely do. */
    static int commas(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،' || c == '﹐') {
                commas++;
            }
        }
        return commas;
    }
}
