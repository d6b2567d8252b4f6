package dev.paperlink.corpus.model;

/**
 * Text to find related papers for: the focus (the sentence being written, a selection) and, as a
 * weaker signal, what is around it (its paragraph), whose words count {@code aroundWeight} each
 * against one of the focus. Either text may be empty.
 */
public record Passage(String focus, String around, float aroundWeight) {
    /** How much a word around the focus counts, unless told otherwise. */
    public static final float AROUND_WEIGHT = 0.3f;

    public Passage {
        focus = focus == null ? "" : focus;
        around = around == null ? "" : around;
        if (!(aroundWeight >= 0 && aroundWeight <= 1)) {
            throw new IllegalArgumentException("aroundWeight must be from 0 to 1: " + aroundWeight);
        }
    }

    public Passage(String focus, String around) {
        this(focus, around, AROUND_WEIGHT);
    }

    public static Passage of(String text) {
        return new Passage(text, "");
    }

    public boolean isBlank() {
        return focus.isBlank() && around.isBlank();
    }
}
