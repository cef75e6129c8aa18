package io.spoofdesk.web;

import java.beans.PropertyEditorSupport;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text typed or posted into SpoofDesk loses its NUL characters on the way in, in form
 * fields and in JSON alike. PostgreSQL cannot store U+0000 in text, so a note or title
 * holding one (pasted from a binary file, or sent on purpose) failed with a 500 and was
 * lost; no one means a NUL in text, so it is dropped rather than refused.
 */
@Configuration(proxyBeanMethods = false)
class NulFreeText {

	static String strip(String text) {
		return (text == null || text.indexOf('\u0000') < 0) ? text : text.replace("\u0000", "");
	}

	/** JSON request bodies (the API). */
	@Bean
	JacksonModule nulFreeStrings() {
		return new SimpleModule("nul-free-strings").addDeserializer(String.class, new StringDeserializer() {
			@Override
			public String deserialize(JsonParser parser, DeserializationContext context) {
				return strip(super.deserialize(parser, context));
			}
		});
	}

	/** Form fields and request parameters (the pages). */
	@ControllerAdvice
	static class Forms {

		@InitBinder
		void nulFreeParameters(WebDataBinder binder) {
			binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
				@Override
				public void setAsText(String text) {
					setValue(strip(text));
				}
			});
		}

	}

}
