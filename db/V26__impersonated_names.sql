-- An impersonated identity may be a name without an address: a caller often knows only
-- what the mail showed (「営業部 山田」).
ALTER TABLE incident ADD COLUMN impersonated_names TEXT[] NOT NULL DEFAULT '{}';
