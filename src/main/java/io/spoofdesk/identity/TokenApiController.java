package io.spoofdesk.identity;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/tokens}: the caller's own personal API tokens. */
@Tag(name = "API tokens", description = "Personal bearer tokens for scripts; a token cannot create tokens.")
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApiController {

	private final ApiTokens tokens;

	TokenApiController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Operation(summary = "List my API tokens")
	@GetMapping
	List<ApiToken.TokenView> list(@AuthenticationPrincipal SignedInUser me) {
		return this.tokens.activeTokens(me.id());
	}

	/** Answers the token's secret; it is shown this once and never again. */
	@Operation(summary = "Create a personal API token")
	@PostMapping
	ResponseEntity<ApiTokens.CreatedToken> create(@Valid @RequestBody TokenRequest request,
			@AuthenticationPrincipal SignedInUser me, Authentication authentication) {
		if (authentication instanceof BearerTokenFilter.TokenAuthentication) {
			// a leaked token must not mint tokens that outlive its own revocation
			throw new AccessDeniedException("An API token cannot create API tokens");
		}
		ApiTokens.CreatedToken created = this.tokens.create(me.id(), request.name());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id())).body(created);
	}

	@Operation(summary = "Revoke one of my API tokens")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
		this.tokens.revoke(me.id(), id);
		return ResponseEntity.noContent().build();
	}

	record TokenRequest(@NotBlank @Size(max = 100) String name) {

	}

}
