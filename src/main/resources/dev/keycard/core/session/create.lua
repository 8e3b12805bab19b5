-- KEYS: session hash, user set, expiry zset. ARGV: session id, expiresAt, then the hash's field/value pairs.
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[1])
extend_index(KEYS[2], tonumber(ARGV[2]))
return 1
