-- The log's filters by requester type, channel and assignee, newest first. Walking the clinic's
-- requests in date order and skipping the rest is fast only while matches are spread evenly; a clinic
-- whose recent requests are mostly of one kind (e.g. 50,000 payer faxes this month) made
-- "patients by fax" read 55,000 rows (140 ms) for one page. With these the walk starts at the matches.
-- Keys end in (received_at desc, id desc): the log's order, so pages need no sort.
create index ehi_request_clinic_requester_type on ehi_request (clinic_id, requester_type, received_at desc, id desc);
create index ehi_request_clinic_channel on ehi_request (clinic_id, channel, received_at desc, id desc);
-- partial: most requests are logged before anyone is assigned, and those pay nothing for it
create index ehi_request_clinic_assignee on ehi_request (clinic_id, assignee, received_at desc, id desc)
    where assignee is not null;
