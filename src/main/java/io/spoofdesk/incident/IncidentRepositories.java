package io.spoofdesk.incident;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IncidentRepository extends JpaRepository<Incident, Long> {

	Optional<Incident> findByReference(String reference);

}

interface IncidentNoteRepository extends JpaRepository<IncidentNote, Long> {

	@Query("select n from IncidentNote n where n.incidentId = ?1 order by n.createdAt, n.id")
	List<IncidentNote> findByIncident(Long incidentId);

}

interface StatusChangeRepository extends JpaRepository<StatusChange, Long> {

	/**
	 * The change that led into the current state: its from-state is where "back" goes.
	 */
	@Query("select c from StatusChange c where c.incidentId = ?1 and c.toStatus = ?2 order by c.changedAt desc, c.id desc limit 1")
	Optional<StatusChange> lastInto(Long incidentId, IncidentStatus status);

}
