package dev.accord.devstack;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The dev stack's mail server: an SMTP server (GreenMail) that accepts every mail for any address
 * and keeps it in memory, and an inbox on HTTP to read what arrived, so e-mail subscriptions work in
 * {@code ./accord up} without a real mail server.
 *
 * <ul>
 *   <li>{@code GET /} — the inbox page, newest first; {@code GET /messages/{n}} — one mail, its links
 *       clickable and, where it carries {@code List-Unsubscribe-Post}, a one-click unsubscribe button
 *       that posts as a mail client would (RFC 8058);</li>
 *   <li>{@code GET /api/messages} — the same as JSON ({@code ?to=} filters by recipient);
 *       {@code DELETE /api/messages} empties the inbox;</li>
 *   <li>{@code GET /health} — 200 once both servers listen.</li>
 * </ul>
 *
 * <p>Options: {@code --smtp-port} (2525), {@code --http-port} (8025), {@code --bind} (127.0.0.1);
 * environment fallbacks {@code ACCORD_MAIL_SMTP_PORT}, {@code ACCORD_MAIL_INBOX_PORT}.
 */
public final class MailSink implements AutoCloseable {

    private final GreenMail smtp;
    private final HttpServer http;

    private MailSink(GreenMail smtp, HttpServer http) {
        this.smtp = smtp;
        this.http = http;
    }

    /** Starts both servers; port 0 picks a free one (see {@link #smtpPort()} and {@link #httpPort()}). */
    public static MailSink start(String bind, int smtpPort, int httpPort) throws IOException {
        ServerSetup setup = new ServerSetup(smtpPort, bind, ServerSetup.PROTOCOL_SMTP);
        GreenMail smtp = new GreenMail(smtpPort == 0 ? setup.dynamicPort() : setup);
        smtp.start();
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, httpPort), 0);
        MailSink sink = new MailSink(smtp, http);
        http.createContext("/", sink::handle);
        http.start();
        return sink;
    }

    public static void main(String[] args) throws IOException {
        int smtpPort = Integer.parseInt(Args.env("ACCORD_MAIL_SMTP_PORT", "2525"));
        int httpPort = Integer.parseInt(Args.env("ACCORD_MAIL_INBOX_PORT", "8025"));
        String bind = "127.0.0.1";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--smtp-port" -> smtpPort = Integer.parseInt(args[i + 1]);
                case "--http-port" -> httpPort = Integer.parseInt(args[i + 1]);
                case "--bind" -> bind = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (use --smtp-port, --http-port, --bind)");
            }
        }
        MailSink sink = start(bind, smtpPort, httpPort);
        Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "mail-sink-stop"));
        System.out.printf("MailSink listening: SMTP %s:%d, inbox http://%s:%d/%n", bind, sink.smtpPort(), bind, sink.httpPort());
        System.out.flush();
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    /** Every mail received so far, oldest first. */
    public List<ReceivedMail> mails() {
        return ReceivedMail.all(smtp.getReceivedMessages());
    }

    private void purge() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Cannot empty the inbox", e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/health")) {
                respond(exchange, 200, "text/plain", "ok\n");
            } else if (path.equals("/api/messages") && method.equals("GET")) {
                String to = query(exchange, "to").orElse(null);
                respond(exchange, 200, "application/json", InboxPages.json(mails(), to));
            } else if (path.equals("/api/messages") && method.equals("DELETE")) {
                purge();
                exchange.sendResponseHeaders(204, -1);
            } else if (path.equals("/") && method.equals("GET")) {
                respond(exchange, 200, "text/html", InboxPages.inbox(mails()));
            } else if (path.startsWith("/messages/") && method.equals("GET")) {
                Optional<ReceivedMail> mail = byNumber(path.substring("/messages/".length()));
                if (mail.isPresent()) {
                    respond(exchange, 200, "text/html", InboxPages.message(mail.get()));
                } else {
                    respond(exchange, 404, "text/plain", "No such message\n");
                }
            } else {
                respond(exchange, 404, "text/plain", "Not found: " + path + "\n");
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, "text/plain", "Cannot read a stored mail: " + e.getMessage() + "\n");
        }
    }

    private Optional<ReceivedMail> byNumber(String number) {
        List<ReceivedMail> mails = mails();
        try {
            int n = Integer.parseInt(number);
            return n >= 1 && n <= mails.size() ? Optional.of(mails.get(n - 1)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getQuery();
        if (raw == null) {
            return Optional.empty();
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
