-- Set hash fields and refresh the key's TTL in one step, so a hash never outlives its TTL strategy.
-- KEYS[1] hash key
-- ARGV[1] TTL in ms (0 = none), ARGV[2..] field, JSON value pairs
local key = KEYS[1]
local ttl = tonumber(ARGV[1])
local added = 0
for i = 2, #ARGV, 2 do
  added = added + redis.call('HSET', key, ARGV[i], ARGV[i + 1])
end
if ttl > 0 then
  redis.call('PEXPIRE', key, ttl)
end
return added
