package uk.gov.placements.referral;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.placements.security.SystemActions;

@Configuration
class ReferralWebConfig {
    /** After the engine request guard (order 0), beside the task forms' display values: it adds to answers the engine has given. */
    @Bean
    FilterRegistrationBean<ReferralStartFormResponse> referralStartFormResponse(ReferralStartChoices choices, RepositoryService repositoryService,
                                                                                IdentityService identityService, SystemActions system) {
        FilterRegistrationBean<ReferralStartFormResponse> bean = new FilterRegistrationBean<>(
                new ReferralStartFormResponse(choices, repositoryService, identityService, system));
        bean.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        bean.setOrder(1);
        return bean;
    }
}
