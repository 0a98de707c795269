-- Add sorted-set members, keep only the `cap` highest scores (newest when scores are times) and
-- refresh the TTL, atomically.
-- KEYS[1] zset key
-- ARGV[1] TTL in ms (0 = none), ARGV[2] cap (0 = uncapped), ARGV[3..] score, JSON member pairs
local key = KEYS[1]
local ttl = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local added = 0
for i = 3, #ARGV, 2 do
  added = added + redis.call('ZADD', key, ARGV[i], ARGV[i + 1])
end
if cap > 0 then
  redis.call('ZREMRANGEBYRANK', key, 0, -(cap + 1))
end
if ttl > 0 then
  redis.call('PEXPIRE', key, ttl)
end
return added
