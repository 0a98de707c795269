-- Add set members and refresh the key's TTL in one step.
-- KEYS[1] set key
-- ARGV[1] TTL in ms (0 = none), ARGV[2..] JSON members
local key = KEYS[1]
local ttl = tonumber(ARGV[1])
local added = 0
for i = 2, #ARGV do
  added = added + redis.call('SADD', key, ARGV[i])
end
if ttl > 0 then
  redis.call('PEXPIRE', key, ttl)
end
return added
