package dev.accord.console.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The console opens on the catalog. */
@Path("/")
public class Home {

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/initiatives")).build();
    }
}
