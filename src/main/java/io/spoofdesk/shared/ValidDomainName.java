package io.spoofdesk.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A mail domain or host name (see {@link DomainName}); null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = ValidDomainName.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidDomainName {

	String message() default "{shared.domainName.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ValidDomainName, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || DomainName.isValid(value);
		}

	}

}
