-- Replayed inbound events (docs/integrations.md, Redelivery and order): each item remembers the SHA-256 digests
-- of what was signed for its last 20 applied events, so a captured event sent again under a new delivery id is
-- recognised even when its time equals the newest applied. Comma-separated hex, oldest first.
alter table integration_item add column recent_digests varchar(1400);
