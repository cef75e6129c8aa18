package io.spoofdesk.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads users and their roles from the database for form login and HTTP Basic. */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

	private final AppUserRepository users;

	DatabaseUserDetailsService(AppUserRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.users.findByUsername(username)
			.map(SignedInUser::of)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
