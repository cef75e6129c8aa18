package io.spoofdesk.checklist;

import io.spoofdesk.identity.CurrentUser;
import io.spoofdesk.shared.ConflictException;
import io.spoofdesk.shared.FileNames;
import io.spoofdesk.shared.NotFoundException;
import io.spoofdesk.shared.Texts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a step keeps as proof: evidence files (size and type checked) and the credential
 * ledger of a password-rotation step. Whoever may work on the step adds to them; the
 * files are downloaded by those who may download originals.
 */
@Service
public class StepRecords {

	private final EvidenceStore evidence;

	private final CredentialLedger ledger;

	private final ChecklistProperties properties;

	private final ChecklistAccess access;

	StepRecords(EvidenceStore evidence, CredentialLedger ledger, ChecklistProperties properties,
			ChecklistAccess access) {
		this.evidence = evidence;
		this.ledger = ledger;
		this.properties = properties;
		this.access = access;
	}

	/** Attaches an evidence file to a step, after checking its size and type. */
	@Transactional
	public EvidenceFile addEvidence(long incidentId, long stepId, String fileName, byte[] content) {
		this.access.openIncident(incidentId);
		ChecklistStep step = this.access.findWritable(incidentId, stepId);
		StepRules.checkCanWork(step, CurrentUser.username(), CurrentUser.roles());
		if (content.length > this.properties.evidenceMaxSize().toBytes()) {
			throw StepRules.fieldError("file", "checklist.evidence.tooLarge");
		}
		String name = FileNames.safe(fileName, "evidence");
		String contentType = EvidenceTypes.contentTypeOf(name, content)
			.orElseThrow(() -> StepRules.fieldError("file", "checklist.evidence.type"));
		EvidenceFile file = this.evidence.insert(incidentId, stepId, name, contentType, content, CurrentUser.username(),
				this.access.now());
		this.access.audit(incidentId, step, "EVIDENCE_ADDED", "evidence", null, name + " (" + file.sha256() + ")");
		return file;
	}

	/** An evidence file to download (managers and admins; 404 under another incident). */
	@Transactional(readOnly = true)
	public EvidenceStore.Download evidence(long incidentId, long stepId, long evidenceId) {
		return this.evidence.download(incidentId, stepId, evidenceId)
			.orElseThrow(() -> new NotFoundException("Evidence", evidenceId));
	}

	/** Adds an account to a password-rotation step's ledger. */
	@Transactional
	public void addCredential(long incidentId, long stepId, CredentialKind kind, String account, boolean cleanDevice) {
		this.access.openIncident(incidentId);
		ChecklistStep step = ledgerStep(incidentId, stepId);
		if (kind == null) {
			throw StepRules.fieldError("accountKind", "checklist.ledger.kindRequired");
		}
		String name = Texts.blankToNull(account);
		if (name == null || name.length() > 320 || name.chars().anyMatch(Character::isISOControl)) {
			throw StepRules.fieldError("account", "checklist.ledger.accountRequired");
		}
		if (!this.ledger.add(incidentId, stepId, kind, name, cleanDevice, CurrentUser.username(), this.access.now())) {
			throw StepRules.fieldError("account", "checklist.ledger.duplicate");
		}
		this.access.audit(incidentId, step, "CREDENTIAL_RECORDED", "account", null,
				kind + " " + name + (cleanDevice ? " ✓" : ""));
	}

	/** Confirms that an account's password was changed from a clean device. */
	@Transactional
	public void confirmCredential(long incidentId, long stepId, long rowId) {
		this.access.openIncident(incidentId);
		ChecklistStep step = ledgerStep(incidentId, stepId);
		if (!this.ledger.exists(stepId, rowId)) {
			throw new NotFoundException("Credential", rowId);
		}
		if (this.ledger.confirm(stepId, rowId, CurrentUser.username(), this.access.now())) {
			this.access.audit(incidentId, step, "CREDENTIAL_CONFIRMED", "account", null, Long.toString(rowId));
		}
	}

	private ChecklistStep ledgerStep(long incidentId, long stepId) {
		ChecklistStep step = this.access.findWritable(incidentId, stepId);
		if (!StepKinds.ROTATE_PASSWORDS.equals(step.kind())) {
			throw new ConflictException("checklist.ledger.notForThisStep");
		}
		StepRules.checkCanWork(step, CurrentUser.username(), CurrentUser.roles());
		return step;
	}

}
