-- Add set members and refresh the key's TTL in one step.
-- KEYS[1] set key
-- ARGV[1] TTL in ms (0 = none), ARGV[2..] JSON members
return store_sadd(KEYS[1], tonumber(ARGV[1]), 2, #ARGV)
