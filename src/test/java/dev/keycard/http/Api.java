package dev.keycard.http;

import static io.restassured.RestAssured.given;

import dev.keycard.testing.TestUsers;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;

/** Calls Keycard's endpoints over real HTTP with REST-assured; one instance per server base URL. */
final class Api {
    static final String COOKIE = "refreshToken";

    private final String baseUrl;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    RequestSpecification request() {
        return given().baseUri(baseUrl)
                .config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .urlEncodingEnabled(false);
    }

    Response login(String email, String password) {
        return request().contentType("application/json")
                .body("{\"email\":" + quote(email) + ",\"password\":" + quote(password) + "}")
                .post("/api/login");
    }

    Response loginUser() {
        Response r = login(TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD);
        if (r.statusCode() != 200) {
            throw new AssertionError("login failed: " + r.statusCode() + " " + r.asString());
        }
        return r;
    }

    Response refresh(String refreshToken) {
        RequestSpecification spec = request();
        if (refreshToken != null) {
            spec = spec.header("Cookie", COOKIE + "=" + refreshToken);
        }
        return spec.post("/api/auth/refresh");
    }

    Response logout(String refreshToken) {
        RequestSpecification spec = request();
        if (refreshToken != null) {
            spec = spec.header("Cookie", COOKIE + "=" + refreshToken);
        }
        return spec.post("/api/auth/logout");
    }

    Response profile(String accessToken) {
        return request().header("Authorization", "Bearer " + accessToken).get("/api/profile");
    }

    /** Every Set-Cookie header of the response that sets or clears the refresh cookie. */
    static List<String> refreshSetCookies(Response r) {
        return r.headers().getValues("Set-Cookie").stream().filter(h -> h.startsWith(COOKIE + "=")).toList();
    }

    /** The refresh token a response sets; fails unless exactly one refresh Set-Cookie is present. */
    static String refreshToken(Response r) {
        List<String> headers = refreshSetCookies(r);
        if (headers.size() != 1) {
            throw new AssertionError("expected one refresh Set-Cookie, got " + headers);
        }
        String h = headers.get(0);
        return h.substring(COOKIE.length() + 1, h.indexOf(';'));
    }

    static String accessToken(Response r) {
        return r.jsonPath().getString("accessToken");
    }

    /** A request sent byte for byte as given, for what REST-assured would re-encode (odd content types). */
    java.net.http.HttpResponse<String> raw(String method, String path, byte[] body, String... headers) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + path))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                    .send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }
}
