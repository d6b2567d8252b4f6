package dev.paperlink.corpus.source.latex;

import java.util.HashMap;
import java.util.Map;

/** Tables of the LaTeX commands {@link LatexToUnicode} knows: accents, symbols, Greek, math. */
final class LatexSymbols {
    private LatexSymbols() {
    }

    /** Accent commands to the combining character they add. */
    static final Map<String, Character> ACCENTS = Map.ofEntries(
            Map.entry("'", '\u0301'), Map.entry("`", '\u0300'), Map.entry("^", '\u0302'),
            Map.entry("\"", '\u0308'), Map.entry("~", '\u0303'), Map.entry("=", '\u0304'),
            Map.entry(".", '\u0307'), Map.entry("u", '\u0306'), Map.entry("v", '\u030C'),
            Map.entry("H", '\u030B'), Map.entry("c", '\u0327'), Map.entry("k", '\u0328'),
            Map.entry("r", '\u030A'), Map.entry("d", '\u0323'), Map.entry("b", '\u0331'),
            Map.entry("t", '\u0361'),
            Map.entry("acute", '\u0301'), Map.entry("grave", '\u0300'), Map.entry("hat", '\u0302'),
            Map.entry("ddot", '\u0308'), Map.entry("tilde", '\u0303'), Map.entry("bar", '\u0304'),
            Map.entry("dot", '\u0307'), Map.entry("breve", '\u0306'), Map.entry("check", '\u030C'));

