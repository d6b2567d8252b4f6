package dev.paperlink.cli.bench.arxiv;

/** Accented letters written as LaTeX, as many arXiv submitters type names ({@code Bal\'azs}). */
final class Latex {
    private Latex() {
    }

    static String accents(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case 'á' -> "\\'a"; case 'é' -> "\\'e"; case 'í' -> "\\'i"; case 'ó' -> "\\'o"; case 'ú' -> "\\'u";
                case 'Á' -> "\\'A"; case 'É' -> "\\'E"; case 'à' -> "\\`a"; case 'è' -> "\\`e"; case 'ò' -> "\\`o";
                case 'ä' -> "\\\"a"; case 'ö' -> "\\\"o"; case 'ü' -> "\\\"u"; case 'Ö' -> "\\\"O"; case 'Ü' -> "\\\"U";
                case 'ñ' -> "\\~n"; case 'ç' -> "\\c{c}"; case 'ø' -> "{\\o}"; case 'š' -> "\\v{s}"; case 'č' -> "\\v{c}";
                case 'ł' -> "{\\l}"; case 'ß' -> "{\\ss}"; case 'å' -> "\\aa "; case 'ë' -> "\\\"e"; case 'ï' -> "\\\"i";
                default -> null;
            };
            if (r != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (r != null) {
                    sb.append(r);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
