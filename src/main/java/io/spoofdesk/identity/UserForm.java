package io.spoofdesk.identity;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The admin's form to create or edit a user. */
class UserForm {

	@NotBlank
	@Size(max = 64)
	@Pattern(regexp = "^[A-Za-z0-9._@-]*$", message = "{identity.username.pattern}")
	private String username = "";

	@NotBlank
	@Size(max = 100)
	private String displayName = "";

	@Email
	@Size(max = 200)
	private String email = "";

	@NotEmpty(message = "{identity.roles.required}")
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	/** Only when creating; blank means "generate one and show it once". */
	@Pattern(regexp = "^$|^.{" + Passwords.MIN_LENGTH + ",200}$", message = "{identity.password.length}")
	private String password = "";

	private long version;

	static UserForm from(UserView user) {
		UserForm form = new UserForm();
		form.username = user.username();
		form.displayName = user.displayName();
		form.email = (user.email() != null) ? user.email() : "";
		form.roles = user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles());
		form.version = user.version();
		return form;
	}

	NewUser toNewUser(String password) {
		return new NewUser(this.username, this.displayName, this.email, this.roles, password);
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Set<Role> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = (roles != null) ? roles : EnumSet.noneOf(Role.class);
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
