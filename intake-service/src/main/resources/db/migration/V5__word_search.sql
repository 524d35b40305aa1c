-- Free text finds requests by the beginnings of words ("smi" finds Smith, "0042" finds MRN-0042)
-- through a full-text index, replacing the trigram index of V4: on a clinic with a million requests
-- a trigram search for common letter runs read the whole posting lists (p95 over 100 ms), and forty
-- trigrams per row made every insert dearer than a handful of words does.

-- search_text holds words only: lower case, letters and digits, single spaces (EhiRequest.normalized)
update ehi_request
set search_text = btrim(regexp_replace(search_text, '[^[:alnum:]]+', ' ', 'g'))
where search_text ~ '[^[:alnum:] ]|  |^ | $';

create index ehi_request_search_words on ehi_request using gin (to_tsvector('simple', search_text));
-- more common words in the statistics: better row estimates for "word:*", which decide between this
-- index and walking the clinic's requests in date order
alter index ehi_request_search_words alter column 1 set statistics 1000;
drop index ehi_request_search_trgm;

-- The predicate the service's queries use. A one-expression SQL function is inlined by the planner,
-- so the expression matches the index above.
create function request_text_matches(search_text text, words text) returns boolean
    language sql immutable parallel safe
    as $$ select to_tsvector('simple', search_text) @@ to_tsquery('simple', words) $$;

-- statistics for the new index now, not at the next autovacuum: without them the planner guesses
-- that any word matches 2 % of the rows and may walk a million requests in date order
analyze ehi_request;
