package org.compliancerunner.notify;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A webhook receiver on 127.0.0.1: records every request and answers with the scripted status codes. */
final class Receiver implements AutoCloseable {

    /** One request as it arrived. */
    record Request(String eventId, String eventType, String signature, String body) {
    }

    /** Runs while the request is being answered, before the status is sent. */
    interface OnRequest {
        void run(Request request) throws Exception;
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> scripted = new ArrayDeque<>();
    private volatile int thenAnswer = 200;
    private volatile String errorBody = "";
    private volatile OnRequest onRequest = request -> { };

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/compliance");
    }

    /** Answers these codes first, one per request, then {@code then}. */
    synchronized Receiver answering(int then, Integer... first) {
        scripted.clear();
        scripted.addAll(List.of(first));
        thenAnswer = then;
        return this;
    }

    Receiver withErrorBody(String body) {
        errorBody = body;
        return this;
    }

    Receiver onRequest(OnRequest action) {
        onRequest = action;
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** What a receiver that de-duplicates by event id would process. */
    Set<String> distinctEventIds() {
        return requests.stream().map(Request::eventId).collect(Collectors.toSet());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestHeaders().getFirst("X-Compliance-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-Compliance-Event-Type"),
                    exchange.getRequestHeaders().getFirst("X-Compliance-Signature"), body);
            requests.add(request);
            try {
                onRequest.run(request);
            } catch (Exception e) {
                throw new IOException(e);
            }
            int status = nextStatus();
            byte[] answer = (status / 100 == 2 ? "" : errorBody).getBytes(StandardCharsets.UTF_8);
            if (status / 100 == 3) {
                // back to this receiver, so a client that followed it would show up as a second request
                exchange.getResponseHeaders().set("Location", url().toString());
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private synchronized int nextStatus() {
        return scripted.isEmpty() ? thenAnswer : scripted.removeFirst();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
