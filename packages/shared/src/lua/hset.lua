-- Set hash fields and refresh the key's TTL in one step, so a hash never outlives its TTL strategy.
-- KEYS[1] hash key
-- ARGV[1] TTL in ms (0 = none), ARGV[2..] field, JSON value pairs
return store_hset(KEYS[1], tonumber(ARGV[1]), 2, #ARGV)
