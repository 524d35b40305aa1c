-- The table of platform's IdempotencyKeys (org.ehiaccess.platform.idempotency), shipped once for every service that
-- includes the location db/platform in quarkus.flyway.locations. Services whose own V1 already created it keep that
-- released migration unchanged; this one is then a no-op. Repeatable (R__), so its version can never collide with a
-- service's own V migrations in the one flyway_schema_history table; it runs after them and again only if this file
-- changes, so it must stay idempotent.
create table if not exists idempotency_key (
    clinic_id    text        not null,
    scope        text        not null,
    idem_key     text        not null,
    request_hash text        not null,
    resource_id  uuid,
    created_at   timestamptz not null,
    primary key (clinic_id, scope, idem_key)
);
