-- Append to a registry list, newest first, trim it to its cap and refresh its TTL, atomically.
-- KEYS[1] list key
-- ARGV[1] TTL in ms (0 = keep none), ARGV[2] cap (0 = uncapped), ARGV[3..] JSON values, oldest first
return store_push(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), 3, #ARGV)
