package io.spoofdesk.web;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1}: HTTP Basic or a personal bearer token, and
 * the problem+json answers every operation may give ({@link ApiExceptionAdvice}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String PROBLEM = "Problem";

	@Bean
	OpenAPI spoofDeskOpenApi() {
		return new OpenAPI()
			.info(new Info().title("SpoofDesk API")
				.version("v1")
				.description("Spoofed-mail incident response. Authenticate every call with HTTP Basic or "
						+ "'Authorization: Bearer <personal API token>'. Errors are application/problem+json.")
				.license(new License().name("Apache-2.0").identifier("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

	/**
	 * Documents the client errors of each operation: 401 and 403 for all, 400 where input
	 * is read, 404 where the path names a resource, 409 where a named resource is changed
	 * (stale {@code version}, or not allowed in its current state).
	 */
	@Bean
	OpenApiCustomizer problemAnswers() {
		return openApi -> {
			if (openApi.getPaths() == null) {
				return;
			}
			// here, not on the bean above: springdoc rebuilds the schemas from the models
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				boolean named = path.contains("{");
				boolean reads = method != PathItem.HttpMethod.GET || hasParameters(operation);
				boolean changes = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.POST
						|| method == PathItem.HttpMethod.DELETE;
				if (reads) {
					answer(operation, "400", "The request is not valid; `errors` names each field.");
				}
				answer(operation, "401", "Not signed in: HTTP Basic or a bearer token is needed.");
				answer(operation, "403", "Your roles do not allow this.");
				if (named) {
					answer(operation, "404", "No such resource.");
				}
				if (named && changes) {
					answer(operation, "409",
							"Changed by someone else since you read it, or not allowed in its current state.");
				}
			}));
		};
	}

	private static boolean hasParameters(Operation operation) {
		return operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch(parameter -> !"path".equals(parameter.getIn()));
	}

	private static void answer(Operation operation, String status, String description) {
		if (operation.getResponses() != null && operation.getResponses().containsKey(status)) {
			return;
		}
		operation.getResponses()
			.addApiResponse(status,
					new ApiResponse().description(description)
						.content(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

	private static Schema<?> problemSchema() {
		Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema());
		return new ObjectSchema().description("RFC 9457 problem details, in the caller's language.")
			.properties(Map.of("type", new StringSchema(), "title", new StringSchema(), "status", new IntegerSchema(),
					"detail", new StringSchema(), "instance", new StringSchema(), "errors",
					new ArraySchema().items(fieldError)));
	}

}
