-- Append to a registry list, newest first, then trim it to its cap and refresh its TTL, atomically.
-- KEYS[1] list key
-- ARGV[1] TTL in ms (0 = keep none), ARGV[2] cap (0 = uncapped), ARGV[3..] JSON values, oldest first
-- Values go in with variadic LPUSH (one command per chunk, not per value); chunks stay well below Lua's
-- C-stack limit for unpack. When a cap is set, values that the trim would drop at once are not pushed.
local key = KEYS[1]
local ttl = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local first = 3
if cap > 0 and #ARGV - 2 > cap then
  first = #ARGV - cap + 1
end
local CHUNK = 1000
local len = 0
for i = first, #ARGV, CHUNK do
  len = redis.call('LPUSH', key, unpack(ARGV, i, math.min(i + CHUNK - 1, #ARGV)))
end
if cap > 0 and len > cap then
  redis.call('LTRIM', key, 0, cap - 1)
  len = cap
end
if ttl > 0 then
  redis.call('PEXPIRE', key, ttl)
end
return len
