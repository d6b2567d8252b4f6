package dev.paperlink.corpus.index;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.ArrayUtil;

import java.io.IOException;

/**
 * Words of titles, names and abstracts, in one pass: split, lower-cased, accents folded to ASCII
 * and, as {@link Options} say, English possessives dropped, stop words removed and plurals
 * stemmed: in one loop, what the standard tokenizer and four or five filters did in as many
 * passes, with a call per token each (docs/benchmarks.md).
 *
 * <p>A word is a run of letters and digits; an apostrophe between two of them stays in the word
 * ("o'brien", "don't"). Each CJK ideograph or kana is a word of its own. A word longer than
 * {@value #MAX_WORD_CHARS} chars is cut there, as the standard tokenizer does.
 */
final class WordTokenizer extends Tokenizer {
    static final int MAX_WORD_CHARS = 255;

    /**
     * @param stopWords    lower-case words to drop (after folding), or null
     * @param possessive   drop a trailing "'s" ("transformer's" → "transformer")
     * @param stem         English minimal stemming (plurals)
     */
    record Options(CharArraySet stopWords, boolean possessive, boolean stem) {
        static final Options FOLDED = new Options(null, false, false);

        Options withStopWords(CharArraySet words) {
            return new Options(words, possessive, stem);
        }
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Options options;

    /** The whole input (field values are short and already in memory as strings). */
    private char[] text = new char[256];
    private int length;
    private int pos;
    /** The current word, lower case and folded, and its offsets. */
    private char[] word = new char[64];
    private int wordLength;
    private int wordStart;
    private int wordEnd;
    private char[] folded = new char[256];

    WordTokenizer(Options options) {
        this.options = options;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        length = 0;
        for (int n; (n = input.read(text, length, text.length - length)) != -1; ) {
            length += n;
            if (length == text.length) {
                text = ArrayUtil.grow(text, length + 1);
            }
        }
        pos = 0;
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        int skipped = 0;
        while (nextWord()) {
            if (options.possessive) {
                dropPossessive();
            }
            if (options.stopWords != null && options.stopWords.contains(word, 0, wordLength)) {
                skipped++;
                continue;
            }
            if (options.stem) {
                wordLength = stemPlural(word, wordLength);
            }
            term.copyBuffer(word, 0, wordLength);
            position.setPositionIncrement(skipped + 1);
            offset.setOffset(correctOffset(wordStart), correctOffset(wordEnd));
            return true;
        }
        return false;
    }

    /** Reads the next word into {@link #word}, lower case and folded; false at the end of the input. */
    private boolean nextWord() {
        while (pos < length) {
            char ch = text[pos];
            if (ch < 0x80) {
                if (isAsciiLetterOrDigit(ch)) {
                    break;
                }
                pos++;
                continue;
            }
            int c = Character.codePointAt(text, pos, length);
            if (isWordChar(c)) {
                break;
            }
            pos += Character.charCount(c);
        }
        if (pos >= length) {
            return false;
        }
        wordStart = pos;
        wordLength = 0;
        boolean ascii = true;
        int first = Character.codePointAt(text, pos, length);
        if (isSingleCharWord(first)) {
            pos += Character.charCount(first);
            ascii = append(Character.toLowerCase(first));
        } else {
            while (pos < length && pos - wordStart < MAX_WORD_CHARS) {
                char ch = text[pos];
                if (ch < 0x80 && isAsciiLetterOrDigit(ch)) {
                    // the common case, without code points or Unicode tables
                    if (wordLength == word.length) {
                        word = ArrayUtil.grow(word, wordLength + 1);
                    }
                    word[wordLength++] = ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
                    pos++;
                    continue;
                }
                int c = Character.codePointAt(text, pos, length);
                if ((isWordChar(c) || isMark(c)) && !isSingleCharWord(c)) {
                    ascii = append(Character.toLowerCase(c)) && ascii;
                    pos += Character.charCount(c);
                } else if (isApostrophe(c) && pos + 1 < length && isInnerWordChar(text, pos + 1, length)) {
                    append('\'');
                    pos++;
                } else {
                    break;
                }
            }
        }
        wordEnd = pos;
        if (!ascii) {
            fold();
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    }

    private boolean append(int lowerCase) {
        if (wordLength + 2 > word.length) {
            word = ArrayUtil.grow(word, wordLength + 2);
        }
        wordLength += Character.toChars(lowerCase, word, wordLength);
        return lowerCase < 0x80;
    }

    private void fold() {
        int max = wordLength * 4;
        if (folded.length < max) {
            folded = new char[ArrayUtil.oversize(max, Character.BYTES)];
        }
        int n = ASCIIFoldingFilter.foldToASCII(word, 0, folded, 0, wordLength);
        if (word.length < n) {
            word = new char[ArrayUtil.oversize(n, Character.BYTES)];
        }
        System.arraycopy(folded, 0, word, 0, n);
        wordLength = n;
    }

    private void dropPossessive() {
        if (wordLength >= 2 && word[wordLength - 1] == 's' && word[wordLength - 2] == '\'') {
            wordLength -= 2;
        }
    }

    /**
     * Harman's "S-stemmer" (How Effective Is Suffixing?, 1991), the rule of Lucene's English
     * minimal stemmer: "-ies" → "-y" (not after a or e), "-es" → "-e" unless after a, e, i or o
     * ("-oes", "-aes" keep theirs), "-s" dropped, but never after u or s ("corpus", "class").
     * Returns the new length.
     */
    static int stemPlural(char[] s, int len) {
        if (len < 3 || s[len - 1] != 's') {
            return len;
        }
        switch (s[len - 2]) {
            case 'u', 's' -> {
                return len;
            }
            case 'e' -> {
                if (len > 3 && s[len - 3] == 'i' && s[len - 4] != 'a' && s[len - 4] != 'e') {
                    s[len - 3] = 'y';
                    return len - 2;
                }
                char before = s[len - 3];
                if (before == 'i' || before == 'a' || before == 'o' || before == 'e') {
                    return len;
                }
                return len - 1;
            }
            default -> {
                return len - 1;
            }
        }
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c);
    }

    /** Combining marks continue a word (a decomposed "é" is one word, as with the standard tokenizer). */
    private static boolean isMark(int c) {
        if (c < 0x300) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isInnerWordChar(char[] text, int at, int length) {
        int c = Character.codePointAt(text, at, length);
        return isWordChar(c) && !isSingleCharWord(c);
    }

    /** Ideographs and kana are words of one character, as the standard tokenizer makes them. */
    private static boolean isSingleCharWord(int c) {
        if (c < 0x3000) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return Character.isIdeographic(c) || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.HAN;
    }

    /** The ASCII apostrophe, the right single quotation mark and the fullwidth apostrophe. */
    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\uFF07';
    }

    @Override
    public void end() throws IOException {
        super.end();
        int end = correctOffset(length);
        offset.setOffset(end, end);
    }
}