    /**
     * Letter-like symbols: TeX swallows the blank after them ("Stra\ss e"), so the converter does
     * too.
     */
    static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("ss", "ß"), Map.entry("SS", "SS"), Map.entry("o", "ø"), Map.entry("O", "Ø"),
            Map.entry("aa", "å"), Map.entry("AA", "Å"), Map.entry("ae", "æ"), Map.entry("AE", "Æ"),
            Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("l", "ł"), Map.entry("L", "Ł"),
            Map.entry("i", "ı"), Map.entry("j", "ȷ"), Map.entry("dh", "ð"), Map.entry("DH", "Ð"),
            Map.entry("th", "þ"), Map.entry("TH", "Þ"), Map.entry("ng", "ŋ"), Map.entry("NG", "Ŋ"),
            Map.entry("dj", "đ"), Map.entry("DJ", "Đ"), Map.entry("ij", "ĳ"), Map.entry("IJ", "Ĳ"));

    /** Other commands and their text (word-like: the blank after them is kept). */
    static final Map<String, String> WORDS = new HashMap<>();

    static {
        String[][] words = {
            {"LaTeX", "LaTeX"}, {"TeX", "TeX"}, {"BibTeX", "BibTeX"}, {"LaTeXe", "LaTeX2e"}, {"XeTeX", "XeTeX"},
            {"LuaTeX", "LuaTeX"}, {"ConTeXt", "ConTeXt"}, {"MF", "Metafont"}, {"MP", "MetaPost"}, {"AmS", "AMS"},
            {"copyright", "©"}, {"textcopyright", "©"}, {"textregistered", "®"}, {"texttrademark", "™"},
            {"pounds", "£"}, {"textsterling", "£"}, {"euro", "€"}, {"texteuro", "€"}, {"S", "§"}, {"P", "¶"},
            {"dag", "†"}, {"ddag", "‡"}, {"ldots", "…"}, {"dots", "…"}, {"textellipsis", "…"}, {"cdots", "⋯"},
            {"textendash", "–"}, {"textemdash", "—"}, {"textquoteleft", "‘"}, {"textquoteright", "’"},
            {"textquotedblleft", "“"}, {"textquotedblright", "”"}, {"guillemotleft", "«"}, {"guillemotright", "»"},
            {"textbackslash", "\\"}, {"textasciitilde", "~"}, {"textunderscore", "_"}, {"textbar", "|"},
            {"textless", "<"}, {"textgreater", ">"}, {"textasciicircum", "^"}, {"textdegree", "°"}, {"degree", "°"},
            {"textbullet", "•"}, {"textperiodcentered", "·"}, {"textexclamdown", "¡"}, {"textquestiondown", "¿"},
            {"slash", "/"}, {"space", " "}, {"quad", " "}, {"qquad", " "}, {"enspace", " "}, {"thinspace", " "},
            {"newline", " "}, {"par", " "}, {"linebreak", " "}, {"break", " "},
            {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ϵ"}, {"varepsilon", "ε"},
            {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"vartheta", "ϑ"}, {"iota", "ι"}, {"kappa", "κ"},
            {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"}, {"varpi", "ϖ"}, {"rho", "ρ"},
            {"varrho", "ϱ"}, {"sigma", "σ"}, {"varsigma", "ς"}, {"tau", "τ"}, {"upsilon", "υ"}, {"phi", "ϕ"},
            {"varphi", "φ"}, {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"}, {"Gamma", "Γ"}, {"Delta", "Δ"},
            {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"}, {"Pi", "Π"}, {"Sigma", "Σ"}, {"Upsilon", "Υ"},
            {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"},
            {"pm", "±"}, {"mp", "∓"}, {"times", "×"}, {"div", "÷"}, {"cdot", "·"}, {"circ", "∘"}, {"ast", "∗"},
            {"star", "⋆"}, {"leq", "≤"}, {"le", "≤"}, {"geq", "≥"}, {"ge", "≥"}, {"neq", "≠"}, {"ne", "≠"},
            {"approx", "≈"}, {"sim", "∼"}, {"simeq", "≃"}, {"equiv", "≡"}, {"cong", "≅"}, {"propto", "∝"},
            {"ll", "≪"}, {"gg", "≫"}, {"infty", "∞"}, {"partial", "∂"}, {"nabla", "∇"}, {"forall", "∀"},
            {"exists", "∃"}, {"neg", "¬"}, {"lnot", "¬"}, {"wedge", "∧"}, {"land", "∧"}, {"vee", "∨"},
            {"lor", "∨"}, {"oplus", "⊕"}, {"otimes", "⊗"}, {"in", "∈"}, {"notin", "∉"}, {"ni", "∋"},
            {"subset", "⊂"}, {"subseteq", "⊆"}, {"supset", "⊃"}, {"supseteq", "⊇"}, {"cup", "∪"},
            {"cap", "∩"}, {"emptyset", "∅"}, {"varnothing", "∅"}, {"setminus", "∖"}, {"to", "→"},
            {"rightarrow", "→"}, {"leftarrow", "←"}, {"gets", "←"}, {"leftrightarrow", "↔"},
            {"Rightarrow", "⇒"}, {"Leftarrow", "⇐"}, {"Leftrightarrow", "⇔"}, {"implies", "⇒"}, {"iff", "⇔"},
            {"mapsto", "↦"}, {"uparrow", "↑"}, {"downarrow", "↓"}, {"ell", "ℓ"}, {"hbar", "ℏ"}, {"Re", "ℜ"},
            {"Im", "ℑ"}, {"aleph", "ℵ"}, {"sum", "∑"}, {"prod", "∏"}, {"int", "∫"}, {"oint", "∮"},
            {"sqrt", "√"}, {"langle", "⟨"}, {"rangle", "⟩"}, {"lceil", "⌈"}, {"rceil", "⌉"}, {"lfloor", "⌊"},
            {"rfloor", "⌋"}, {"mid", "|"}, {"vert", "|"}, {"Vert", "‖"}, {"parallel", "∥"}, {"perp", "⊥"},
            {"top", "⊤"}, {"bot", "⊥"}, {"vdash", "⊢"}, {"models", "⊨"}, {"prime", "′"}, {"angle", "∠"},
            {"triangle", "△"}, {"Box", "□"}, {"Diamond", "◇"}, {"bullet", "•"}, {"lbrace", "{"}, {"rbrace", "}"},
            {"log", "log"}, {"ln", "ln"}, {"exp", "exp"}, {"sin", "sin"}, {"cos", "cos"}, {"tan", "tan"},
            {"max", "max"}, {"min", "min"}, {"lim", "lim"}, {"sup", "sup"}, {"inf", "inf"}, {"det", "det"},
            {"dim", "dim"}, {"ker", "ker"}, {"deg", "deg"}, {"gcd", "gcd"}, {"Pr", "Pr"}, {"arg", "arg"},
            {"poly", "poly"}, {"polylog", "polylog"}, {"negl", "negl"},
        };
        for (String[] w : words) {
            WORDS.put(w[0], w[1]);
        }
    }

    /** Single-character commands ("\&", "\%"...) and their text; null means "nothing". */
    static String symbol(char c) {
        return switch (c) {
            case '&', '%', '$', '_', '#', '{', '}', '@', '|', '<', '>' -> String.valueOf(c);
            case ' ', ',', ';', ':', '!', '\\', '\n', '\t', '\r' -> " ";
            case '-', '/' -> "";
            default -> null;
        };
    }

    /** Commands whose first argument is dropped (the second kept): \href{url}{text}. */
    static boolean dropsFirstArgument(String name) {
        return name.equals("href") || name.equals("textcolor") || name.equals("colorbox");
    }

    /** Commands whose argument is dropped entirely. */
    static boolean dropsArgument(String name) {
        return switch (name) {
            case "cite", "citep", "citet", "ref", "label", "footnote", "thanks", "index", "nocite", "vspace",
                 "hspace", "vskip", "hskip", "kern", "includegraphics", "cref", "Cref", "eqref", "pageref",
                 "bibitem", "bibliographystyle", "setlength", "hyphenation", "color" -> true;
            default -> false;
        };
    }
}
