/**
 * Who may sign in and what they may do: users and their roles, form login and HTTP Basic,
 * personal API tokens, the sign-in throttle, the security filter chains (static files,
 * API, pages) and the first admin. Other modules read the signed-in user through
 * {@code CurrentUser} and {@code UserAccounts}.
 */
package io.spoofdesk.identity;
