-- Append one entry to a registry stream (single field 'v' holding the JSON value), trim it to about
-- its cap (MAXLEN ~) and refresh its TTL, atomically. Returns the new entry id.
-- KEYS[1] stream key
-- ARGV[1] TTL in ms (0 = none), ARGV[2] cap (0 = uncapped), ARGV[3] JSON value
local key = KEYS[1]
local ttl = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local id
if cap > 0 then
  id = redis.call('XADD', key, 'MAXLEN', '~', cap, '*', 'v', ARGV[3])
else
  id = redis.call('XADD', key, '*', 'v', ARGV[3])
end
if ttl > 0 then
  redis.call('PEXPIRE', key, ttl)
end
return id
