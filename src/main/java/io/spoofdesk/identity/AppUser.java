package io.spoofdesk.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person who signs in to SpoofDesk. */
@Entity
@Table(name = "app_user")
class AppUser {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String username;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	private String email;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@Version
	private long version;

	protected AppUser() {
	}

	AppUser(String username, String displayName, String email, String passwordHash, Set<Role> roles,
			Instant createdAt) {
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.passwordHash = passwordHash;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.createdAt = createdAt;
	}

	Long id() {
		return this.id;
	}

	String username() {
		return this.username;
	}

	String displayName() {
		return this.displayName;
	}

	String email() {
		return this.email;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	boolean enabled() {
		return this.enabled;
	}

	Set<Role> roles() {
		return Set.copyOf(this.roles);
	}

	long version() {
		return this.version;
	}

	void rename(String displayName, String email) {
		this.displayName = displayName;
		this.email = email;
	}

	void changeRoles(Set<Role> roles) {
		this.roles.clear();
		this.roles.addAll(roles);
	}

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	UserView toView() {
		return new UserView(this.id, this.username, this.displayName, this.email, roles(), this.enabled, this.version);
	}

}
