package com.sqltables.devhost.web;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Buffers an HTML answer of a plugin servlet so that it can be decorated with the host's layout (like
 * SiteMesh in Confluence). Other content types pass straight through.
 */
final class DecoratingResponse extends HttpServletResponseWrapper {
    private static final Pattern DECORATOR = Pattern.compile(
            "<meta\\s+(?:name=[\"']decorator[\"']\\s+content=[\"']([^\"']*)[\"']|content=[\"']([^\"']*)[\"']\\s+name=[\"']decorator[\"'])[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HEAD = Pattern.compile("<head[^>]*>(.*?)</head>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<body[^>]*>(.*)</body>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private CharArrayWriter chars;
    private PrintWriter writer;
    private ByteArrayOutputStream bytes;
    private ServletOutputStream stream;

    DecoratingResponse(HttpServletResponse response) {
        super(response);
    }

    private boolean isHtml() {
        String type = getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer != null) {
            return writer;
        }
        if (stream == null && isHtml()) {
            chars = new CharArrayWriter();
            writer = new PrintWriter(chars);
            return writer;
        }
        return super.getWriter();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream != null) {
            return stream;
        }
        if (writer == null && isHtml()) {
            bytes = new ByteArrayOutputStream();
            stream = new ServletOutputStream() {
                @Override public boolean isReady() {
                    return true;
                }

                @Override public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("asynchronous output is not supported by the dev host");
                }

                @Override public void write(int b) {
                    bytes.write(b);
                }

                @Override public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }
            };
            return stream;
        }
        return super.getOutputStream();
    }

    private boolean buffering() {
        return chars != null || bytes != null;
    }

    @Override public void setContentLength(int len) {
        if (!isHtml()) {
            super.setContentLength(len);
        }
    }

    @Override public void setContentLengthLong(long len) {
        if (!isHtml()) {
            super.setContentLengthLong(len);
        }
    }

    @Override public void flushBuffer() throws IOException {
        if (!buffering()) {
            super.flushBuffer();
        }
    }

    /** Writes the buffered answer: decorated when it names a decorator, else unchanged. */
    void finish(HttpServletRequest request, Layout layout) throws IOException {
        if (!buffering()) {
            return;
        }
        String html;
        if (chars != null) {
            writer.flush();
            html = chars.toString();
        } else {
            String encoding = getCharacterEncoding();
            html = bytes.toString(encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding));
        }
        HttpServletResponse response = (HttpServletResponse) getResponse();
        Matcher decorator = DECORATOR.matcher(html);
        Matcher body = BODY.matcher(html);
        if (!decorator.find() || !body.find()) {
            response.getWriter().write(html);
            return;
        }
        String name = decorator.group(1) != null ? decorator.group(1) : decorator.group(2);
        Matcher title = TITLE.matcher(html);
        Matcher head = HEAD.matcher(html);
        String extraHead = head.find() ? TITLE.matcher(DECORATOR.matcher(head.group(1)).replaceAll("")).replaceAll("") : "";
        // The title is already escaped HTML text; unescape nothing, the layout escapes again only what it builds.
        String titleText = title.find() ? title.group(1).replaceAll("<[^>]*>", "").trim() : "Confluence";
        layout.write(request, response, getStatus(), unescapeBasic(titleText), extraHead, body.group(1),
                Layout.Kind.forDecorator(name));
    }

    /** Reverses the entity escaping of a title, since the layout escapes it once more. */
    private static String unescapeBasic(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }
}
