package dev.paperlink.corpus.index;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Source records to and from the bytes stored in the index: a small binary format (strings as
 * UTF-8 with a varint length), several times faster to write and read than JSON, which matters
 * because every completion decodes up to 50 papers. {@link #VERSION} is part of the index schema.
 */
final class PaperCodec {
    static final int VERSION = 1;
    private static final SourceFormat[] FORMATS = SourceFormat.values();

    private PaperCodec() {
    }

    static byte[] encode(List<Paper> parts) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            writeVInt(out, parts.size());
            for (Paper p : parts) {
                write(out, p);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Paper> decode(byte[] bytes, int offset, int length) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length));
            int version = in.readByte();
            if (version != VERSION) {
                throw new IOException("stored record version " + version + ", expected " + VERSION);
            }
            int n = readVInt(in);
            List<Paper> parts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                parts.add(read(in));
            }
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt stored record in the index: " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, Paper p) throws IOException {
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
        for (Map.Entry<String, String> e : p.raw().entrySet()) {
            str(out, e.getKey());
            str(out, e.getValue());
        }
    }

    private static Paper read(DataInputStream in) throws IOException {
        var b = Paper.builder().id(str(in)).key(str(in)).aliases(strs(in)).title(str(in));
        int authors = readVInt(in);
        List<Author> list = new ArrayList<>(authors);
        for (int i = 0; i < authors; i++) {
            list.add(new Author(str(in), str(in), str(in), str(in), str(in)));
        }
        b.authors(list).year(str(in)).date(str(in)).venue(str(in)).entryType(str(in)).abstractText(str(in))
                .doi(str(in)).arxivId(str(in)).url(str(in)).files(strs(in)).keywords(strs(in));
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
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < raw; i++) {
            map.put(str(in), str(in));
        }
        return b.raws(map).build();
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeVInt(out, b.length);
        out.write(b);
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

    private static void strs(DataOutputStream out, List<String> list) throws IOException {
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

    private static void writeVInt(DataOutputStream out, int v) throws IOException {
        if (v < 0) {
            throw new IOException("negative length " + v);
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
