package io.spoofdesk.mailbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.event.MessageCountListener;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * One connection to the reporting mailbox (Angus Mail's IMAP client): the folder's
 * UIDVALIDITY, the mails after a UID, a mail's raw bytes (never more than the limit), and
 * marking a mail seen or setting it aside in the quarantine folder. Messages are read
 * with PEEK, so reading alone marks nothing. A connection may also wait for new mail with
 * IMAP IDLE, where the server offers it.
 */
final class ImapMailbox implements AutoCloseable {

	private static final int TIMEOUT_MILLIS = 20_000;

	/** Ends waits in IDLE that have lasted long enough (one daemon thread for all). */
	private static final ScheduledExecutorService WAKER = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "mailbox-idle-waker");
		thread.setDaemon(true);
		return thread;
	});

	private final Store store;

	private final IMAPFolder folder;

	private final String quarantineFolder;

	private ImapMailbox(Store store, IMAPFolder folder, String quarantineFolder) {
		this.store = store;
		this.folder = folder;
		this.quarantineFolder = quarantineFolder;
	}

	/** A connection to read, mark and move mails. */
	static ImapMailbox open(IntakeProperties properties) throws MessagingException {
		return open(properties, Folder.READ_WRITE);
	}

	/** A connection that only watches the folder for new mail. */
	static ImapMailbox watch(IntakeProperties properties) throws MessagingException {
		return open(properties, Folder.READ_ONLY);
	}

	private static ImapMailbox open(IntakeProperties properties, int mode) throws MessagingException {
		String protocol = (properties.security() == IntakeProperties.Security.TLS) ? "imaps" : "imap";
		Properties session = new Properties();
		session.put("mail." + protocol + ".connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
		session.put("mail." + protocol + ".timeout", Integer.toString(TIMEOUT_MILLIS));
		session.put("mail." + protocol + ".peek", "true");
		if (properties.security() == IntakeProperties.Security.TLS) {
			session.put("mail.imaps.ssl.checkserveridentity", "true");
		}
		if (properties.security() == IntakeProperties.Security.STARTTLS) {
			session.put("mail.imap.starttls.enable", "true");
			session.put("mail.imap.starttls.required", "true");
			session.put("mail.imap.ssl.checkserveridentity", "true");
		}
		Store store = Session.getInstance(session).getStore(protocol);
		store.connect(properties.host(), properties.port(), properties.username(), properties.password());
		try {
			IMAPFolder folder = (IMAPFolder) store.getFolder(properties.folder());
			folder.open(mode);
			return new ImapMailbox(store, folder, properties.quarantineFolder());
		}
		catch (MessagingException | RuntimeException ex) {
			store.close();
			throw ex;
		}
	}

	long uidValidity() throws MessagingException {
		return this.folder.getUIDValidity();
	}

	/**
	 * The mails after {@code uid}, lowest first, at most {@code limit}, with their UIDs
	 * and sizes (one FETCH for all of them).
	 */
	List<Pending> after(long uid, int limit) throws MessagingException {
		Message[] messages = this.folder.getMessagesByUID(uid + 1, UIDFolder.LASTUID);
		List<Message> newer = new ArrayList<>();
		for (Message message : messages) {
			// "n:*" also answers the last mail when none is newer than n
			if (this.folder.getUID(message) > uid) {
				newer.add(message);
			}
		}
		newer.sort(Comparator.comparingLong(message -> uidOf(message)));
		Message[] batch = newer.subList(0, Math.min(limit, newer.size())).toArray(Message[]::new);
		FetchProfile profile = new FetchProfile();
		profile.add(FetchProfile.Item.SIZE);
		this.folder.fetch(batch, profile);
		List<Pending> pending = new ArrayList<>();
		for (Message message : batch) {
			pending.add(new Pending(uidOf(message), message.getSize(), (IMAPMessage) message));
		}
		return pending;
	}

	private long uidOf(Message message) {
		try {
			return this.folder.getUID(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Fetches the whole of these mails in one command (each kept by its message until
	 * read with {@link #raw}); mails over the size limit are left out.
	 */
	void prefetch(List<Pending> mails, long maxBytes) throws MessagingException {
		Message[] wanted = mails.stream()
			.filter(mail -> mail.size() <= maxBytes)
			.map(Pending::message)
			.toArray(Message[]::new);
		if (wanted.length > 0) {
			FetchProfile profile = new FetchProfile();
			profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
			this.folder.fetch(wanted, profile);
		}
	}

	/** A mail's raw bytes, or null when it is larger than {@code maxBytes}. */
	byte[] raw(Pending mail, long maxBytes) throws MessagingException {
		if (mail.size() > maxBytes) {
			return null;
		}
		ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(mail.size(), 1024));
		try {
			mail.message().writeTo(raw);
		}
		catch (IOException ex) {
			throw new MessagingException("could not read mail " + mail.uid(), ex);
		}
		return raw.toByteArray();
	}

	/** Whether the server offers IMAP IDLE (RFC 2177). */
	boolean offersIdle() throws MessagingException {
		return ((IMAPStore) this.store).hasCapability("IDLE");
	}

	/** How many mails the folder holds, as this connection last heard. */
	int messageCount() throws MessagingException {
		return this.folder.getMessageCount();
	}

	/**
	 * Waits with IMAP IDLE until the folder no longer holds {@code known} mails (a mail
	 * arrived or went), {@link #wake} is called, or {@code max} has passed (servers drop
	 * an IDLE after 30 minutes, so keep it shorter); answers whether the count changed.
	 * Returns at once when it already has.
	 * <p>
	 * A mail may arrive while this connection is not listening: between two waits, when
	 * the mailbox is read on another connection. The server tells of it with the answer
	 * to the next command, so the wait asks first (NOOP); and should it arrive after that
	 * answer, the server tells of it as the IDLE begins, before the IDLE's own
	 * notifications, which would not end the wait: a listener on the folder's count ends
	 * it then.
	 */
	boolean awaitChange(int known, Duration max) throws MessagingException {
		noop();
		if (messageCount() != known) {
			return true;
		}
		MessageCountListener told = new MessageCountAdapter() {
			@Override
			public void messagesAdded(MessageCountEvent event) {
				wake();
			}

			@Override
			public void messagesRemoved(MessageCountEvent event) {
				wake();
			}
		};
		this.folder.addMessageCountListener(told);
		ScheduledFuture<?> wake = WAKER.schedule(this::wake, max.toMillis(), TimeUnit.MILLISECONDS);
		try {
			this.folder.idle(true);
		}
		finally {
			wake.cancel(false);
			this.folder.removeMessageCountListener(told);
		}
		return messageCount() != known;
	}

	/**
	 * Ends a wait in {@link #awaitChange}, from any thread: any command on the folder
	 * ends its IDLE first.
	 */
	void wake() {
		try {
			noop();
		}
		catch (MessagingException | RuntimeException ex) {
			// the connection is gone: the wait has ended anyway
		}
	}

	/** Asks the server for what changed (the count follows its answer). */
	private void noop() throws MessagingException {
		this.folder.doCommand(protocol -> {
			protocol.simpleCommand("NOOP", null);
			return null;
		});
	}

	/** Marks these mails seen, in one command. */
	void markSeen(List<Pending> mails) throws MessagingException {
		if (!mails.isEmpty()) {
			this.folder.setFlags(mails.stream().map(Pending::message).toArray(Message[]::new),
					new Flags(Flags.Flag.SEEN), true);
		}
	}

	/** Moves these mails to the quarantine folder (created when missing), together. */
	void quarantine(List<Pending> mails) throws MessagingException {
		if (mails.isEmpty()) {
			return;
		}
		Message[] messages = mails.stream().map(Pending::message).toArray(Message[]::new);
		Folder quarantine = this.store.getFolder(this.quarantineFolder);
		if (!quarantine.exists()) {
			quarantine.create(Folder.HOLDS_MESSAGES);
		}
		this.folder.copyMessages(messages, quarantine);
		this.folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
		try {
			this.folder.expunge(messages);
		}
		catch (MessagingException ex) {
			// a server without UIDPLUS expunges the folder's deleted mails at once
			this.folder.expunge();
		}
	}

	@Override
	public void close() {
		try {
			if (this.folder.isOpen()) {
				this.folder.close(false);
			}
		}
		catch (MessagingException ex) {
			// closing a connection that failed: nothing to keep
		}
		try {
			this.store.close();
		}
		catch (MessagingException ex) {
			// as above
		}
	}

	/**
	 * A mail waiting in the folder: its UID, its size, and the message to read it from.
	 */
	record Pending(long uid, int size, IMAPMessage message) {

	}

}
