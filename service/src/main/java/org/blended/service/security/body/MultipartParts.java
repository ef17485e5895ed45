package org.blended.service.security.body;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.apache.catalina.core.ApplicationPart;
import org.apache.tomcat.util.http.fileupload.FileItem;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;
import org.apache.tomcat.util.http.fileupload.impl.InvalidContentTypeException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;

/**
 * The parts of a multipart body already received, parsed as Tomcat parses them: with its own parser,
 * the limits of spring.servlet.multipart and server.tomcat, and the same exceptions, so Spring's
 * multipart handling (and its 413 for a part too large) works as before.
 */
final class MultipartParts {

    private final MultipartConfigElement config;
    private final int maxPartCount;
    private final int maxPartHeaderBytes;

    MultipartParts(MultipartConfigElement config, int maxPartCount, int maxPartHeaderBytes) {
        this.config = config;
        this.maxPartCount = maxPartCount;
        this.maxPartHeaderBytes = maxPartHeaderBytes;
    }

    /** The request's body must be the buffered one: the parser reads it through getInputStream(). */
    List<Part> parse(HttpServletRequest request) throws IOException, ServletException {
        if (config == null) {
            throw new IllegalStateException("Unable to process parts as no multi-part configuration has been provided");
        }
        File location = location(request.getServletContext());
        DiskFileItemFactory factory = new DiskFileItemFactory();
        factory.setRepository(location);
        factory.setSizeThreshold(config.getFileSizeThreshold());
        FileUpload upload = new FileUpload();
        upload.setFileItemFactory(factory);
        upload.setFileSizeMax(config.getMaxFileSize());
        upload.setSizeMax(config.getMaxRequestSize());
        upload.setPartHeaderSizeMax(maxPartHeaderBytes);
        if (maxPartCount >= 0) {
            upload.setFileCountMax(maxPartCount);
        }
        try {
            List<Part> parts = new ArrayList<>();
            for (FileItem item : upload.parseRequest(new ServletRequestContext(request))) {
                parts.add(new ApplicationPart(item, location));
            }
            return parts;
        } catch (InvalidContentTypeException e) {
            throw new ServletException(e);
        } catch (SizeException e) {
            throw new IllegalStateException(e);
        }
    }

    private File location(ServletContext context) throws IOException {
        File temp = (File) context.getAttribute(ServletContext.TEMPDIR);
        String configured = config.getLocation();
        if (configured == null || configured.isEmpty()) {
            return temp.getCanonicalFile();
        }
        File location = new File(configured);
        return (location.isAbsolute() ? location : new File(temp, configured)).getCanonicalFile();
    }
}
