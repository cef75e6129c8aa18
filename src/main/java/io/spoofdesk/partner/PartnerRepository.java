package io.spoofdesk.partner;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartnerRepository extends JpaRepository<Partner, Long> {

	/** Partners whose name, reading, domain or contact contains the text, by name. */
	@Query("""
			select distinct p from Partner p left join p.domains d left join p.contacts c
			where lower(p.name) like ?1 escape '\\' or lower(p.nameKana) like ?1 escape '\\'
			   or d like ?1 escape '\\' or lower(c.name) like ?1 escape '\\' or lower(c.email) like ?1 escape '\\'
			order by p.name""")
	List<Partner> search(String containsPattern, Limit limit);

	List<Partner> findAllByOrderByName(Limit limit);

	@Query("select distinct p from Partner p join p.domains d where d in ?1")
	List<Partner> findByDomainIn(Collection<String> domains);

}
