package io.spoofdesk.identity;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A personal API token; only the SHA-256 of its secret is stored. */
@Entity
@Table(name = "api_token")
class ApiToken {

	/** How often a token in use is marked used (its last-used time is this coarse). */
	static final Duration MARKED_USED_EVERY = Duration.ofMinutes(1);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id", nullable = false)
	private Long userId;

	@Column(nullable = false)
	private String name;

	@Column(name = "token_hash", nullable = false)
	private String tokenHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	protected ApiToken() {
	}

	ApiToken(Long userId, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	Long id() {
		return this.id;
	}

	Long userId() {
		return this.userId;
	}

	String name() {
		return this.name;
	}

	boolean revoked() {
		return this.revokedAt != null;
	}

	void revoke(Instant now) {
		this.revokedAt = now;
	}

	TokenView toView() {
		return new TokenView(this.id, this.name, this.createdAt, this.lastUsedAt, this.expiresAt);
	}

	record TokenView(long id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {

	}

}
