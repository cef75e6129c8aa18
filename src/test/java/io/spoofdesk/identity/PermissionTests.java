package io.spoofdesk.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Permission} is DESIGN.md's role × operation table: the table below is copied
 * from DESIGN.md as it stands, and each of its lines must give exactly the roles of the
 * permission it names, in the table's order. The one line with "notes only" for staff
 * names two permissions: the notes (staff yes) and the rest (staff no).
 */
class PermissionTests {

	static final String DESIGN_TABLE = """
			| operation | HELPDESK | STAFF | MANAGER | ADMIN |
			| see incidents, partners, checklists, analysis | yes | yes | yes | yes |
			| create incident, attach mail, add notes, edit partners | yes | notes only | yes | no |
			| change status up to RECOVERED, assign | yes | no | yes | no |
			| close, reopen, mark FALSE_POSITIVE, skip a required step | no | no | yes | no |
			| work on checklist steps (own or unassigned) | yes | yes | yes | no |
			| create and edit warning drafts | yes | no | yes | no |
			| approve and send drafts, mark sent | no | no | yes | no |
			| download raw mail and evidence files | no | no | yes | yes |
			| dashboard, reports, exports (CSV, STIX) | no | no | yes | yes |
			| users, roles, playbooks, templates, settings, audit log, API docs | no | no | no | yes |
			""";

	/** The permissions each line of the table stands for, in order. */
	static final List<List<Permission>> LINES = List.of(List.of(Permission.SEE_CASES),
			List.of(Permission.EDIT_CASES, Permission.ADD_NOTES), List.of(Permission.MOVE_CASES),
			List.of(Permission.DECIDE_CASES), List.of(Permission.WORK_ON_STEPS), List.of(Permission.DRAFT_WARNINGS),
			List.of(Permission.APPROVE_WARNINGS), List.of(Permission.DOWNLOAD_ORIGINALS),
			List.of(Permission.SEE_REPORTS), List.of(Permission.ADMINISTER));

	static final List<Role> COLUMNS = List.of(Role.HELPDESK, Role.STAFF, Role.MANAGER, Role.ADMIN);

	@Test
	void everyPermissionGivesTheRolesItsLineOfTheDesignTableSays() {
		List<String> rows = DESIGN_TABLE.strip().lines().skip(1).toList();
		assertThat(rows).hasSameSizeAs(LINES);
		List<Permission> inTableOrder = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			String[] cells = rows.get(i).split("\\|");
			for (Permission permission : LINES.get(i)) {
				Set<Role> expected = EnumSet.noneOf(Role.class);
				for (int column = 0; column < COLUMNS.size(); column++) {
					String cell = cells[column + 2].trim();
					boolean notesOnly = cell.equals("notes only");
					if (cell.equals("yes") || (notesOnly && permission == Permission.ADD_NOTES)) {
						expected.add(COLUMNS.get(column));
					}
				}
				assertThat(permission.roles()).as(permission + ": " + cells[1].trim()).isEqualTo(expected);
				inTableOrder.add(permission);
			}
		}
		assertThat(inTableOrder).as("one permission per line, in the table's order")
			.containsExactly(Permission.values());
	}

	@Test
	void holdingAnyOneOfItsRolesIsEnoughAndAdminDoesNotImplyManager() {
		assertThat(Permission.APPROVE_WARNINGS.allows(Set.of(Role.STAFF, Role.MANAGER))).isTrue();
		assertThat(Permission.APPROVE_WARNINGS.allows(Set.of(Role.ADMIN))).isFalse();
		assertThat(Permission.SEE_REPORTS.allows(Set.of(Role.ADMIN))).isTrue();
		assertThat(Permission.SEE_CASES.allows(Set.of())).isFalse();
		assertThat(Permission.EDIT_CASES.roleNames()).containsExactly("HELPDESK", "MANAGER");
	}

}
