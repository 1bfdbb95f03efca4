package uk.gov.placements.tasks;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TaskWebConfig {
    /** After the engine request guard (order 0): it adds to answers the engine has already authorised. */
    @Bean
    FilterRegistrationBean<TaskDisplayResponse> taskDisplayResponse(TaskDisplay display) {
        FilterRegistrationBean<TaskDisplayResponse> bean = new FilterRegistrationBean<>(new TaskDisplayResponse(display));
        bean.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        bean.setOrder(1);
        return bean;
    }
}
