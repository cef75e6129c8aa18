/**
 * Response checklists: playbooks (admin-editable, versioned, in Japanese and English),
 * the checklist copied from a playbook onto each new incident, steps with owners, due
 * times, results, evidence files and the credential ledger, "my tasks", reminders, and
 * the rule that a case closes only when its required steps are done or skipped.
 */
package io.spoofdesk.checklist;
