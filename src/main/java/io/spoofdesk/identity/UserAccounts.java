package io.spoofdesk.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.NotFoundException;
import io.spoofdesk.shared.ReadOnlyTransactions;
import io.spoofdesk.shared.RecentValue;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates users, changes their roles, disables them and resets passwords; all audited.
 */
@Service
public class UserAccounts {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String TARGET = "User";

	private final AppUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final Clock clock;

	/**
	 * Every user by user name, in user-name order: read by every incident page (the
	 * assignee list, who did something, the reader's own address); kept for a few
	 * seconds.
	 */
	private final RecentValue<Map<String, UserView>> people;

	/** What signed-in sessions are checked against: forgotten on every change here. */
	private final AccountStates accountStates;

	/** Tokens outlive nothing that changes who may use the account. */
	private final ApiTokens tokens;

	UserAccounts(AppUserRepository users, PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock,
			PlatformTransactionManager transactions, AccountStates accountStates, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
		this.accountStates = accountStates;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.clock = clock;
		TransactionTemplate readOnly = ReadOnlyTransactions.over(transactions);
		this.people = new RecentValue<>(() -> readOnly.execute(status -> loadPeople()), Duration.ofSeconds(5), clock);
	}

	/**
	 * A random password of 20 URL-safe characters, for first-run and demo users and
	 * resets.
	 */
	static String randomPassword() {
		byte[] bytes = new byte[15];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Transactional(readOnly = true)
	public List<UserView> all() {
		return this.users.findAllByOrderByUsername().stream().map(AppUser::toView).toList();
	}

	@Transactional(readOnly = true)
	public UserView get(long id) {
		return find(id).toView();
	}

	/**
	 * Enabled users who can be assigned work (anyone but a pure admin). A change made on
	 * another instance shows here within five seconds.
	 */
	public List<UserView> assignable() {
		return this.people.get()
			.values()
			.stream()
			.filter(user -> user.enabled() && Permission.WORK_ON_STEPS.allows(user.roles()))
			.toList();
	}

	/**
	 * The name a person is shown by: their display name, or the user name itself when no
	 * user has it (SpoofDesk's own {@code system}, a name typed into a failed sign-in). A
	 * rename on another instance shows within five seconds.
	 */
	public String displayName(String username) {
		if (username == null) {
			return null;
		}
		UserView user = this.people.get().get(username);
		return (user != null) ? user.displayName() : username;
	}

	/**
	 * A user as they were a few seconds ago at most (a change on this instance shows at
	 * once, on another within five seconds): for showing, never for deciding access.
	 */
	public Optional<UserView> recent(String username) {
		return Optional.ofNullable((username != null) ? this.people.get().get(username) : null);
	}

	private Map<String, UserView> loadPeople() {
		Map<String, UserView> people = new LinkedHashMap<>();
		this.users.findAllByOrderByUsername().forEach(user -> people.put(user.username(), user.toView()));
		return Collections.unmodifiableMap(people);
	}

	@Transactional(readOnly = true)
	public Optional<UserView> findByUsername(String username) {
		return this.users.findByUsername(username).map(AppUser::toView);
	}

	@Transactional(readOnly = true)
	boolean exists() {
		return this.users.count() > 0;
	}

	@Transactional(readOnly = true)
	boolean exists(String username) {
		return this.users.findByUsername(username).isPresent();
	}

	/**
	 * Creates a user with the given password; callers generate one when none was given.
	 */
	@Transactional
	UserView create(NewUser user) {
		this.people.forget();
		String username = user.username().trim();
		if (exists(username)) {
			throw new ConflictException("identity.username.taken");
		}
		AppUser created;
		try {
			created = this.users
				.saveAndFlush(new AppUser(username, user.displayName().trim(), blankToNull(user.email()),
						this.passwordEncoder.encode(user.password()), user.roles(), Instant.now(this.clock)));
		}
		catch (DataIntegrityViolationException ex) {
			// the same name created at the same moment by someone else: the unique key
			// says so
			throw new ConflictException("identity.username.taken");
		}
		this.auditLog
			.record(AuditEntry.change("USER_CREATED", TARGET, created.id(), "username", null, created.username()));
		this.auditLog.record(
				AuditEntry.change("USER_ROLES_CHANGED", TARGET, created.id(), "roles", null, created.toView().roles()));
		return created.toView();
	}

	@Transactional
	UserView update(long id, long expectedVersion, String displayName, String email, Set<Role> roles) {
		this.people.forget();
		this.accountStates.forget(id);
		AppUser user = findExpecting(id, expectedVersion);
		auditChange(user, "displayName", user.displayName(), displayName.trim());
		auditChange(user, "email", user.email(), blankToNull(email));
		user.rename(displayName.trim(), blankToNull(email));
		changeRoles(user, roles);
		return user.toView();
	}

	@Transactional
	UserView changeRoles(long id, Set<Role> roles) {
		this.people.forget();
		this.accountStates.forget(id);
		AppUser user = find(id);
		changeRoles(user, roles);
		return user.toView();
	}

	@Transactional
	UserView setEnabled(long id, boolean enabled) {
		this.people.forget();
		this.accountStates.forget(id);
		AppUser user = find(id);
		if (user.enabled() != enabled) {
			user.setEnabled(enabled);
			this.auditLog.record(AuditEntry.change(enabled ? "USER_ENABLED" : "USER_DISABLED", TARGET, id, "enabled",
					!enabled, enabled));
			if (!enabled) {
				this.tokens.revokeAllOf(id, "account disabled");
			}
		}
		return user.toView();
	}

	@Transactional
	void resetPassword(long id, String newPassword) {
		this.accountStates.forget(id);
		find(id).changePasswordHash(this.passwordEncoder.encode(newPassword));
		this.auditLog.record(AuditEntry.of("USER_PASSWORD_RESET", TARGET, id));
		this.tokens.revokeAllOf(id, "password reset");
	}

	@Transactional(readOnly = true)
	String passwordHashOf(long id) {
		return find(id).passwordHash();
	}

	/** A user changing their own password must know the current one. */
	@Transactional
	boolean changeOwnPassword(long id, String currentPassword, String newPassword) {
		AppUser user = find(id);
		if (!this.passwordEncoder.matches(currentPassword, user.passwordHash())) {
			return false;
		}
		this.accountStates.forget(id);
		user.changePasswordHash(this.passwordEncoder.encode(newPassword));
		this.auditLog.record(AuditEntry.of("USER_PASSWORD_CHANGED", TARGET, id));
		this.tokens.revokeAllOf(id, "password changed");
		return true;
	}

	private void changeRoles(AppUser user, Set<Role> roles) {
		UserView before = user.toView();
		user.changeRoles(roles);
		UserView after = user.toView();
		if (!before.roles().equals(after.roles())) {
			this.auditLog.record(
					AuditEntry.change("USER_ROLES_CHANGED", TARGET, user.id(), "roles", before.roles(), after.roles()));
			if (user.id() != null) {
				this.tokens.revokeAllOf(user.id(), "roles changed");
			}
		}
	}

	private void auditChange(AppUser user, String field, String before, String after) {
		if (!Objects.equals(before, after)) {
			this.auditLog.record(AuditEntry.change("USER_UPDATED", TARGET, user.id(), field, before, after));
		}
	}

	private AppUser find(long id) {
		return this.users.findById(id).orElseThrow(() -> new NotFoundException(TARGET, id));
	}

	private AppUser findExpecting(long id, long expectedVersion) {
		AppUser user = find(id);
		if (user.version() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(AppUser.class, id);
		}
		return user;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
