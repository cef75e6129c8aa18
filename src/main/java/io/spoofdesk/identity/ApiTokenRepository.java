package io.spoofdesk.identity;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	@Query("select t from ApiToken t where t.userId = ?1 and t.revokedAt is null and t.expiresAt > ?2"
			+ " order by t.createdAt desc")
	List<ApiToken> findActiveByUser(Long userId, Instant now);

	/** Revokes every token of a user still in force; answers how many. */
	@Modifying
	@Query(value = "UPDATE api_token SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL", nativeQuery = true)
	int revokeAllOf(Long userId, Instant now);

	/**
	 * Marks a token used, at most once a minute ({@link ApiToken#MARKED_USED_EVERY}; the
	 * caller asks only when it looks due, the condition holds among instances).
	 */
	@Modifying
	@Query(value = "UPDATE api_token SET last_used_at = ?2 WHERE id = ?1"
			+ " AND (last_used_at IS NULL OR last_used_at < CAST(?2 AS timestamptz) - interval '1 minute')",
			nativeQuery = true)
	int touch(Long id, Instant now);

}
