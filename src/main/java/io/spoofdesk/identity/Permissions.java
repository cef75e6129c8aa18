package io.spoofdesk.identity;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the signed-in user may do, one method per line of {@link Permission}: the bean is
 * named {@code may}, so method security reads {@code @PreAuthorize("@may.editCases()")}
 * and templates {@code th:if="${@may.seeReports()}"}.
 */
@Component("may")
public class Permissions {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	public boolean seeCases() {
		return allowed(Permission.SEE_CASES);
	}

	public boolean editCases() {
		return allowed(Permission.EDIT_CASES);
	}

	public boolean addNotes() {
		return allowed(Permission.ADD_NOTES);
	}

	public boolean moveCases() {
		return allowed(Permission.MOVE_CASES);
	}

	public boolean decideCases() {
		return allowed(Permission.DECIDE_CASES);
	}

	public boolean workOnSteps() {
		return allowed(Permission.WORK_ON_STEPS);
	}

	public boolean draftWarnings() {
		return allowed(Permission.DRAFT_WARNINGS);
	}

	public boolean approveWarnings() {
		return allowed(Permission.APPROVE_WARNINGS);
	}

	public boolean downloadOriginals() {
		return allowed(Permission.DOWNLOAD_ORIGINALS);
	}

	public boolean seeReports() {
		return allowed(Permission.SEE_REPORTS);
	}

	public boolean administer() {
		return allowed(Permission.ADMINISTER);
	}

	/**
	 * Whether someone is signed in (not the anonymous visitor of the sign-in and error
	 * pages): what {@code sec:authorize="isAuthenticated()"} asks, without building a
	 * security expression context each time (8 % of the dashboard's time for the layout's
	 * four menus, docs/benchmarks.md).
	 */
	public boolean signedIn() {
		return TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
	}

	/** Whether the signed-in user may. */
	public static boolean allowed(Permission permission) {
		return permission.allows(CurrentUser.roles());
	}

	/** Refuses (403) unless the signed-in user may. */
	public static void check(Permission permission) {
		if (!allowed(permission)) {
			throw new AccessDeniedException(CurrentUser.username() + " may not " + permission);
		}
	}

}
