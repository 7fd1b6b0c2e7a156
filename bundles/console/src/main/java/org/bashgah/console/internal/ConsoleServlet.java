package org.bashgah.console.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.bashgah.core.api.ConsolePages;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the console at {@code /console}: its own static files from this bundle's {@code console/} folder
 * ({@code index.html} for {@code /console/}), the list of installed extensions at {@code /console/extensions.json},
 * and each extension's files at {@code /console/ext/<id>/<path>}. Nothing here reads data: the pages call the
 * public REST API with the user's bearer token, so there is no second way into the server.
 *
 * <p>Extensions are tracked dynamically: a {@link ConsolePages} service that appears is listed from the next
 * request on, one that goes is gone from the next request on.
 */
@Component(service = Servlet.class, configurationPid = "org.bashgah.console",
    configurationPolicy = ConfigurationPolicy.OPTIONAL,
    property = {"osgi.http.whiteboard.servlet.pattern=/console/*", "osgi.http.whiteboard.servlet.name=bashgah-console"})
@Designate(ocd = ConsoleConfiguration.class)
public class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Everything the console loads comes from this server: no CDN, no inline script. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final transient Bundle bundle;
    private final transient List<ConsolePages> extensions = new CopyOnWriteArrayList<>();
    private volatile String language;

    @Activate
    public ConsoleServlet(BundleContext context, ConsoleConfiguration config) {
        this.bundle = context.getBundle();
        modified(config);
    }

    @Modified
    void modified(ConsoleConfiguration config) {
        this.language = "en".equals(config.language()) ? "en" : "fa";
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void addExtension(ConsolePages pages) {
        extensions.add(pages);
    }

    void removeExtension(ConsolePages pages) {
        extensions.remove(pages);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
            return;
        }
        securityHeaders(response);
        if (path.equals("/") || path.equals("/index.html")) {
            serveOwn("index.html", request, response);
        } else if (path.equals("/extensions.json")) {
            serveExtensionList(response);
        } else if (path.startsWith("/ext/")) {
            serveExtensionFile(path.substring("/ext/".length()), response);
        } else {
            Optional<String> file = ConsoleFiles.safe(path.substring(1));
            if (file.isEmpty()) {
                notFound(response);
            } else {
                serveOwn(file.get(), request, response);
            }
        }
    }

    private static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    private void serveOwn(String file, HttpServletRequest request, HttpServletResponse response) throws IOException {
        URL url = bundle.getEntry("console/" + file);
        Optional<String> type = ConsoleFiles.contentType(file);
        if (url == null || type.isEmpty()) {
            notFound(response);
            return;
        }
        // the files change only with the bundle: the bundle's time is their time, so browsers revalidate cheaply
        long modified = bundle.getLastModified() / 1000 * 1000;
        long since = request.getDateHeader("If-Modified-Since");
        response.setHeader("Cache-Control", "no-cache");
        response.setDateHeader("Last-Modified", modified);
        if (since >= modified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        copy(url, type.get(), response);
    }

    private void serveExtensionList(HttpServletResponse response) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ConsolePages pages : sortedExtensions()) {
            try {
                String id = pages.id();
                Optional<String> module = ConsoleFiles.safe(pages.module());
                if (id == null || !ConsoleFiles.EXTENSION_ID.matcher(id).matches() || module.isEmpty()) {
                    LOG.warn("Console extension {} ignored: its id or module path is not valid", pages.getClass().getName());
                    continue;
                }
                List<Map<String, Object>> menu = new ArrayList<>();
                for (ConsolePages.MenuItem item : pages.menu()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", item.id());
                    m.put("title", Map.of("en", item.titleEn(), "fa", item.titleFa()));
                    m.put("roles", item.roles().stream().sorted().toList());
                    menu.add(m);
                }
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("id", id);
                e.put("module", "/console/ext/" + id + "/" + module.get());
                e.put("base", "/console/ext/" + id + "/");
                e.put("menu", menu);
                list.add(e);
            } catch (RuntimeException e) {
                LOG.warn("Console extension {} ignored: {}", pages.getClass().getName(), e.toString());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("defaultLanguage", language);
        body.put("extensions", list);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json; charset=utf-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private List<ConsolePages> sortedExtensions() {
        List<ConsolePages> sorted = new ArrayList<>(extensions);
        sorted.sort(Comparator.comparing(p -> String.valueOf(p.id())));
        return sorted;
    }

    private void serveExtensionFile(String rest, HttpServletResponse response) throws IOException {
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            notFound(response);
            return;
        }
        String id = rest.substring(0, slash);
        Optional<String> file = ConsoleFiles.safe(rest.substring(slash + 1));
        Optional<String> type = file.flatMap(ConsoleFiles::contentType);
        if (type.isEmpty()) {
            notFound(response);
            return;
        }
        for (ConsolePages pages : extensions) {
            try {
                if (!id.equals(pages.id())) continue;
                Optional<URL> url = pages.resource(file.get());
                if (url.isEmpty()) break;
                // an extension can come and go (and change) at any time: always revalidate
                response.setHeader("Cache-Control", "no-store");
                copy(url.get(), type.get(), response);
                return;
            } catch (RuntimeException e) {
                LOG.warn("Console extension {} failed to give {}: {}", id, file.get(), e.toString());
                break;
            }
        }
        notFound(response);
    }

    private static void copy(URL url, String type, HttpServletResponse response) throws IOException {
        URLConnection connection = url.openConnection();
        try (InputStream in = connection.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            response.setContentType(type);
            response.setContentLength(bytes.length);
            try (OutputStream out = response.getOutputStream()) {
                out.write(bytes);
            }
        }
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
