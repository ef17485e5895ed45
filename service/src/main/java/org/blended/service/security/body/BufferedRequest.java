package org.blended.service.security.body;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;

/**
 * The request as dispatched once its body has been received: the body, its form fields and its
 * parts come from what was received. It reports the dispatch as the REQUEST it stands for, so that
 * every filter (Spring Security's included) handles it as the request it is, not as the tail of an
 * asynchronous one, which most skip.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

    private final BufferedBody body;
    private final BodyParameters parameterReader;
    private final MultipartParts partReader;
    private boolean ownDispatch = true;
    private ServletInputStream stream;
    private BufferedReader reader;
    private Map<String, String[]> parameters;
    private List<Part> parts;
    private Exception partsFailure;

    BufferedRequest(HttpServletRequest request, BufferedBody body, BodyParameters parameterReader, MultipartParts partReader) {
        super(request);
        this.body = body;
        this.parameterReader = parameterReader;
        this.partReader = partReader;
    }

    @Override
    public DispatcherType getDispatcherType() {
        DispatcherType type = super.getDispatcherType();
        return type == DispatcherType.ASYNC && ownDispatch ? DispatcherType.REQUEST : type;
    }

    /** A handler going asynchronous itself: its later dispatches are truly asynchronous. */
    @Override
    public AsyncContext startAsync() {
        ownDispatch = false;
        return super.startAsync();
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        ownDispatch = false;
        return super.startAsync(request, response);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new BodyStream(body.open());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            Charset charset;
            try {
                charset = getCharacterEncoding() == null ? StandardCharsets.ISO_8859_1 : Charset.forName(getCharacterEncoding());
            } catch (IllegalArgumentException e) {
                throw new java.io.UnsupportedEncodingException(getCharacterEncoding());
            }
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Collections.unmodifiableMap(parameters());
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        if (parts == null && partsFailure == null) {
            try {
                parts = partReader.parse(this);
            } catch (IOException | ServletException | IllegalStateException e) {
                partsFailure = e;
            }
        }
        if (partsFailure instanceof IOException e) {
            throw e;
        }
        if (partsFailure instanceof ServletException e) {
            throw e;
        }
        if (partsFailure instanceof IllegalStateException e) {
            throw e;
        }
        return parts;
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        for (Part part : getParts()) {
            if (part.getName().equals(name)) {
                return part;
            }
        }
        return null;
    }

    /** Deletes the parts' temporary files, once the request is done. */
    void discardParts() {
        if (parts != null) {
            for (Part part : parts) {
                try {
                    part.delete();
                } catch (IOException e) {
                    // Tomcat's own clean-up of its work folder is the last resort
                }
            }
        }
    }

    private Map<String, String[]> parameters() {
        if (parameters == null) {
            parameters = parameterReader.of(this, body);
        }
        return parameters;
    }

    /** The received body, as a stream that is always ready. */
    private static final class BodyStream extends ServletInputStream {
        private final InputStream in;
        private boolean finished;

        BodyStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            finished = b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            finished = n < 0;
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            try {
                listener.onDataAvailable();
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
