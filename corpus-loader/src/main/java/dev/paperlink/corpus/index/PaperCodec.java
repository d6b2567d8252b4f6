package dev.paperlink.corpus.index;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paper (its id, generated key and source records) to and from the bytes kept in the index: a
 * small binary format (strings as UTF-8 with a varint length), several times faster to write and
 * read than JSON, which matters because every completion decodes up to 50 papers. Raw field values
 * equal to a display value are written once. {@link #VERSION} is part of the index schema.
 */
final class PaperCodec {
    static final int VERSION = 3;
    private static final SourceFormat[] FORMATS = SourceFormat.values();
    /** Raw field names frequent enough to be written as their position in this list (plus one). */
    private static final List<String> COMMON_NAMES = List.of("title", "author", "year", "booktitle", "journal",
            "pages", "publisher", "address", "month", "url", "doi", "abstract", "editor", "volume", "number",
            "language", "isbn", "issn", "note", "keywords", "series", "eprint", "archiveprefix", "primaryclass",
            "file", "urldate", "organization", "school", "institution", "howpublished", "type", "edition", "date");
    private static final Map<String, Integer> NAME_CODES = nameCodes();

    private PaperCodec() {
    }

    static byte[] encode(Cluster cluster) {
        Out out = new Out();
        out.writeByte(VERSION);
        str(out, cluster.id());
        str(out, cluster.generatedKey());
        writeVInt(out, cluster.parts().size());
        for (Paper p : cluster.parts()) {
            write(out, p);
        }
        return out.toByteArray();
    }

    /**
     * A growable byte array with just the writes a record needs (a ByteArrayOutputStream in a
     * DataOutputStream locks and copies more than this hot path can afford).
     */
    private static final class Out {
        private byte[] buf = new byte[1024];
        private int length;

        private void ensure(int more) {
            if (length + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
            }
        }

        void writeByte(int b) {
            ensure(1);
            buf[length++] = (byte) b;
        }

        void writeBoolean(boolean b) {
            writeByte(b ? 1 : 0);
        }

        void writeLong(long v) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[length++] = (byte) (v >>> shift);
            }
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, length, b.length);
            length += b.length;
        }

        /** UTF-8 bytes after their count: ASCII written straight in, anything else encoded by the JDK. */
        void writeString(String s) {
            int n = s.length();
            int mark = length;
            writeVInt(this, n);
            ensure(n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    length = mark;
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    writeVInt(this, b.length);
                    write(b);
                    return;
                }
                buf[length++] = (byte) c;
            }
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, length);
        }
    }

    static Cluster decode(byte[] bytes, int offset, int length) {
        try {
            DataInputStream in = open(bytes, offset, length);
            String id = str(in);
            String generatedKey = str(in);
            int n = readVInt(in);
            List<Paper> parts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                parts.add(read(in));
            }
            return new Cluster(id, generatedKey, parts);
        } catch (IOException e) {
            throw corrupt(e);
        }
    }

    /** Only the id of an encoded cluster (it comes first). */
    static String decodeId(byte[] bytes, int offset, int length) {
        try {
            return str(open(bytes, offset, length));
        } catch (IOException e) {
            throw corrupt(e);
        }
    }

    private static DataInputStream open(byte[] bytes, int offset, int length) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length));
        int version = in.readByte();
        if (version != VERSION) {
            throw new IOException("stored record version " + version + ", expected " + VERSION);
        }
        return in;
    }

    private static UncheckedIOException corrupt(IOException e) {
        return new UncheckedIOException("corrupt stored record in the index: " + e.getMessage(), e);
    }

    private static void write(Out out, Paper p) {
        str(out, p.id());
        str(out, p.key());
        strs(out, p.aliases());
        str(out, p.title());
        writeVInt(out, p.authors().size());
        for (Author a : p.authors()) {
            str(out, a.family());
            str(out, a.given());
            str(out, a.particle());
            str(out, a.suffix());
            str(out, a.literal());
        }
        str(out, p.year());
        str(out, p.date());
        str(out, p.venue());
        str(out, p.entryType());
        str(out, p.abstractText());
        str(out, p.doi());
        str(out, p.arxivId());
        str(out, p.url());
        strs(out, p.files());
        strs(out, p.keywords());
        out.writeBoolean(p.popularity() != null);
        if (p.popularity() != null) {
            out.writeLong(p.popularity());
        }
        writeVInt(out, p.sources().size());
        for (SourceSpan s : p.sources()) {
            str(out, s.file());
            out.writeByte(s.format().ordinal());
            writeVInt(out, Math.max(0, s.startLine()));
            writeVInt(out, Math.max(0, s.endLine()));
            writeVInt(out, Math.max(0, s.keyLine()));
            writeVInt(out, Math.max(0, s.keyColumn()));
            str(out, s.key());
        }
        writeVInt(out, p.raw().size());
        String[] display = displayValues(p);
        for (Map.Entry<String, String> e : p.raw().entrySet()) {
            Integer code = NAME_CODES.get(e.getKey());
            if (code == null) {
                writeVInt(out, 0);
                str(out, e.getKey());
            } else {
                writeVInt(out, code);
            }
            int same = sameAs(display, e.getValue());
            writeVInt(out, same);
            if (same == 0) {
                str(out, e.getValue());
            }
        }
    }

    /**
     * The display values a raw value may equal, in the order their codes follow: a raw value equal
     * to one of them (most values without LaTeX) is written as its position plus one, not a second
     * time. Writing and reading both go through here, so the codes cannot drift apart.
     */
    private static String[] displayValues(String title, String abstractText, String year, String doi, String url,
            String venue, String date) {
        return new String[] {title, abstractText, year, doi, url, venue, date};
    }

    private static String[] displayValues(Paper p) {
        return displayValues(p.title(), p.abstractText(), p.year(), p.doi(), p.url(), p.venue(), p.date());
    }

    /** The code of the display value a raw value equals, or 0 (written in full). */
    private static int sameAs(String[] displayValues, String value) {
        if (value.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < displayValues.length; i++) {
            if (value.equals(displayValues[i])) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String sameAs(String[] displayValues, int code) throws IOException {
        if (code < 1 || code > displayValues.length) {
            throw new IOException("unknown raw value code " + code);
        }
        return displayValues[code - 1];
    }

    private static Map<String, Integer> nameCodes() {
        Map<String, Integer> codes = new java.util.HashMap<>();
        for (int i = 0; i < COMMON_NAMES.size(); i++) {
            codes.put(COMMON_NAMES.get(i), i + 1);
        }
        return Map.copyOf(codes);
    }

    private static Paper read(DataInputStream in) throws IOException {
        String title;
        var b = Paper.builder().id(str(in)).key(str(in)).aliases(strs(in)).title(title = str(in));
        int authors = readVInt(in);
        List<Author> list = new ArrayList<>(authors);
        for (int i = 0; i < authors; i++) {
            list.add(new Author(str(in), str(in), str(in), str(in), str(in)));
        }
        String year = str(in);
        String date = str(in);
        String venue = str(in);
        String entryType = str(in);
        String abstractText = str(in);
        String doi = str(in);
        String arxivId = str(in);
        String url = str(in);
        b.authors(list).year(year).date(date).venue(venue).entryType(entryType).abstractText(abstractText)
                .doi(doi).arxivId(arxivId).url(url).files(strs(in)).keywords(strs(in));
        if (in.readBoolean()) {
            b.popularity(in.readLong());
        }
        int sources = readVInt(in);
        List<SourceSpan> spans = new ArrayList<>(sources);
        for (int i = 0; i < sources; i++) {
            String file = str(in);
            SourceFormat format = FORMATS[in.readByte()];
            spans.add(new SourceSpan(file, format, readVInt(in), readVInt(in), readVInt(in), readVInt(in), str(in)));
        }
        b.sources(spans);
        int raw = readVInt(in);
        String[] display = displayValues(title, abstractText, year, doi, url, venue, date);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < raw; i++) {
            int nameCode = readVInt(in);
            if (nameCode > COMMON_NAMES.size()) {
                throw new IOException("unknown field name code " + nameCode);
            }
            String name = nameCode == 0 ? str(in) : COMMON_NAMES.get(nameCode - 1);
            int same = readVInt(in);
            map.put(name, same == 0 ? str(in) : sameAs(display, same));
        }
        return b.raws(map).build();
    }

    private static void str(Out out, String s) {
        out.writeString(s);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = readVInt(in);
        if (n == 0) {
            return "";
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void strs(Out out, List<String> list) {
        writeVInt(out, list.size());
        for (String s : list) {
            str(out, s);
        }
    }

    private static List<String> strs(DataInputStream in) throws IOException {
        int n = readVInt(in);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(str(in));
        }
        return list;
    }

    private static void writeVInt(Out out, int v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative length " + v);
        }
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVInt(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("malformed varint");
    }
}
