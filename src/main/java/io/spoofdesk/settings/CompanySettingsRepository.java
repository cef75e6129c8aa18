package io.spoofdesk.settings;

import org.springframework.data.jpa.repository.JpaRepository;

interface CompanySettingsRepository extends JpaRepository<CompanySettings, Short> {

}
