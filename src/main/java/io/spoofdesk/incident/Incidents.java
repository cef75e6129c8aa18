package io.spoofdesk.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.spoofdesk.audit.AuditEntry;
import io.spoofdesk.audit.AuditLog;
import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.partner.PartnerCommand;
import io.spoofdesk.partner.PartnerDirectory;
import io.spoofdesk.partner.PartnerView;
import io.spoofdesk.shared.CompanyTimeZone;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.NotFoundException;
import io.spoofdesk.shared.OptimisticLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident module's public API: open a case, describe it, move it through its states,
 * assign it, add notes. One transaction per action; every change is audited field by
 * field.
 */
@Service
public class Incidents {

	public static final String TARGET = "Incident";

	private final IncidentRepository incidents;

	private final IncidentNoteRepository notes;

	private final StatusChangeRepository statusChanges;

	private final ReferenceNumbers references;

	private final IncidentRelations relations;

	private final PartnerDirectory partners;

	private final IncidentInput input;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final CompanyTimeZone timeZone;

	private final Clock clock;

	private final ObjectProvider<IncidentStatusGuard> statusGuards;

	/** What a report can start from (a mail uploaded first); looked up when used. */
	private final ObjectProvider<IncidentSource> sources;

	Incidents(IncidentRepository incidents, IncidentNoteRepository notes, StatusChangeRepository statusChanges,
			ReferenceNumbers references, IncidentRelations relations, PartnerDirectory partners, IncidentInput input,
			AuditLog auditLog, ApplicationEventPublisher events, CompanyTimeZone timeZone, Clock clock,
			ObjectProvider<IncidentStatusGuard> statusGuards, ObjectProvider<IncidentSource> sources) {
		this.sources = sources;
		this.incidents = incidents;
		this.notes = notes;
		this.statusChanges = statusChanges;
		this.references = references;
		this.relations = relations;
		this.partners = partners;
		this.input = input;
		this.auditLog = auditLog;
		this.events = events;
		this.timeZone = timeZone;
		this.clock = clock;
		this.statusGuards = statusGuards;
	}

	@Transactional(readOnly = true)
	public IncidentView get(long id) {
		return find(id).toView();
	}

	/**
	 * Opens an incident together with what the report started from (a mail uploaded
	 * first, named by its reference): both are saved, or neither. A new partner is
	 * created with it when {@code newPartnerName} is given.
	 */
	@Transactional
	public IncidentView openFrom(IncidentCommand command, String newPartnerName, String sourceReference) {
		IncidentView opened = (newPartnerName != null) ? openForNewPartner(command, newPartnerName) : open(command);
		if (sourceReference != null) {
			this.sources.orderedStream().forEach(source -> source.attach(opened.id(), sourceReference));
		}
		return opened;
	}

	/**
	 * Opens a case for a partner typed in on the phone and not yet in the directory: the
	 * partner and the case are created together, or neither is.
	 */
	@Transactional
	public IncidentView openForNewPartner(IncidentCommand command, String partnerName) {
		PartnerView partner = this.partners
			.create(new PartnerCommand(partnerName.strip(), null, null, List.of(), List.of(), null));
		return open(new IncidentCommand(command.title(), partner.id(), null, command.channel(), command.severity(),
				command.assignee(), command.summary(), command.impersonatedAddresses(), command.mailReceivedAt(),
				command.reportedAt(), null, command.startOptions(), command.newContact(), command.impersonatedNames()));
	}

	@Transactional
	public IncidentView open(IncidentCommand command) {
		Instant now = Instant.now(this.clock);
		IncidentDetails details = this.input.details(command, now);
		String reference = this.references.next(now.atZone(this.timeZone.zoneId()).getYear());
		Incident incident = new Incident(reference, details, now, CurrentUser.username());
		reindex(incident);
		incident = this.incidents.saveAndFlush(incident);
		this.relations.indexAddresses(incident.id(), details.impersonatedAddresses(), details.reportedAt());
		this.statusChanges
			.save(new StatusChange(incident.id(), null, IncidentStatus.NEW, null, CurrentUser.username(), now));
		this.auditLog
			.record(AuditEntry.change("INCIDENT_CREATED", TARGET, incident.id(), "reference", null, reference));
		this.events.publishEvent(new IncidentReported(incident.id(), reference, command.startOptions()));
		return incident.toView();
	}

	@Transactional
	public IncidentView update(long id, IncidentCommand command) {
		if (command.version() == null) {
			throw new ConflictException("incident.version.required");
		}
		Incident incident = findExpecting(id, command.version());
		IncidentDetails before = incident.details();
		IncidentDetails after = this.input.details(command, before.reportedAt());
		incident.describe(after, Instant.now(this.clock), CurrentUser.username());
		audit(id, "title", before.title(), after.title());
		audit(id, "partnerId", before.partnerId(), after.partnerId());
		audit(id, "contactId", before.contactId(), after.contactId());
		audit(id, "channel", before.channel(), after.channel());
		audit(id, "reportedAt", before.reportedAt(), after.reportedAt());
		audit(id, "mailReceivedAt", before.mailReceivedAt(), after.mailReceivedAt());
		audit(id, "impersonatedAddresses", before.impersonatedAddresses(), after.impersonatedAddresses());
		audit(id, "impersonatedNames", before.impersonatedNames(), after.impersonatedNames());
		audit(id, "summary", before.summary(), after.summary());
		audit(id, "severity", before.severity(), after.severity());
		audit(id, "assignee", before.assignee(), after.assignee());
		reindex(incident);
		this.relations.indexAddresses(id, after.impersonatedAddresses(), after.reportedAt());
		return this.incidents.saveAndFlush(incident).toView();
	}

