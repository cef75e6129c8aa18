package io.spoofdesk.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

	@Query("select u from AppUser u where lower(u.username) = lower(?1)")
	Optional<AppUser> findByUsername(String username);

	/** All users with their roles in one query (no query per user). */
	@Query("select distinct u from AppUser u left join fetch u.roles order by u.username")
	List<AppUser> findAllByOrderByUsername();

}
