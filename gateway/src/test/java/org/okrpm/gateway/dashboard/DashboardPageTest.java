package org.okrpm.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard (web/, bundled by the Web Bundler at build time) is served at / without a token, its script and
 * style too, while /api/ stays behind the edge's authentication.
 */
@QuarkusTest
class DashboardPageTest {

    static final Pattern SCRIPT = Pattern.compile("<script type=\"module\" src=\"(/static/bundle/[^\"]+\\.js)\"");
    static final Pattern STYLE = Pattern.compile("<link rel=\"stylesheet\" href=\"(/static/bundle/[^\"]+\\.css)\"");

    static String page() {
        return given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<main id=\"app\""))
                .body(containsString("aria-live=\"polite\""))
                .body(not(containsString("{#bundle")))
                .extract().asString();
    }

    static String asset(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        assertTrue(m.find(), "no bundled asset in the page: " + page);
        return m.group(1);
    }

    @Test
    void thePageAndItsBundleNeedNoToken() {
        String page = page();
        given().when().get(asset(SCRIPT, page))
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                // the stream read with fetch (a bearer token cannot go through EventSource)
                .body(containsString("/api/v1/stream"))
                .body(containsString("Last-Event-ID"));
        given().when().get(asset(STYLE, page))
                .then().statusCode(200)
                .contentType(containsString("text/css"));
        given().when().get("/index.html").then().statusCode(200).body(containsString("<main id=\"app\""));
    }

    @Test
    void theApiStaysProtected() {
        page();
        given().when().get("/api/v1/cycles")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
    }
}
