package uk.gov.placements.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import uk.gov.placements.IntegrationTest;

/** The hardening of the second release: cookies, the content security policy, HTTPS in production, sign-in throttling. */
@IntegrationTest
class HardeningTest {
    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;

    @Test
    void shouldSendTheSessionCookieWithOneSameSiteAttribute() {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).isNotEmpty();
        for (String cookie : cookies) {
            int sameSite = cookie.toLowerCase().split("samesite=", -1).length - 1;
            assertThat(sameSite).as(cookie).isEqualTo(1);
            if (cookie.startsWith("JSESSIONID")) {
                assertThat(cookie).as(cookie).containsIgnoringCase("HttpOnly");
            }
        }
    }

    @Test
    void shouldServeTheProductsPagesWithoutInlineScriptOrEval() {
        for (String page : List.of("/register.html", "/reports.html")) {
            ResponseEntity<String> answer = http.getForEntity(page, String.class);
            String policy = answer.getHeaders().getFirst("Content-Security-Policy");
            assertThat(policy).as(page).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(answer.getBody()).as(page + " has no inline script or style").doesNotContain("<script>").doesNotContain("<style>")
                    .doesNotContain(" style=\"").doesNotContain(" onclick=");
        }
        // the Camunda webapps keep their own policy, not narrowed by a second one
        ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(tasklist.getHeaders().get("Content-Security-Policy")).hasSize(1);
    }

    @Test
    void shouldServeProductionOverHttpsOnly() throws Exception {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-prod.yaml"));
        Properties prod = yaml.getObject();
        assertThat(prod.getProperty("camunda.bpm.webapp.header-security.hsts-disabled")).isEqualTo("false");
        assertThat(prod.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie")).isEqualTo("true");
        assertThat(prod.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isEqualTo("true");
        assertThat(prod.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
    }

    @Test
    void shouldThrottleFailedSignInsButNeverLockSomeoneOutForGood() {
        String id = "lockout-probe";
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword("the-right-password");
            identityService.saveUser(user);
        }
        try {
            for (int i = 0; i < 15; i++) {
                assertThat(get(id, "wrong-" + i).getStatusCode().value()).isEqualTo(401);
            }
            // locked for a while: even the right password waits
            assertThat(get(id, "the-right-password").getStatusCode().value()).isEqualTo(401);
            // past the longest throttle (a minute) the right password opens the account again, with no administrator
            ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 61_000));
            assertThat(get(id, "the-right-password").getStatusCode().value()).isEqualTo(200);
        } finally {
            ClockUtil.reset();
        }
    }

    ResponseEntity<String> get(String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        return http.exchange("/engine-rest/engine", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
