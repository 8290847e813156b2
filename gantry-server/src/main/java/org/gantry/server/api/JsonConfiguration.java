package org.gantry.server.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /**
     * PostgreSQL cannot store the NUL character in text; refusing it while reading the JSON names the
     * field in a 400 instead of failing later in the database.
     */
    @Bean
    JacksonModule textWithoutNul() {
        return new SimpleModule("gantry-text").addDeserializer(String.class, new TextDeserializer());
    }

    static final class TextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw context.weirdStringException(value, String.class, "contains a NUL character");
            }
            return value;
        }
    }
}
