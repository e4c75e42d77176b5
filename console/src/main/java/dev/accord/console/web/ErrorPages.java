package dev.accord.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A service that refuses or cannot be reached is shown as a page saying so, with the status it gave. */
public class ErrorPages {

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance error(int status, String detail);
    }

    @ServerExceptionMapper
    public Response apiError(ApiException e) {
        int status = e.status() >= 400 && e.status() < 600 ? e.status() : 502;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, e.getMessage()).render()).build();
    }
}
