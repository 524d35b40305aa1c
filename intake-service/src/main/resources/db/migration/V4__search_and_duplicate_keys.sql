-- Free text over names, organization and MRN: a trigram index makes "contains" searches use an index
-- (pg_trgm is a trusted extension: the database owner may create it)
create extension if not exists pg_trgm;
create index ehi_request_search_trgm on ehi_request using gin (search_text gin_trgm_ops);

-- Likely-duplicate probe by normalized patient and requester (lower case, letters and digits only),
-- so that the database, not the service, narrows the candidates
alter table ehi_request
    add column patient_key   text not null default '',
    add column requester_key text not null default '';
update ehi_request set
    patient_key = btrim(regexp_replace(lower(patient_name), '[^[:alnum:]]+', ' ', 'g')) || '|' || patient_birth_date,
    requester_key = btrim(regexp_replace(lower(requester_name), '[^[:alnum:]]+', ' ', 'g'));
drop index ehi_request_duplicate_probe;
create index ehi_request_duplicate_key on ehi_request (clinic_id, patient_key, requester_key, received_at);
create index ehi_request_patient on ehi_request (clinic_id, patient_id, received_at) where patient_id is not null;
