package io.spoofdesk.web;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Boot's validator, with one change: a message's field ({@code {0}} in
 * {@code Size.java.lang.String={0}は{1}文字以内で入力してください。}) is named by its label. The label
 * is looked up as {@code <form>.<field>} (e.g. {@code incident.title}, also for the API's
 * {@code incidentCommand}) and then as {@code field.<field>}, with list indexes left out,
 * so 「件名は200文字以内で入力してください。」 rather than "title" or "impersonatedAddresses[3]".
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static LocalValidatorFactoryBean defaultValidator(ApplicationContext context) {
		LocalValidatorFactoryBean validator = new LabelledFieldValidator();
		validator.setMessageInterpolator(new MessageInterpolatorFactory(context).getObject());
		return validator;
	}

	/** Names a field in a validation message by its label. */
	static class LabelledFieldValidator extends LocalValidatorFactoryBean {

		@Override
		protected MessageSourceResolvable getResolvableField(String objectName, String field) {
			String bare = field.replaceAll("\\[[^]]*]", "");
			String form = objectName.replaceFirst("(Command|Form|Request)$", "");
			return new DefaultMessageSourceResolvable(new String[] { form + "." + bare, "field." + bare }, bare);
		}

	}

}
