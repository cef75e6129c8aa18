package io.spoofdesk.mailbox;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.store.FolderException;

/**
 * Waits until GreenMail listens to a user's inbox for a connection in IMAP IDLE.
 * <p>
 * GreenMail (2.1) answers IDLE with "+" and only then begins to listen to the folder; a
 * mail delivered in between is announced when the IDLE ends, not during it (RFC 2177
 * allows a server to tell late). A test of "new mail ends the wait" therefore delivers
 * once the server listens, or it depends on how threads are scheduled. GreenMail keeps
 * its listeners private, so they are read by reflection; an upgrade that renames them
 * fails here, loudly.
 */
final class GreenMailIdle {

	private GreenMailIdle() {
	}

	/**
	 * Waits up to 15 s until a connection waits in IDLE on this user's inbox; answers the
	 * server's listener for that IDLE.
	 */
	static Object awaitListening(GreenMailOperations server, GreenMailUser user) throws InterruptedException {
		return awaitListening(server, user, null);
	}

	/**
	 * As {@link #awaitListening(GreenMailOperations, GreenMailUser)}, for an IDLE other
	 * than the one {@code before} listened for (GreenMail lets go of a listener just
	 * after the IDLE has ended).
	 */
	static Object awaitListening(GreenMailOperations server, GreenMailUser user, Object before)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (true) {
			Object listening = idleListener(server, user);
			if (listening != null && listening != before) {
				return listening;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited 15 s for a connection in IDLE on the inbox of " + user.getEmail());
			}
			Thread.sleep(20);
		}
	}

	private static Object idleListener(GreenMailOperations server, GreenMailUser user) {
		List<?> listeners = listenersOf(inboxOf(server, user));
		synchronized (listeners) {
			return listeners.stream()
				.filter(listener -> listener.getClass().getName().endsWith("IdleFolderListener"))
				.reduce((first, last) -> last)
				.orElse(null);
		}
	}

	private static MailFolder inboxOf(GreenMailOperations server, GreenMailUser user) {
		try {
			return server.getManagers().getImapHostManager().getInbox(user);
		}
		catch (FolderException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<?> listenersOf(MailFolder folder) {
		try {
			// the inbox is GreenMail's HierarchicalFolder, which is not public
			Field field = folder.getClass().getDeclaredField("_mailboxListeners");
			field.setAccessible(true);
			return (List<?>) field.get(folder);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("GreenMail's folder listeners are not where this test looks for them", ex);
		}
	}

}
