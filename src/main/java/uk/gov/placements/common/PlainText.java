package uk.gov.placements.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text a person could have typed: no NUL or other control characters (line breaks and tabs are fine) and no
 * half of a surrogate pair. Such characters are refused, naming the field, wherever text comes in: the
 * product API's JSON (every string field, through this deserializer) and the engine's forms ({@link FormValues}).
 * PostgreSQL refuses a NUL outright, and a lone surrogate cannot be written as UTF-8: stored, either would
 * break every page and export that shows the record.
 */
@Configuration
public class PlainText {

    /** Why the text is refused, or null when it is plain. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return "must not contain a broken character (a lone surrogate)";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "must not contain a broken character (a lone surrogate)";
            }
        }
        return null;
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer plainTextStrings() {
        SimpleModule module = new SimpleModule("plain-text");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String value = super.deserialize(p, ctxt);
                String problem = problem(value);
                if (problem != null) {
                    throw ctxt.weirdStringException(value, String.class, problem);
                }
                return value;
            }
        });
        return builder -> builder.modulesToInstall(module);
    }
}
