package dev.paperlink.server.feature.links;

import dev.paperlink.server.document.TextRange;

/** A link in a document: a range and where it goes (https or file URL). */
public record DocumentLinkTarget(TextRange range, String target, String tooltip) {
}
