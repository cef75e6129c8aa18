package io.spoofdesk.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal API tokens. A token is 32 random bytes; only its SHA-256 is stored, so
 * checking one is a single indexed look-up, cheap enough for scripts that send thousands
 * of requests (unlike a password hash, which is slow on purpose).
 */
@Service
class ApiTokens {

	static final String PREFIX = "sdk_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String TARGET = "ApiToken";

	private final ApiTokenRepository tokens;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Duration lifetime;

	/** Marking a token used: its own short write, beside the read-only check. */
	private final TransactionTemplate touching;

	ApiTokens(ApiTokenRepository tokens, JdbcClient jdbc, AuditLog auditLog, Clock clock,
			@Value("${spoofdesk.security.api-token-lifetime:90d}") Duration lifetime,
			PlatformTransactionManager transactionManager) {
		this.touching = new TransactionTemplate(transactionManager);
		this.touching.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/** Creates a token and answers its secret, which is never shown again. */
	@Transactional
	CreatedToken create(long userId, String name) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = Instant.now(this.clock);
		ApiToken saved = this.tokens
			.save(new ApiToken(userId, name.trim(), sha256(token), now, now.plus(this.lifetime)));
		this.auditLog.record(AuditEntry.change("TOKEN_CREATED", TARGET, saved.id(), "name", null, saved.name()));
		return new CreatedToken(saved.id(), saved.name(), token, saved.expiresAt());
	}

	@Transactional(readOnly = true)
	List<ApiToken.TokenView> activeTokens(long userId) {
		return this.tokens.findActiveByUser(userId, Instant.now(this.clock)).stream().map(ApiToken::toView).toList();
	}

	/** Revokes one of the user's own tokens; another user's token id answers 404. */
	@Transactional
	void revoke(long userId, long tokenId) {
		ApiToken token = this.tokens.findById(tokenId)
			.filter(found -> found.userId().equals(userId) && !found.revoked())
			.orElseThrow(() -> new NotFoundException(TARGET, tokenId));
		token.revoke(Instant.now(this.clock));
		this.auditLog.record(AuditEntry.of("TOKEN_REVOKED", TARGET, tokenId));
	}

	/**
	 * The enabled user a presented token belongs to, if the token is known, not revoked
	 * and not expired. One statement reads the token, its user and the user's roles:
	 * every API call asks, without a transaction around it.
	 */
	Optional<SignedInUser> authenticate(String presented) {
		if (presented == null || !presented.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Instant now = Instant.now(this.clock);
		return this.jdbc.sql("""
				SELECT t.id AS token_id, t.last_used_at, u.id, u.username, u.display_name,
				       array_remove(array_agg(r.role), NULL) AS roles
				FROM api_token t JOIN app_user u ON u.id = t.user_id
				LEFT JOIN app_user_role r ON r.user_id = u.id
				WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.enabled
				GROUP BY t.id, u.id""")
			.param(sha256(presented))
			.param(Timestamp.from(now))
			// the principal of a token call carries no password hash
			.query((rs, n) -> new TokenOwner(rs.getLong("token_id"), rs.getTimestamp("last_used_at"),
					new SignedInUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
							Role.fromSql(rs.getArray("roles")), "", true)))
			.optional()
			.map(owner -> {
				// a write at most once a minute: scripts send thousands of calls
				if (owner.lastUsedBefore(now.minus(ApiToken.MARKED_USED_EVERY))) {
					this.touching.executeWithoutResult(status -> this.tokens.touch(owner.tokenId(), now));
				}
				return owner.user();
			});
	}

	/** A presented token's row and the user it belongs to. */
	private record TokenOwner(long tokenId, Timestamp lastUsedAt, SignedInUser user) {

		/** Whether the token was last marked used before then (or never). */
		boolean lastUsedBefore(Instant then) {
			return this.lastUsedAt == null || this.lastUsedAt.toInstant().isBefore(then);
		}

	}

	static String sha256(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * Revokes every token of a user: their password changed or was reset, their roles
	 * changed, or the account was disabled. Audited when there were any.
	 */
	@Transactional
	void revokeAllOf(long userId, String why) {
		int revoked = this.tokens.revokeAllOf(userId, Instant.now(this.clock));
		if (revoked > 0) {
			this.auditLog
				.record(AuditEntry.change("TOKENS_REVOKED", "User", userId, "tokens", revoked, 0).withDetail(why));
		}
	}

	record CreatedToken(long id, String name, String token, Instant expiresAt) {

	}

}