	/** Moves the case to another state if the rules allow it for the current user. */
	@Transactional
	public IncidentView changeStatus(long id, IncidentStatus to, String reason, Long expectedVersion) {
		Incident incident = findExpecting(id, expectedVersion);
		IncidentStatus from = incident.status();
		StatusTransition transition = StatusTransition.of(from, to, previousStatus(id));
		transition.checkAllowedFor(CurrentUser.roles());
		String why = (reason != null && !reason.isBlank()) ? reason.trim() : null;
		if (transition.needsReason() && why == null) {
			throw new ConflictException("incident.status.reasonRequired");
		}
		this.statusGuards.orderedStream().forEach(guard -> guard.check(id, from, to));
		Instant now = Instant.now(this.clock);
		incident.changeStatus(to, now, CurrentUser.username());
		this.statusChanges.save(new StatusChange(id, from, to, why, CurrentUser.username(), now));
		this.auditLog.record(new AuditEntry("STATUS_CHANGED", TARGET, Long.toString(id), "status", from.name(),
				(why != null) ? to.name() + " (" + why + ")" : to.name()));
		this.events.publishEvent(new IncidentStatusChanged(id, from, to));
		return this.incidents.saveAndFlush(incident).toView();
	}

	@Transactional
	public IncidentView assign(long id, String assignee, Long expectedVersion) {
		Incident incident = findExpecting(id, expectedVersion);
		String before = incident.details().assignee();
		String after = this.input.checkedAssignee(assignee);
		incident.assign(after, Instant.now(this.clock), CurrentUser.username());
		audit(id, "assignee", before, after);
		return this.incidents.saveAndFlush(incident).toView();
	}

	@Transactional
	public IncidentNote.NoteView addNote(long id, String body) {
		Incident incident = find(id);
		IncidentNote note = this.notes
			.save(new IncidentNote(id, CurrentUser.username(), body.strip(), Instant.now(this.clock)));
		reindex(incident);
		incident.touched(Instant.now(this.clock), CurrentUser.username());
		this.auditLog.record(AuditEntry.change("NOTE_ADDED", TARGET, id, "note", null, note.body()));
		return note.toView();
	}

	/** Links a related incident (the same campaign), named by its reference. */
	@Transactional
	public void link(long id, String relatedReference) {
		find(id);
		Incident related = this.incidents.findByReference(relatedReference.trim().toUpperCase(Locale.ROOT))
			.orElseThrow(() -> new ConflictException("incident.link.unknown"));
		if (related.id() == id) {
			throw new ConflictException("incident.link.self");
		}
		if (this.relations.link(id, related.id())) {
			this.auditLog
				.record(AuditEntry.change("INCIDENT_LINKED", TARGET, id, "related", null, related.reference()));
		}
	}

	/** The state the case was in before its current one: where "back" goes. */
	@Transactional(readOnly = true)
	IncidentStatus previousStatus(long id) {
		return this.statusChanges.lastInto(id, find(id).status()).map(StatusChange::fromStatus).orElse(null);
	}

	/** The incident with this reference ({@code INC-2026-0042}), if there is one. */
	@Transactional(readOnly = true)
	public Optional<IncidentView> findByReference(String reference) {
		return this.incidents.findByReference(reference.trim().toUpperCase(Locale.ROOT)).map(Incident::toView);
	}

	/**
	 * The open incident reported since {@code since} that names this address of ours as
	 * impersonated, the newest: where another report of the same spoofing belongs.
	 */
	@Transactional(readOnly = true)
	public Optional<IncidentView> openNaming(String address, Instant since) {
		return this.relations.openNaming(address, since).map(this::get);
	}

	@Transactional(readOnly = true)
	public List<IncidentNote.NoteView> notesOf(long id) {
		find(id);
		return this.notes.findByIncident(id).stream().map(IncidentNote::toView).toList();
	}

	private void reindex(Incident incident) {
		IncidentDetails details = incident.details();
		String partnerName = (details.partnerId() != null)
				? this.partners.find(details.partnerId()).map(PartnerView::name).orElse(null) : null;
		List<String> texts = new ArrayList<>(List.of(incident.reference(), details.title()));
		if (details.summary() != null) {
			texts.add(details.summary());
		}
		if (partnerName != null) {
			texts.add(partnerName);
		}
		texts.addAll(details.impersonatedAddresses());
		texts.addAll(details.impersonatedNames());
		if (incident.id() != null) {
			this.notes.findByIncident(incident.id()).forEach(note -> texts.add(note.body()));
		}
		incident.index(SearchText.of(texts.toArray(String[]::new)));
	}

	private void audit(long id, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			this.auditLog.record(AuditEntry.change("INCIDENT_UPDATED", TARGET, id, field, before, after));
		}
	}

	private Incident find(long id) {
		return this.incidents.findById(id).orElseThrow(() -> new NotFoundException(TARGET, id));
	}

	private Incident findExpecting(long id, Long expectedVersion) {
		Incident incident = find(id);
		OptimisticLock.expect(expectedVersion, incident);
		return incident;
	}

}
