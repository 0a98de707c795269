-- Append one entry to a registry stream (single field 'v' holding the JSON value), trim it to about
-- its cap (MAXLEN ~) and refresh its TTL, atomically. Returns the new entry id.
-- KEYS[1] stream key
-- ARGV[1] TTL in ms (0 = none), ARGV[2] cap (0 = uncapped), ARGV[3] JSON value
return store_xadd(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3])
