-- Adds to the `count` of a JSON counter kept in a hash field and replaces its other fields, atomically,
-- so processes counting the same class never lose an increment.
-- KEYS[1]  hash
-- ARGV[1]  field
-- ARGV[2]  the counter's other fields as a JSON object (already validated by the caller), e.g. {"ts":1}
-- ARGV[3]  key TTL ms
-- ARGV[4]  increment
-- Returns the new count.
local cur = redis.call('HGET', KEYS[1], ARGV[1])
local n = 0
if cur then
  local ok, v = pcall(cjson.decode, cur)
  if ok and type(v) == 'table' and type(v['count']) == 'number' and v['count'] >= 0 then
    n = math.floor(v['count'])
  end
end
n = n + tonumber(ARGV[4])
local count = '{"count":' .. string.format('%d', n)
local rest = ARGV[2]
local value
if rest == '{}' then
  value = count .. '}'
else
  value = count .. ',' .. string.sub(rest, 2)
end
redis.call('HSET', KEYS[1], ARGV[1], value)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return n
