package dev.paperlink.cli.bench;

/** One benchmark query: its kind, its text, and the key of the paper it was made from. */
public record BenchQuery(Kind kind, String text, String expectedKey) {

    public enum Kind {
        KEY_PREFIX("key prefix"),
        TITLE_PREFIX("title prefix, 1-4 words"),
        TITLE_PREFIX_TYPO("title prefix with a typo"),
        AUTHOR_YEAR("author + year"),
        RELATED("related paragraph");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
