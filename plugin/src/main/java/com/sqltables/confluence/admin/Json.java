package com.sqltables.confluence.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes the admin endpoints' JSON answers with Jackson. {@code <}, {@code >}, {@code &}, {@code '} and the
 * JavaScript line separators are written as unicode escapes, so an answer stays inert even if a browser
 * sniffs it as HTML or a page embeds it in a script.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private Json() {
    }

    /** @param object values: strings, numbers, booleans, maps, lists, {@code null} or plain getters-only beans */
    static String write(Map<String, ?> object) {
        try {
            return MAPPER.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            // Only our own maps of plain values reach here; failing to write one is a programming error.
            throw new UncheckedIOException(e);
        }
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
        private final int[] asciiEscapes;

        HtmlSafeEscapes() {
            int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
            this.asciiEscapes = escapes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes.clone();
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '\u2028') {
                return LINE_SEPARATOR;
            }
            if (ch == '\u2029') {
                return PARAGRAPH_SEPARATOR;
            }
            return null;
        }
    }
}
