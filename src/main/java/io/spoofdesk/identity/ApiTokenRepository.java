package io.spoofdesk.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	@Query("select t from ApiToken t where t.tokenHash = ?1 and t.revokedAt is null")
	Optional<ApiToken> findActiveByHash(String tokenHash);

	@Query("select t from ApiToken t where t.userId = ?1 and t.revokedAt is null order by t.createdAt desc")
	List<ApiToken> findActiveByUser(Long userId);

	/**
	 * Marks a token used, at most once a minute, so scripts do not turn every call into a
	 * write.
	 */
	@Modifying
	@Query(value = "UPDATE api_token SET last_used_at = ?2 WHERE id = ?1"
			+ " AND (last_used_at IS NULL OR last_used_at < CAST(?2 AS timestamptz) - interval '1 minute')",
			nativeQuery = true)
	int touch(Long id, Instant now);

}
