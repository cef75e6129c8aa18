package io.spoofdesk.checklist;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ChecklistRepository extends JpaRepository<Checklist, Long> {

	@Query("select c from Checklist c where c.incidentId = ?1 and c.active = true")
	Optional<Checklist> findActive(long incidentId);

}

interface ChecklistStepRepository extends JpaRepository<ChecklistStep, Long> {

	@Query("select s from ChecklistStep s where s.checklistId = ?1 order by s.position, s.id")
	List<ChecklistStep> findByChecklist(long checklistId);

	@Query("select s from ChecklistStep s where s.id = ?1 and s.incidentId = ?2")
	Optional<ChecklistStep> findInIncident(long stepId, long incidentId);

	@Query("select max(s.position) from ChecklistStep s where s.checklistId = ?1")
	Integer lastPosition(long checklistId);

	@Modifying
	@Query("update ChecklistStep s set s.dormant = ?2 where s.checklistId = ?1")
	int setDormant(long checklistId, boolean dormant);

}
