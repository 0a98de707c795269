-- Append to a registry list, newest first, then trim it to its cap and refresh its TTL, atomically.
-- KEYS[1] list key
-- ARGV[1] TTL in ms (0 = keep none), ARGV[2] cap (0 = uncapped), ARGV[3..] JSON values, oldest first
local key = KEYS[1]
local ttl = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local len = 0
for i = 3, #ARGV do
  len = redis.call('LPUSH', key, ARGV[i])
end
if cap > 0 and len > cap then
  redis.call('LTRIM', key, 0, cap - 1)
  len = cap
end
if ttl > 0 then
  redis.call('PEXPIRE', key, ttl)
end
return len
